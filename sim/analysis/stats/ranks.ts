/**
 * Pooled midrank statistics for two samples, shared by Vargha–Delaney A and
 * Mann–Whitney U.
 *
 * Why hand-written: simple-statistics' wilcoxonRankSum gives R1 but not the
 * tie-group sizes (needed for the variance correction and to decide whether the
 * exact null distribution applies). Sorting each sample once and merge-walking
 * the two sorted copies gives everything in O(n log n + m log m).
 */

export interface RankSummary {
  n1: number;
  n2: number;
  /** Sum of the (mid)ranks of x in the pooled sample, ranks starting at 1. */
  rankSumX: number;
  /** Σ (t³ − t) over groups of t tied pooled values (0 when there are no ties). */
  tieTerm: number;
  /** True if any value occurs more than once in the pooled sample. */
  hasTies: boolean;
}

function sortedCopy(values: ArrayLike<number>, label: string): Float64Array {
  const out = Float64Array.from(values);
  for (let i = 0; i < out.length; i++) {
    if (out[i] !== out[i]) throw new RangeError(`${label} contains NaN at index ${i}`);
  }
  return out.sort(); // TypedArray sort is numeric
}

export function rankSummary(x: ArrayLike<number>, y: ArrayLike<number>): RankSummary {
  const xs = sortedCopy(x, 'x');
  const ys = sortedCopy(y, 'y');
  const n1 = xs.length;
  const n2 = ys.length;

  let i = 0;
  let j = 0;
  let below = 0; // pooled values strictly smaller than the current group
  let rankSumX = 0;
  let tieTerm = 0;
  while (i < n1 || j < n2) {
    const v = j >= n2 || (i < n1 && xs[i] <= ys[j]) ? xs[i] : ys[j];
    let cx = 0;
    while (i < n1 && xs[i] === v) { cx++; i++; }
    let cy = 0;
    while (j < n2 && ys[j] === v) { cy++; j++; }
    const t = cx + cy;
    // The group occupies ranks below+1 … below+t; each member gets the midrank.
    rankSumX += cx * (below + (t + 1) / 2);
    if (t > 1) tieTerm += t * t * t - t;
    below += t;
  }
  return { n1, n2, rankSumX, tieTerm, hasTies: tieTerm > 0 };
}
