// First-order and total Sobol' indices from a Saltelli design's outputs, with SALib's
// estimators: S1_j = mean(f(B)·(f(AB_j) − f(A))) / V (Saltelli et al. 2010, table 2 (b)) and
// ST_j = ½·mean((f(A) − f(AB_j))²) / V (Jansen 1999), V the variance (divisor n) of f(A) and
// f(B) pooled. Outputs are centred first, as SALib does (SALib on all rows; here on the mean of
// f(A) and f(B), the two independent samples, so a second-order design gives the same S1 and ST
// as a first-order one): the S1 estimator is unbiased either way, but its variance grows with
// the output's offset (an outcome near 0.95 with a spread of 0.01 gives S1 far outside [0, 1]). Confidence half-widths by bootstrap over the base samples (bootstrap-conf.ts),
// one set of resampled indices shared by all parameters, as SALib does.
import { confHalfWidth, forEachResample, type ConfOptions } from './bootstrap-conf.ts';

export interface SobolIndex {
  S1: number;
  S1_conf: number;
  ST: number;
  ST_conf: number;
}

interface Split { a: Float64Array; b: Float64Array; ab: Float64Array[] }

/** f(A), f(B) and f(AB_j) per base sample from outputs in Saltelli row order. */
function split(y: ArrayLike<number>, parameters: number, step: number): Split {
  if (step !== parameters + 2 && step !== 2 * parameters + 2) throw new RangeError(`rows per base sample must be D + 2 or 2D + 2 (D = ${parameters}), got ${step}`);
  if (y.length % step !== 0) throw new RangeError(`${y.length} outputs are not a whole number of base samples of ${step} rows`);
  const n = y.length / step;
  let centre = 0;
  for (let i = 0; i < n; i++) centre += y[i * step] + y[i * step + step - 1];
  centre /= 2 * n;
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const ab = Array.from({ length: parameters }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    a[i] = y[i * step] - centre;
    for (let j = 0; j < parameters; j++) ab[j][i] = y[i * step + 1 + j] - centre;
    b[i] = y[i * step + step - 1] - centre;
  }
  return { a, b, ab };
}

function pooledVariance(s: Split, idx: ArrayLike<number>): number {
  const n = idx.length;
  let mean = 0;
  for (let k = 0; k < n; k++) mean += s.a[idx[k]] + s.b[idx[k]];
  mean /= 2 * n;
  let ss = 0;
  for (let k = 0; k < n; k++) {
    const da = s.a[idx[k]] - mean;
    const db = s.b[idx[k]] - mean;
    ss += da * da + db * db;
  }
  return ss / (2 * n);
}

function firstOrder(s: Split, j: number, idx: ArrayLike<number>, v: number): number {
  let sum = 0;
  for (let k = 0; k < idx.length; k++) { const i = idx[k]; sum += s.b[i] * (s.ab[j][i] - s.a[i]); }
  return sum / idx.length / v;
}

function totalOrder(s: Split, j: number, idx: ArrayLike<number>, v: number): number {
  let sum = 0;
  for (let k = 0; k < idx.length; k++) { const i = idx[k]; const d = s.a[i] - s.ab[j][i]; sum += d * d; }
  return sum / idx.length / 2 / v;
}

/**
 * S1 and ST (with bootstrap half-widths) per parameter. A constant output (V = 0) gives NaN
 * indices: nothing to apportion, reported as empty cells.
 */
export function sobolIndices(y: ArrayLike<number>, parameters: number, step: number, conf: ConfOptions): SobolIndex[] {
  const s = split(y, parameters, step);
  const n = s.a.length;
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const v = pooledVariance(s, all);
  if (!(v > 0)) return Array.from({ length: parameters }, () => ({ S1: NaN, S1_conf: NaN, ST: NaN, ST_conf: NaN }));
  // One set of resamples for every parameter (B × D estimates), as SALib does.
  const s1Boot = Array.from({ length: parameters }, () => [] as number[]);
  const stBoot = Array.from({ length: parameters }, () => [] as number[]);
  if (n >= 2) {
    forEachResample(n, conf, (idx) => {
      const vb = pooledVariance(s, idx);
      for (let j = 0; j < parameters; j++) {
        s1Boot[j].push(firstOrder(s, j, idx, vb));
        stBoot[j].push(totalOrder(s, j, idx, vb));
      }
    });
  }
  return Array.from({ length: parameters }, (_, j) => ({
    S1: firstOrder(s, j, all, v),
    S1_conf: confHalfWidth(s1Boot[j], conf.level),
    ST: totalOrder(s, j, all, v),
    ST_conf: confHalfWidth(stBoot[j], conf.level),
  }));
}
