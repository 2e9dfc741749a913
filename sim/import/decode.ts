// Bytes → text. Spreadsheets save CSV as UTF-8 (often with a BOM) or, in older Excel versions
// on Windows, as Windows-1252 ("CSV (gescheiden door lijstscheidingsteken)"). TextDecoder
// exists in browsers and Node alike.

/** UTF-8 when the bytes are valid UTF-8, else Windows-1252; `legacy` says which was used. */
export function decodeText(bytes: Uint8Array): { text: string; legacy: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), legacy: false };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), legacy: true };
  }
}
