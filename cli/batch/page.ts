// What the sensitivity and calibration reports share as self-contained HTML pages: escaping
// and the base style (type, headings, tables, sections that do not break across pages).
export const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function baseCss(maxWidth: number): string {
  return `body{font:14px/1.45 system-ui,sans-serif;max-width:${maxWidth}px;margin:2em auto;color:#222;padding:0 1em}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}table{border-collapse:collapse;margin:.8em 0}
td,th{border-bottom:1px solid #ddd;padding:2px 8px;text-align:left;font-variant-numeric:tabular-nums}
`;
}
