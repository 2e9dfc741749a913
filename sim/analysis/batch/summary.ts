// Honest statistics over a batch's runs: per cell (scenario × strategy, optionally split by
// design parameters) the mean, median, sd and a percentile-bootstrap CI of each kept measure;
// per pair of strategies within a scenario the Vargha–Delaney A, a two-sided Mann–Whitney p
// and a one-line verdict; Holm's adjustment over all pairwise tests of the batch.
//
// Threshold measures ("first tick ≥ x") may be never reached (null). Cells describe the runs
// that reached it (n) out of all runs (runs); comparisons rank a never-reached run after every
// run that did reach it (as +∞: censored at the end of the run), ties among themselves.
import { comparePair, describe, formatP, magnitude, ALPHA, MIN_CI_RUNS, type Magnitude } from '../stats/index.ts';
import { createRng, deriveSeed } from '../../engine/rng.ts';
import type { ParamValue } from './design.ts';
import type { RunResult } from './execute.ts';
import { scalarMeasures, type KeepKind, type KeptMeasure } from './keep.ts';
import type { ResolvedBatch, RunPlan } from './plan.ts';

export interface SummaryRow {
  scenario: string;
  strategy: string;
  /** Values of the `statistics.by` design parameters ({} when pooled over the design). */
  by: Record<string, ParamValue>;
  /** Column name of the kept measure. */
  measure: string;
  keep: KeepKind;
  /** Finished runs in the cell. */
  runs: number;
  /** Runs with a value (threshold measures: runs that reached it). */
  n: number;
  mean: number;
  median: number;
  sd: number;
  ciLow: number;
  ciHigh: number;
}

export interface PairRow {
  scenario: string;
  by: Record<string, ParamValue>;
  measure: string;
  keep: KeepKind;
  a: string;
  b: string;
  nA: number;
  nB: number;
  /** Vargha–Delaney A(a, b) = P(a > b) + ½ P(a = b) (threshold measures: P(a later than b)). */
  A: number;
  magnitude: Magnitude | null;
  /** Two-sided Mann–Whitney p. */
  p: number;
  /** Holm-adjusted p over all pairwise tests of the batch. */
  pHolm: number;
  /** The stochastically larger (threshold: earlier) strategy if p < α, else null. */
  winner: string | null;
  /** The same at the Holm-adjusted p. */
  winnerHolm: string | null;
  verdict: string;
}

export interface BatchSummary {
  cells: SummaryRow[];
  pairs: PairRow[];
  /** Pairwise tests in the Holm family (pairs with runs on both sides). */
  tests: number;
  alpha: number;
  level: number;
  resamples: number;
  /** Planned runs without a result (failed or missing). */
  missing: number;
  /** Cells with fewer runs than this have no CI (ciLow, ciHigh empty). */
  minCiRuns: number;
}

const keyOf = (by: Record<string, ParamValue>) => Object.entries(by).map(([k, v]) => `${k}=${v}`).join(',');

function runsPhrase(nA: number, nB: number): string {
  return nA === nB ? `${nA} ${nA === 1 ? 'run' : 'runs'} each` : `${nA} vs ${nB} runs`;
}

/** Holm–Bonferroni step-down adjustment; NaN p-values are left out of the family and stay NaN. */
export function holmAdjust(ps: readonly number[]): number[] {
  const order = ps.map((p, i) => [p, i] as const).filter(([p]) => p === p).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const m = order.length;
  const out = ps.map(() => NaN);
  let running = 0;
  order.forEach(([p, i], rank) => {
    const adjusted = Math.min(1, (m - rank) * p);
    running = adjusted > running ? adjusted : running;
    out[i] = running;
  });
  return out;
}

function thresholdText(m: KeptMeasure): string {
  return m.above !== undefined ? `${m.measure} ≥ ${m.above}` : `${m.measure} ≤ ${m.below}`;
}

function comparePairRow(m: KeptMeasure, a: string, xa: (number | null)[], b: string, xb: (number | null)[]): Omit<PairRow, 'scenario' | 'by' | 'pHolm' | 'winnerHolm'> {
  const base = { measure: m.column, keep: m.keep, a, b, nA: xa.length, nB: xb.length };
  if (!xa.length || !xb.length) {
    const none = !xa.length ? a : b;
    return { ...base, A: NaN, magnitude: null, p: NaN, winner: null, verdict: `${a} vs ${b} on ${m.column}: not compared, no finished runs of ${none}` };
  }
  if (m.keep !== 'threshold') {
    const c = comparePair(a, xa as number[], b, xb as number[], m.column);
    return { ...base, A: c.A, magnitude: c.magnitude, p: c.p, winner: c.winner, verdict: c.verdict };
  }
  const never = (x: (number | null)[]) => x.filter((v) => v === null).length;
  const ya = xa.map((v) => (v === null ? Infinity : v));
  const yb = xb.map((v) => (v === null ? Infinity : v));
  const c = comparePair(a, ya, b, yb, m.column);
  const mag = magnitude(c.A);
  const unreached = never(xa) || never(xb) ? `; never reached in ${never(xa)} vs ${never(xb)}` : '';
  const runs = runsPhrase(xa.length, xb.length);
  const cond = thresholdText(m);
  let verdict: string;
  // A(a, b) on the tick reached (never = +∞): P(a later than b) + ½ P(tie), the `A` column's orientation.
  const aText = `A(${a}, ${b}) = ${c.A.toFixed(2)}`;
  if (c.winner === null) {
    verdict = `no clear difference between ${a} and ${b} in when ${cond} is reached: ${aText}, ${formatP(c.p)}, ${runs}${unreached}`;
  } else {
    // comparePair's winner is the later one (larger tick); the earlier one wins here.
    const earlier = c.winner === a ? b : a;
    const later = c.winner;
    verdict = `${earlier} reaches ${cond} earlier than ${later}: ${aText} (${mag}; ${earlier} ahead), ${formatP(c.p)}, ${runs}${unreached}`;
  }
  return { ...base, A: c.A, magnitude: mag, p: c.p, winner: c.winner === null ? null : (c.winner === a ? b : a), verdict };
}

