// Stage 1 of a calibration (docs/CALIBRATION.md §6): Morris screening decides which parameters
// stage 2's Latin hypercube varies. mu_star is in measure units per whole range, so measures are
// made comparable first: per measure, each parameter's mu_star relative to the largest mu_star
// on that measure (1 = the strongest parameter there, 0 = no effect). A parameter's score is its
// largest relative mu_star over the filters' measures — it is kept if it matters for any filter.
// Ranked by score (descending), ties in spec order; kept: the best `count`, or every parameter
// whose score reaches `threshold` (at least one is always kept: stage 2 needs a parameter).
import { csvFormatRows } from 'd3-dsv';
import type { IndexRow } from '../sensitivity/analyse.ts';
import type { ScreeningSpec } from './spec.ts';

export interface ScreeningRank {
  parameter: string;
  /** 1 = most important. */
  rank: number;
  /** Largest relative mu_star over the measures, in [0, 1]. */
  score: number;
  kept: boolean;
  /** Per measure (column order of `measures`): mu_star, its CI half-width, sigma, relative mu_star. */
  perMeasure: { measure: string; mu_star: number; mu_star_conf: number; sigma: number; relative: number }[];
}

const finite = (x: number | null | undefined) => (typeof x === 'number' && Number.isFinite(x) ? x : 0);

/** Ranks `parameters` (spec order) on Morris index rows of `measures`. */
export function rankScreening(parameters: readonly string[], measures: readonly string[], rows: readonly IndexRow[], keep: ScreeningSpec['keep']): ScreeningRank[] {
  const at = new Map(rows.map((r) => [`${r.measure}\u0000${r.parameter}`, r]));
  const row = (m: string, p: string) => {
    const r = at.get(`${m}\u0000${p}`);
    if (!r) throw new RangeError(`screening: no Morris index for parameter ${p} on measure ${m}`);
    return r;
  };
  const largest = measures.map((m) => Math.max(0, ...parameters.map((p) => finite(row(m, p).mu_star))));
  const ranked = parameters.map((p, order) => {
    const perMeasure = measures.map((m, k) => {
      const r = row(m, p);
      const mu = finite(r.mu_star);
      return { measure: m, mu_star: mu, mu_star_conf: finite(r.mu_star_conf), sigma: finite(r.sigma), relative: largest[k] > 0 ? mu / largest[k] : 0 };
    });
    return { parameter: p, order, score: Math.max(0, ...perMeasure.map((x) => x.relative)), perMeasure };
  }).sort((a, b) => b.score - a.score || a.order - b.order);
  return ranked.map((r, i) => ({
    parameter: r.parameter,
    rank: i + 1,
    score: r.score,
    kept: i === 0 || ('count' in keep ? i < keep.count : r.score >= keep.threshold),
    perMeasure: r.perMeasure,
  }));
}

/** screening.csv: one row per parameter in rank order; per measure mu_star, its CI, sigma and relative mu_star. */
export function screeningCsv(ranks: readonly ScreeningRank[]): string {
  const measures = ranks[0]?.perMeasure.map((x) => x.measure) ?? [];
  const header = ['rank', 'parameter', 'score', 'kept', ...measures.flatMap((m) => [`${m}_mu_star`, `${m}_mu_star_conf`, `${m}_sigma`, `${m}_relative`])];
  const rows = ranks.map((r) => [r.rank, r.parameter, r.score, r.kept, ...r.perMeasure.flatMap((x) => [x.mu_star, x.mu_star_conf, x.sigma, x.relative])].map(String));
  return csvFormatRows([header, ...rows]) + '\n';
}
