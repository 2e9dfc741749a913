// indices.csv: one row per measure × parameter; an empty cell where the method gives no value
// (Morris: no S1/ST; Sobol: no mu_star/sigma) or the value is undefined (a constant output).
// Plain comma-separated with a header row, numbers in shortest round-trip form: pandas.read_csv
// reads it unmodified (empty cells become NaN).
import { csvFormatRows } from 'd3-dsv';
import { INDEX_COLUMNS, type IndexRow } from './analyse.ts';

export function indicesCsv(rows: readonly IndexRow[]): string {
  const cell = (v: string | number | null) => (v === null ? '' : String(v));
  return csvFormatRows([[...INDEX_COLUMNS], ...rows.map((r) => INDEX_COLUMNS.map((c) => cell(r[c])))]) + '\n';
}
