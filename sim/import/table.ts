// A spreadsheet export as rows of trimmed cells. Spreadsheets write what their locale wants:
// Dutch ones use ';' (because ',' is the decimal mark), others ','; some add a UTF-8 BOM and
// CRLF line ends. The separator is detected from the header line.
import { dsvFormat } from 'd3-dsv';
import { InputError } from '../schema/validate.ts';

export interface TableRow {
  /** The row's line number in the file (the header is row 1), as a spreadsheet shows it. */
  row: number;
  cells: string[];
}

export interface Table {
  separator: string;
  header: string[];
  rows: TableRow[];
}

const SEPARATORS = [';', ',', '\t'] as const;

/** Counts each candidate separator on the first line, outside quoted cells. */
export function detectSeparator(text: string): string | undefined {
  const counts = new Map<string, number>(SEPARATORS.map((s) => [s, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: string | undefined;
  for (const s of SEPARATORS) if (counts.get(s)! > 0 && (best === undefined || counts.get(s)! > counts.get(best)!)) best = s;
  return best;
}

export function readTable(text: string, file: string): Table {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.trim() === '') throw new InputError(file, [{ path: '', message: 'the file is empty; expected a header line with column names' }]);
  const separator = detectSeparator(clean);
  if (separator === undefined) {
    throw new InputError(file, [{ path: 'row 1', message: "found no ';', ',' or tab between column names on the header line" }]);
  }
  const parsed = dsvFormat(separator).parseRows(clean);
  const header = parsed[0].map((h) => h.trim());
  const rows: TableRow[] = [];
  // Line numbers: a quoted cell may hold line breaks, so count them rather than assume one line a row.
  let line = 1 + lineBreaks(parsed[0]);
  for (let r = 1; r < parsed.length; r++) {
    line++;
    const cells = parsed[r].map((c) => c.trim());
    if (cells.some((c) => c !== '')) rows.push({ row: line, cells });
    line += lineBreaks(parsed[r]);
  }
  return { separator, header, rows };
}

function lineBreaks(cells: string[]): number {
  let n = 0;
  for (const c of cells) for (const ch of c) if (ch === '\n') n++;
  return n;
}
