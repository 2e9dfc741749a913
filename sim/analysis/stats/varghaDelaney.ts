import { rankSummary } from './ranks.ts';

/**
 * Vargha–Delaney A: probability that a run from x beats a run from y,
 * A = P(X > Y) + ½·P(X = Y). Effect size that needs no distributional
 * assumptions, so it suits skewed simulation outcomes.
 *
 * Via ranks instead of the O(n·m) pair count: A = U1 / (n1·n2) with
 * U1 = R1 − n1(n1+1)/2 and R1 the midrank sum of x (ties count ½), which costs
 * O((n+m) log(n+m)). Returns NaN if either sample is empty; throws on NaN values.
 */
export function varghaDelaneyA(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const { n1, n2, rankSumX } = rankSummary(x, y);
  if (n1 === 0 || n2 === 0) return NaN;
  const u1 = rankSumX - (n1 * (n1 + 1)) / 2;
  return u1 / (n1 * n2);
}

export type Magnitude = 'negligible' | 'small' | 'medium' | 'large';

// Vargha & Delaney (2000) thresholds on |A − 0.5|: A of 0.56 / 0.64 / 0.71
// (and mirror 0.44 / 0.36 / 0.29). A boundary value belongs to the larger
// category (A = 0.56 is "small"); the tolerance absorbs binary rounding of
// e.g. 0.56 − 0.5, which would otherwise flip a boundary either way.
const SMALL = 0.06;
const MEDIUM = 0.14;
const LARGE = 0.21;
const EPS = 1e-9;

/** Verbal effect-size label for an A value (symmetric around 0.5). */
export function magnitude(A: number): Magnitude {
  if (!(A >= 0 && A <= 1)) throw new RangeError(`A must be in [0, 1], got ${A}`);
  const d = A < 0.5 ? 0.5 - A : A - 0.5;
  if (d >= LARGE - EPS) return 'large';
  if (d >= MEDIUM - EPS) return 'medium';
  if (d >= SMALL - EPS) return 'small';
  return 'negligible';
}
