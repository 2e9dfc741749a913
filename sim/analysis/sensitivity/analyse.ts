// From a finished sensitivity batch to its indices: each design point's outcome is the mean
// over its seeds (the same seeds at every point: common random numbers), then the method's
// estimators run per kept measure on those means. Bootstrap CIs draw from
// deriveSeed(seed, 'sensitivity:<measure>'), so the indices are reproducible and one measure's
// CIs do not depend on another's.
import { createRng, deriveSeed } from '../../engine/rng.ts';
import type { RunResult } from '../batch/execute.ts';
import { scalarMeasures } from '../batch/keep.ts';
import type { ResolvedBatch, RunPlan } from '../batch/plan.ts';
import { morrisIndices } from './elementary-effects.ts';
import type { ResolvedSensitivity } from './plan.ts';
import { sobolIndices } from './sobol-indices.ts';

export interface IndexRow {
  parameter: string;
  measure: string;
  mu_star: number | null;
  sigma: number | null;
  S1: number | null;
  S1_conf: number | null;
  ST: number | null;
  ST_conf: number | null;
  mu: number | null;
  mu_star_conf: number | null;
}

export const INDEX_COLUMNS = ['parameter', 'measure', 'mu_star', 'sigma', 'S1', 'S1_conf', 'ST', 'ST_conf', 'mu', 'mu_star_conf'] as const;

export interface PointMeans {
  /** means[measure][point]: the mean over the point's seeds (NaN when a run or value is missing). */
  means: number[][];
  /** Design points lacking a run or a value. */
  incomplete: number[];
}

/** Per kept measure and design point (1-based index d → column d − 1), the mean over its seeds. */
export function pointMeans(batch: ResolvedBatch, plans: readonly RunPlan[], results: ReadonlyMap<number, RunResult>): PointMeans {
  const points = batch.design?.points.length ?? 0;
  const width = scalarMeasures(batch.measures).length;
  const sums = Array.from({ length: width }, () => new Float64Array(points));
  const counts = new Int32Array(points);
  const bad = new Set<number>();
  for (const p of plans) {
    const d = (p.design ?? 0) - 1;
    if (d < 0) continue;
    const r = results.get(p.index);
    if (!r || r.values.some((v) => v === null)) { bad.add(d + 1); continue; }
    counts[d]++;
    for (let m = 0; m < width; m++) sums[m][d] += r.values[m]!;
  }
  for (let d = 0; d < points; d++) if (counts[d] !== batch.replications) bad.add(d + 1);
  const means = sums.map((row) => Array.from(row, (s, d) => (bad.has(d + 1) ? NaN : s / counts[d])));
  return { means, incomplete: [...bad].sort((a, b) => a - b) };
}

const orNull = (x: number) => (Number.isFinite(x) ? x : null);

/** indices.csv's rows: per measure (spec order), per parameter (spec order). */
export function sensitivityIndices(resolved: ResolvedSensitivity, batch: ResolvedBatch, means: number[][]): IndexRow[] {
  const { problem, design } = resolved;
  const { resamples, level } = resolved.record.statistics;
  const rows: IndexRow[] = [];
  scalarMeasures(batch.measures).forEach((m, k) => {
    const y = means[k];
    if (y.some((v) => !Number.isFinite(v))) throw new RangeError(`measure ${m.column}: not every design point has a value`);
    const conf = { random: createRng(deriveSeed(batch.seed, `sensitivity:${m.column}`)), resamples, level };
    const base = (parameter: string): IndexRow => ({
      parameter, measure: m.column, mu_star: null, sigma: null, S1: null, S1_conf: null, ST: null, ST_conf: null, mu: null, mu_star_conf: null,
    });
    if (design.method === 'morris') {
      morrisIndices(problem, design, y, conf).forEach((ix, j) => rows.push({
        ...base(problem.parameters[j].name),
        mu_star: orNull(ix.mu_star), sigma: orNull(ix.sigma), mu: orNull(ix.mu), mu_star_conf: orNull(ix.mu_star_conf),
      }));
    } else {
      sobolIndices(y, problem.parameters.length, design.step, conf).forEach((ix, j) => rows.push({
        ...base(problem.parameters[j].name),
        S1: orNull(ix.S1), S1_conf: orNull(ix.S1_conf), ST: orNull(ix.ST), ST_conf: orNull(ix.ST_conf),
      }));
    }
  });
  return rows;
}
