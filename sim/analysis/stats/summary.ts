import { mean, median, sampleStandardDeviation } from 'simple-statistics';
import { bootstrapCI, type BootstrapOptions } from './bootstrap.ts';
import { mannWhitney } from './mannWhitney.ts';
import { magnitude, varghaDelaneyA, type Magnitude } from './varghaDelaney.ts';

/**
 * Human-facing summaries of strategy outcomes over many seeded runs: per-strategy
 * description and a pairwise verdict (A effect size + Mann–Whitney p).
 */

export interface Description {
  n: number;
  mean: number;
  median: number;
  /** Sample standard deviation (n − 1); NaN when n < 2. */
  sd: number;
  /** Percentile-bootstrap CI of the mean (see bootstrapCI); NaN when n < MIN_CI_RUNS. */
  lo: number;
  hi: number;
}

/**
 * Fewest values for a confidence interval. A bootstrap of one value is that value, of two
 * values at most three distinct means: an "interval" that looks precise and says nothing.
 */
export const MIN_CI_RUNS = 3;

/** Why a cell has no CI, for tables and reports (null when it has one). */
export function noCiReason(n: number): string | null {
  if (n >= MIN_CI_RUNS) return null;
  return n === 0 ? 'no runs' : `no CI: ${n} run${n === 1 ? '' : 's'}, at least ${MIN_CI_RUNS} needed`;
}

export function describe(
  values: ArrayLike<number>,
  random: () => number,
  opts: Pick<BootstrapOptions, 'resamples' | 'level'> = {},
): Description {
  const xs = Array.from(values);
  const n = xs.length;
  if (n === 0) return { n, mean: NaN, median: NaN, sd: NaN, lo: NaN, hi: NaN };
  // Below MIN_CI_RUNS no interval and no draws (so a cell's draws never depend on a neighbour's n).
  const ci = n >= MIN_CI_RUNS ? bootstrapCI(xs, { ...opts, random }) : { lo: NaN, hi: NaN };
  return {
    n,
    mean: mean(xs),
    median: median(xs),
    sd: n > 1 ? sampleStandardDeviation(xs) : NaN,
    lo: ci.lo,
    hi: ci.hi,
  };
}

/** Conventional significance threshold for declaring a winner. */
export const ALPHA = 0.05;

/** 'p < 0.001' below 0.001, else 'p = 0.xyz' (3 decimals). */
export function formatP(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

export interface PairComparison<A extends string = string, B extends string = string> {
  a: A;
  b: B;
  measure: string;
  /** Vargha–Delaney A(xA, xB): chance a run of a beats a run of b. */
  A: number;
  /** Two-sided Mann–Whitney p. */
  p: number;
  nA: number;
  nB: number;
  magnitude: Magnitude;
  /** The stochastically larger strategy if p < 0.05, else null. */
  winner: A | B | null;
  verdict: string;
}

function runsPhrase(nA: number, nB: number): string {
  if (nA === nB) return `${nA} ${nA === 1 ? 'run' : 'runs'} each`;
  return `${nA} vs ${nB} runs`;
}

/**
 * Compare two strategies on one measure ("larger is better" wording: the
 * verdict says which one tends to score higher). The verdict quotes A in the
 * same orientation as the `A` field, A(a, b) = P(a > b) + ½ P(a = b), and names
 * the arm that is ahead, so a table's A column and its text never disagree.
 * Throws on an empty sample.
 */
export function comparePair<A extends string, B extends string>(
  nameA: A,
  xA: ArrayLike<number>,
  nameB: B,
  xB: ArrayLike<number>,
  measure: string,
): PairComparison<A, B> {
  const nA = xA.length;
  const nB = xB.length;
  if (nA === 0 || nB === 0) {
    throw new RangeError(`comparePair needs runs on both sides (${nameA}: ${nA}, ${nameB}: ${nB})`);
  }
  const A = varghaDelaneyA(xA, xB);
  const { p } = mannWhitney(xA, xB);
  const mag = magnitude(A);
  const winner = p < ALPHA && A !== 0.5 ? (A > 0.5 ? nameA : nameB) : null;
  const runs = runsPhrase(nA, nB);

  const a = `A(${nameA}, ${nameB}) = ${A.toFixed(2)}`;
  let verdict: string;
  if (winner === null) {
    verdict = `no clear difference between ${nameA} and ${nameB} on ${measure}: ${a}, ${formatP(p)}, ${runs}`;
  } else {
    const loser = winner === nameA ? nameB : nameA;
    verdict = `${winner} > ${loser} on ${measure}: ${a} (${mag}; ${winner} ahead), ${formatP(p)}, ${runs}`;
  }
  return { a: nameA, b: nameB, measure, A, p, nA, nB, magnitude: mag, winner, verdict };
}
