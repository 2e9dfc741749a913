// Mean-and-CI ribbons over time for kept series: per scenario × strategy × series measure,
// at each kept tick, the mean over runs and mean ± z·sd/√n (normal approximation; a bootstrap
// per tick would cost ticks × resamples and add little for ribbons that are read by eye).
import { normalCdf } from '../stats/index.ts';
import type { RunResult } from './execute.ts';
import { seriesMeasures } from './keep.ts';
import type { ResolvedBatch, RunPlan } from './plan.ts';

export interface SeriesBand {
  scenario: string;
  strategy: string;
  measure: string;
  /** Runs contributing. */
  n: number;
  ticks: number[];
  mean: number[];
  lo: number[];
  hi: number[];
}

/** Φ⁻¹(q) by bisection on the deterministic Φ (60 halvings: exact to double precision). */
export function normalQuantile(q: number): number {
  if (!(q > 0 && q < 1)) throw new RangeError(`q must be in (0, 1), got ${q}`);
  let lo = -40;
  let hi = 40;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < q) lo = mid; else hi = mid;
  }
  return (lo + hi) / 2;
}

export function seriesBands(batch: ResolvedBatch, plans: readonly RunPlan[], results: readonly RunResult[]): SeriesBand[] {
  const series = seriesMeasures(batch.measures);
  if (!series.length) return [];
  const z = normalQuantile((1 + batch.statistics.level) / 2);
  const byIndex = new Map(results.map((r) => [r.index, r]));
  const groups = new Map<string, { scenario: string; strategy: string; runs: number[][][] }>();
  for (const p of plans) {
    const key = `${p.scenario}|${p.strategy}`;
    if (!groups.has(key)) groups.set(key, { scenario: p.scenario, strategy: p.strategy, runs: [] });
    const r = byIndex.get(p.index);
    if (r?.series) groups.get(key)!.runs.push(r.series);
  }
  const out: SeriesBand[] = [];
  for (const g of groups.values()) {
    const n = g.runs.length;
    // Runs of one scenario share their length, so rows line up by position.
    const rows = n ? Math.min(...g.runs.map((r) => r.length)) : 0;
    series.forEach((m, j) => {
      const band: SeriesBand = { scenario: g.scenario, strategy: g.strategy, measure: m.column, n, ticks: [], mean: [], lo: [], hi: [] };
      for (let t = 0; t < rows; t++) {
        let sum = 0;
        for (const run of g.runs) sum += run[t][j + 1];
        const mean = sum / n;
        let ss = 0;
        for (const run of g.runs) { const d = run[t][j + 1] - mean; ss += d * d; }
        const se = n > 1 ? Math.sqrt(ss / (n - 1) / n) : 0;
        band.ticks.push(g.runs[0][t][0]);
        band.mean.push(mean);
        band.lo.push(mean - z * se);
        band.hi.push(mean + z * se);
      }
      out.push(band);
    });
  }
  return out;
}
