// The bootstrap confidence half-width SALib reports for its indices: resample the independent
// units (Morris trajectories, Saltelli base samples) with replacement, recompute the estimate,
// and give z(level) × the standard deviation (n − 1) of the resampled estimates. Unlike a
// percentile interval this is symmetric, which is what the `*_conf` columns mean in SALib.
import { normalQuantile } from '../batch/bands.ts';

export interface ConfOptions {
  /** Uniform [0, 1) source; consumed n × resamples times in a fixed order. */
  random: () => number;
  resamples: number;
  level: number;
}

/**
 * Half-width z · sd of `estimate(sample)` over `resamples` resamples of the indices 0 … n − 1.
 * `estimate` receives a reused Int32Array of n resampled indices.
 */
export function bootstrapHalfWidth(n: number, estimate: (indices: Int32Array) => number, opts: ConfOptions): number {
  if (n < 2 || opts.resamples < 2) return NaN;
  const stats: number[] = [];
  forEachResample(n, opts, (indices) => { stats.push(estimate(indices)); });
  return confHalfWidth(stats, opts.level);
}

/** Calls `visit` with `resamples` resamples (a reused Int32Array) of the indices 0 … n − 1. */
export function forEachResample(n: number, opts: Pick<ConfOptions, 'random' | 'resamples'>, visit: (indices: Int32Array) => void): void {
  const indices = new Int32Array(n);
  for (let b = 0; b < opts.resamples; b++) {
    for (let i = 0; i < n; i++) indices[i] = Math.floor(opts.random() * n);
    visit(indices);
  }
}

/** z(level) × sd of resampled estimates: the symmetric half-width SALib reports. */
export function confHalfWidth(stats: ArrayLike<number>, level: number): number {
  return normalQuantile(0.5 + level / 2) * sampleSd(stats);
}

/** Standard deviation with n − 1 (NaN for fewer than 2 values). */
export function sampleSd(xs: ArrayLike<number>): number {
  const n = xs.length;
  if (n < 2) return NaN;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += xs[i];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) { const d = xs[i] - mean; ss += d * d; }
  return Math.sqrt(ss / (n - 1));
}
