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
  /** Percentile-bootstrap CI of the mean (see bootstrapCI). */
  lo: number;
  hi: number;
}

export function describe(
  values: ArrayLike<number>,
  random: () => number,
  opts: Pick<BootstrapOptions, 'resamples' | 'level'> = {},
): Description {
  const xs = Array.from(values);
  const n = xs.length;
  if (n === 0) return { n, mean: NaN, median: NaN, sd: NaN, lo: NaN, hi: NaN };
  const ci = bootstrapCI(xs, { ...opts, random });
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
 * verdict says which one tends to score higher). In a winning verdict A is
 * reported from the winner's side (A(winner, loser) ≥ 0.5), so the sentence
 * reads naturally; the `A` field is always A(xA, xB). Throws on an empty sample.
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

  let verdict: string;
  if (winner === null) {
    verdict = `no clear difference between ${nameA} and ${nameB} on ${measure}: A = ${A.toFixed(2)}, ${formatP(p)}, ${runs}`;
  } else {
    const loser = winner === nameA ? nameB : nameA;
    const aWinner = winner === nameA ? A : 1 - A;
    verdict = `${winner} > ${loser} on ${measure}: A = ${aWinner.toFixed(2)} (${mag}), ${formatP(p)}, ${runs}`;
  }
  return { a: nameA, b: nameB, measure, A, p, nA, nB, magnitude: mag, winner, verdict };
}