/**
 * Summarises finished runs. `results` may be in any order and may lack runs (failed or not
 * yet run); cells and pairs come out in spec order. Deterministic: each cell's bootstrap draws
 * from createRng(deriveSeed(base seed, 'bootstrap:<scenario>__<strategy>[__by]:<column>')).
 */
export function summarise(batch: ResolvedBatch, plans: readonly RunPlan[], results: readonly RunResult[]): BatchSummary {
  const measures = scalarMeasures(batch.measures);
  const { resamples, level, by } = batch.statistics;
  const byIndex = new Map<number, RunResult>();
  for (const r of results) byIndex.set(r.index, r);

  // Groups within a scenario (split by the `by` parameters), in run-list order.
  interface Cell { scenario: string; strategy: string; by: Record<string, ParamValue>; values: (number | null)[][] }
  const cells = new Map<string, Cell>();
  const groups = new Map<string, { scenario: string; by: Record<string, ParamValue> }>();
  // Create every planned cell first (a cell whose runs all failed still shows up).
  for (const p of plans) {
    const byValues = Object.fromEntries(by.map((k) => [k, p.params[k]]));
    const g = `${p.scenario}|${keyOf(byValues)}`;
    if (!groups.has(g)) groups.set(g, { scenario: p.scenario, by: byValues });
    const key = `${g}|${p.strategy}`;
    if (!cells.has(key)) cells.set(key, { scenario: p.scenario, strategy: p.strategy, by: byValues, values: measures.map(() => []) });
    const r = byIndex.get(p.index);
    if (r) measures.forEach((_, j) => cells.get(key)!.values[j].push(r.values[j]));
  }

  const rows: SummaryRow[] = [];
  for (const cell of cells.values()) {
    const suffix = by.length ? `__${keyOf(cell.by)}` : '';
    measures.forEach((m, j) => {
      const all = cell.values[j];
      const xs = all.filter((v): v is number => v !== null);
      const random = createRng(deriveSeed(batch.seed, `bootstrap:${cell.scenario}__${cell.strategy}${suffix}:${m.column}`));
      const d = describe(xs, random, { resamples, level });
      rows.push({
        scenario: cell.scenario, strategy: cell.strategy, by: cell.by, measure: m.column, keep: m.keep,
        runs: all.length, n: d.n, mean: d.mean, median: d.median, sd: d.sd, ciLow: d.lo, ciHigh: d.hi,
      });
    });
  }

  const pairs: Omit<PairRow, 'pHolm' | 'winnerHolm'>[] = [];
  for (const [g, group] of groups) {
    const strategies = batch.strategies.filter((s) => cells.has(`${g}|${s.id}`));
    measures.forEach((m, j) => {
      for (let x = 0; x < strategies.length; x++) {
        for (let y = x + 1; y < strategies.length; y++) {
          const a = strategies[x].id;
          const b = strategies[y].id;
          const row = comparePairRow(m, a, cells.get(`${g}|${a}`)!.values[j], b, cells.get(`${g}|${b}`)!.values[j]);
          pairs.push({ scenario: group.scenario, by: group.by, ...row });
        }
      }
    });
  }
  const holm = holmAdjust(pairs.map((p) => p.p));
  const tests = holm.filter((p) => p === p).length;
  const finalPairs: PairRow[] = pairs.map((p, i) => {
    const winnerHolm = p.winner !== null && holm[i] < ALPHA ? p.winner : null;
    const note = p.winner !== null && winnerHolm === null ? ` [not significant after Holm correction for ${tests} tests: p = ${holm[i].toFixed(3)}]` : '';
    return { ...p, pHolm: holm[i], winnerHolm, verdict: p.verdict + note };
  });
  return {
    cells: rows, pairs: finalPairs, tests, alpha: ALPHA, level, resamples,
    missing: plans.filter((p) => !byIndex.has(p.index)).length,
    minCiRuns: MIN_CI_RUNS,
  };
}
