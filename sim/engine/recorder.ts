// Data collection (Mesa's DataCollector): records each tick's measures into one growing
// Float64Array, as a tidy table keyed by tick. Separate from the model on purpose.
import { MEASURES, MEASURE_KEYS } from '../schema/measures.ts';
import type { Run } from './run.ts';

export interface Recorder {
  /** Appends the run's current measures (call after creation and after every step). */
  collect(run: Run): void;
  readonly length: number;
  /** Row r's tick. */
  tick(r: number): number;
  /** Row r as a view (do not keep it across collect()). */
  row(r: number): Float64Array;
  /** One measure over all rows. */
  column(key: string): Float64Array;
  /** Rows as plain objects { tick, ...measures } for JSON export. */
  toObjects(): Record<string, number>[];
}

export function createRecorder(expectedTicks = 256): Recorder {
  const width = MEASURES.length + 1;
  let data = new Float64Array(width * (expectedTicks + 1));
  let length = 0;
  return {
    collect(run) {
      if ((length + 1) * width > data.length) {
        const next = new Float64Array(data.length * 2);
        next.set(data);
        data = next;
      }
      data[length * width] = run.tick;
      data.set(run.measures, length * width + 1);
      length++;
    },
    get length() { return length; },
    tick: (r) => data[r * width],
    row: (r) => data.subarray(r * width + 1, (r + 1) * width),
    column(key) {
      const c = MEASURE_KEYS.indexOf(key);
      if (c < 0) throw new RangeError(`unknown measure '${key}'`);
      const out = new Float64Array(length);
      for (let r = 0; r < length; r++) out[r] = data[r * width + 1 + c];
      return out;
    },
    toObjects() {
      const rows: Record<string, number>[] = [];
      for (let r = 0; r < length; r++) {
        const o: Record<string, number> = { tick: data[r * width] };
        MEASURE_KEYS.forEach((k, c) => { o[k] = data[r * width + 1 + c]; });
        rows.push(o);
      }
      return rows;
    },
  };
}

/** The CLI's CSV: `tick` then every measure, each number in JavaScript's shortest
 * round-trip form (identical in every V8). */
export function seriesToCsv(rec: Recorder): string {
  const lines = [['tick', ...MEASURE_KEYS].join(',')];
  for (let r = 0; r < rec.length; r++) {
    const row = rec.row(r);
    const cells = [String(rec.tick(r))];
    for (let c = 0; c < row.length; c++) cells.push(String(row[c]));
    lines.push(cells.join(','));
  }
  return lines.join('\n') + '\n';
}
