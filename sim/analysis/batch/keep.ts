// Which measures a batch keeps per run, and the per-tick collector that keeps them without
// storing whole series unless asked: final value, mean over a tick window, first tick a
// threshold is reached (null = never reached, an empty CSV cell), or the full series.
import { MEASURE_INDEX, MEASURES } from '../../schema/measures.ts';
import type { KeptMeasureSpec } from './spec.ts';

export type KeepKind = 'final' | 'mean' | 'threshold' | 'series';

export interface KeptMeasure {
  /** Column in runs.csv (series: column in series.csv, the measure key). */
  column: string;
  /** Key in MEASURES. */
  measure: string;
  keep: KeepKind;
  /** mean: window as given (resolved per run length by windowOf). */
  from?: number;
  to?: number;
  last?: number;
  /** threshold: first tick with value ≥ above, or ≤ below. */
  above?: number;
  below?: number;
  /** Plain-English description, e.g. "impact at the final tick". */
  label: string;
}

const num = (x: number) => String(x);

export function keptMeasureOf(spec: KeptMeasureSpec): KeptMeasure {
  const label = MEASURES[MEASURE_INDEX[spec.measure]].label.en;
  const en = label.toLowerCase() === spec.measure.toLowerCase() ? label : `${label} (${spec.measure})`;
  switch (spec.keep) {
    case 'final':
      return { column: spec.name ?? spec.measure, measure: spec.measure, keep: 'final', label: `${en} at the final tick` };
    case 'mean': {
      const column = spec.name ?? (spec.last !== undefined
        ? `${spec.measure}_mean_last${spec.last}`
        : `${spec.measure}_mean_${spec.from ?? 0}_${spec.to ?? 'end'}`);
      const window = spec.last !== undefined
        ? `the last ${spec.last} ticks`
        : `ticks ${spec.from ?? 0}–${spec.to ?? 'end'}`;
      return { column, measure: spec.measure, keep: 'mean', from: spec.from, to: spec.to, last: spec.last, label: `${en}, mean over ${window}` };
    }
    case 'threshold': {
      const above = spec.above !== undefined;
      const value = above ? spec.above! : spec.below!;
      const column = spec.name ?? `${spec.measure}_first_${above ? 'ge' : 'le'}_${num(value)}`;
      return {
        column, measure: spec.measure, keep: 'threshold', above: spec.above, below: spec.below,
        label: `first tick with ${spec.measure} ${above ? '≥' : '≤'} ${num(value)} (empty when never reached)`,
      };
    }
    case 'series':
      return { column: spec.measure, measure: spec.measure, keep: 'series', label: `${en} every tick` };
  }
}

/** The measures with one value per run (everything but series), in spec order. */
export const scalarMeasures = (kept: readonly KeptMeasure[]) => kept.filter((m) => m.keep !== 'series');
export const seriesMeasures = (kept: readonly KeptMeasure[]) => kept.filter((m) => m.keep === 'series');

/** A mean window resolved for a run of `ticks` ticks: inclusive [from, to]; null if it does not fit. */
export function windowOf(m: KeptMeasure, ticks: number): { from: number; to: number } | null {
  if (m.last !== undefined) return { from: Math.max(0, ticks - m.last + 1), to: ticks };
  const from = m.from ?? 0;
  const to = m.to ?? ticks;
  return from <= to && to <= ticks ? { from, to } : null;
}

export interface Keeper {
  /** Feed tick t's measures (t = 0 … ticks, in order). */
  observe(tick: number, row: Float64Array): void;
  /** One value per scalar measure (null: threshold never reached). */
  values(): (number | null)[];
  /** Rows [tick, ...series measures] every `every` ticks, or null without series measures. */
  series(): number[][] | null;
}

export function createKeeper(kept: readonly KeptMeasure[], ticks: number, every = 1): Keeper {
  const scalars = scalarMeasures(kept);
  const series = seriesMeasures(kept);
  const index = scalars.map((m) => MEASURE_INDEX[m.measure]);
  const seriesIndex = series.map((m) => MEASURE_INDEX[m.measure]);
  const windows = scalars.map((m) => (m.keep === 'mean' ? windowOf(m, ticks) : null));
  const sums = new Float64Array(scalars.length);
  const counts = new Float64Array(scalars.length);
  const out: (number | null)[] = scalars.map(() => null);
  const rows: number[][] = [];
  return {
    observe(tick, row) {
      for (let j = 0; j < scalars.length; j++) {
        const m = scalars[j];
        const v = row[index[j]];
        if (m.keep === 'final') {
          if (tick === ticks) out[j] = v;
        } else if (m.keep === 'mean') {
          const w = windows[j]!;
          if (tick >= w.from && tick <= w.to) { sums[j] += v; counts[j]++; }
          if (tick === w.to) out[j] = sums[j] / counts[j];
        } else if (out[j] === null && (m.above !== undefined ? v >= m.above : v <= m.below!)) {
          out[j] = tick;
        }
      }
      if (seriesIndex.length && tick % every === 0) {
        const r = [tick];
        for (const c of seriesIndex) r.push(row[c]);
        rows.push(r);
      }
    },
    values: () => out.slice(),
    series: () => (seriesIndex.length ? rows : null),
  };
}
