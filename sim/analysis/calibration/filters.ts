// Filtering by descriptive patterns: a run passes a filter when its kept measure lies in the
// filter's range (or compares as stated); a point's share is the fraction of its finished runs
// passing; a point is accepted when the share of its runs passing *every* filter reaches the
// spec's threshold. Only descriptive patterns go here — never a held-out claim.
import type { RunResult } from '../batch/execute.ts';
import { scalarMeasures } from '../batch/keep.ts';
import type { ResolvedBatch, RunPlan } from '../batch/plan.ts';
import type { ParamValue } from '../batch/design.ts';
import type { ResolvedFilter } from './plan.ts';

export interface PointVerdict {
  design: number;
  values: Record<string, ParamValue>;
  /** Finished runs of the point. */
  runs: number;
  /** Per filter (spec order): share of runs passing; NaN without runs. */
  shares: number[];
  /** Share of runs passing every filter. */
  joint: number;
  accepted: boolean;
}

export function passes(filter: ResolvedFilter, value: (column: string) => number | null): boolean {
  const x = value(filter.left);
  if (x === null || !Number.isFinite(x)) return false;
  if (filter.op === 'between') return (filter.min === undefined || x > filter.min) && (filter.max === undefined || x < filter.max);
  const y = typeof filter.right === 'number' ? filter.right : value(filter.right as string);
  if (y === null || !Number.isFinite(y)) return false;
  return filter.op === '<' ? x < y : x > y;
}

export function evaluatePoints(
  batch: ResolvedBatch, plans: readonly RunPlan[], results: ReadonlyMap<number, RunResult>, filters: readonly ResolvedFilter[], acceptShare: number,
): PointVerdict[] {
  const columns = new Map(scalarMeasures(batch.measures).map((m, i) => [m.column, i]));
  const points = batch.design?.points ?? [];
  const pass = points.map(() => new Int32Array(filters.length));
  const joint = new Int32Array(points.length);
  const runs = new Int32Array(points.length);
  for (const p of plans) {
    const r = results.get(p.index);
    if (!r || p.design === null) continue;
    const d = p.design - 1;
    runs[d]++;
    let all = true;
    filters.forEach((f, k) => {
      const ok = passes(f, (c) => r.values[columns.get(c)!]);
      if (ok) pass[d][k]++; else all = false;
    });
    if (all) joint[d]++;
  }
  return points.map((pt, d) => {
    const n = runs[d];
    const share = n ? joint[d] / n : NaN;
    return {
      design: pt.index, values: pt.values, runs: n,
      shares: Array.from(pass[d], (x) => (n ? x / n : NaN)),
      joint: share,
      accepted: n > 0 && share >= acceptShare,
    };
  });
}
