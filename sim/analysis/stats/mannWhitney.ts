import { normalCdf } from './normal.ts';
import { rankSummary } from './ranks.ts';

/**
 * Two-sided Mann–Whitney U (Wilcoxon rank-sum) test: are runs of x
 * stochastically larger or smaller than runs of y?
 *
 * - U is U1 = R1 − n1(n1+1)/2 (R1 = midrank sum of x), i.e. the number of
 *   (x, y) pairs with x > y plus ½ per tie; U1 + U2 = n1·n2.
 * - Exact null distribution when n1, n2 ≤ 20 and there are no ties
 *   (p = min(1, 2·min(P(U ≤ u), P(U ≥ u)))); the normal approximation is poor
 *   for the small run counts we often have.
 * - Otherwise normal approximation with tie-corrected variance
 *   σ² = n1n2/12 · ((n+1) − Σ(t³−t)/(n(n−1))) and continuity correction 0.5.
 * - z is always the (tie- and continuity-corrected) normal score, also in the
 *   exact case, so callers can show a signed effect direction. z = 0 when
 *   σ = 0 (every value tied).
 * - Empty sample ⇒ U, z, p all NaN. NaN inputs throw.
 */
export interface MannWhitneyResult {
  U: number;
  z: number;
  p: number;
  exact: boolean;
}

const EXACT_MAX_N = 20;

/**
 * Frequencies of U = 0 … n1·n2 under H0 (all C(n1+n2, n1) orderings equally likely).
 * Recurrence on the largest pooled value: if it is an x it beats all n2 y's,
 * else it adds nothing: f(i, j, u) = f(i−1, j, u−j) + f(i, j−1, u),
 * f(0, j, 0) = f(i, 0, 0) = 1. Counts stay below C(40, 20) ≈ 1.4e11 < 2^53, so
 * they are exact integers in float64.
 */
export function exactUCounts(n1: number, n2: number): Float64Array {
  const maxU = n1 * n2;
  const f: Float64Array[] = [];
  for (let i = 0; i <= n1; i++) {
    const row = new Float64Array(maxU + 1);
    row[0] = 1; // j = 0: no y's, U is 0
    f.push(row);
  }
  for (let j = 1; j <= n2; j++) {
    for (let i = 1; i <= n1; i++) {
      // Row i currently holds f(i, j−1, ·); row i−1 already holds f(i−1, j, ·).
      const row = f[i];
      const prev = f[i - 1];
      for (let u = i * j; u >= j; u--) row[u] += prev[u - j];
    }
  }
  return f[n1];
}

function exactP(n1: number, n2: number, u: number): number {
  const counts = exactUCounts(n1, n2);
  let total = 0;
  let lower = 0; // # orderings with U ≤ u
  let upper = 0; // # orderings with U ≥ u
  for (let k = 0; k < counts.length; k++) {
    total += counts[k];
    if (k <= u) lower += counts[k];
    if (k >= u) upper += counts[k];
  }
  const p = (2 * (lower < upper ? lower : upper)) / total;
  return p < 1 ? p : 1;
}

export function mannWhitney(x: ArrayLike<number>, y: ArrayLike<number>): MannWhitneyResult {
  const { n1, n2, rankSumX, tieTerm, hasTies } = rankSummary(x, y);
  if (n1 === 0 || n2 === 0) return { U: NaN, z: NaN, p: NaN, exact: false };

  const U = rankSumX - (n1 * (n1 + 1)) / 2;
  const n = n1 + n2;
  const mu = (n1 * n2) / 2;
  const sigma = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  const d = U - mu;
  // Continuity correction: shrink |U − μ| by ½, never past zero.
  const corrected = d > 0.5 ? d - 0.5 : d < -0.5 ? d + 0.5 : 0;
  const z = sigma > 0 ? corrected / sigma : 0;

  if (!hasTies && n1 <= EXACT_MAX_N && n2 <= EXACT_MAX_N) {
    return { U, z, p: exactP(n1, n2, U), exact: true };
  }
  const p = 2 * normalCdf(z < 0 ? z : -z);
  return { U, z, p: p < 1 ? p : 1, exact: false };
}
