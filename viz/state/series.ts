// The measures over time, as the UI receives them: frames bring rows (tick, ...MEASURES);
// this keeps them in one growing Float64Array and hands out columns.
import { MEASURE_INDEX, MEASURES } from '../../sim/meta.ts';

export const ROW_WIDTH = MEASURES.length + 1;

export interface Series {
  readonly length: number;
  append(rows: Float64Array): void;
  clear(): void;
  tick(r: number): number;
  value(r: number, key: string): number;
  /** The last row's value, NaN when empty. */
  last(key: string): number;
  /** The row holding `tick`, or −1. */
  rowOfTick(tick: number): number;
  column(key: string): Float64Array;
}

/** A series holding the given rows (tick, ...MEASURES), e.g. a branch's original. */
export function seriesOf(rows: Float64Array): Series {
  const s = createSeries();
  s.append(rows);
  return s;
}

export function createSeries(): Series {
  let data = new Float64Array(ROW_WIDTH * 256);
  let length = 0;
  const col = (key: string) => {
    const c = MEASURE_INDEX[key];
    if (c === undefined) throw new RangeError(`unknown measure '${key}'`);
    return c + 1;
  };
  return {
    get length() { return length; },
    append(rows) {
      const count = rows.length / ROW_WIDTH;
      if (!count) return;
      // Rows must continue the series; a row for a tick already held replaces from there on.
      let at = length;
      const first = rows[0];
      if (length && first <= data[(length - 1) * ROW_WIDTH]) {
        at = 0;
        while (at < length && data[at * ROW_WIDTH] < first) at++;
      }
      while ((at + count) * ROW_WIDTH > data.length) {
        const next = new Float64Array(data.length * 2);
        next.set(data);
        data = next;
      }
      data.set(rows, at * ROW_WIDTH);
      length = at + count;
    },
    clear() { length = 0; },
    tick: (r) => data[r * ROW_WIDTH],
    value: (r, key) => data[r * ROW_WIDTH + col(key)],
    last(key) { return length ? data[(length - 1) * ROW_WIDTH + col(key)] : NaN; },
    rowOfTick(tick) {
      // Ticks are consecutive from 0 in practice; fall back to a search otherwise.
      if (tick >= 0 && tick < length && data[tick * ROW_WIDTH] === tick) return tick;
      for (let r = 0; r < length; r++) if (data[r * ROW_WIDTH] === tick) return r;
      return -1;
    },
    column(key) {
      const c = col(key);
      const out = new Float64Array(length);
      for (let r = 0; r < length; r++) out[r] = data[r * ROW_WIDTH + c];
      return out;
    },
  };
}
