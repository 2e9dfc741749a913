import { mean, quantileSorted } from 'simple-statistics';

/**
 * Percentile bootstrap confidence interval.
 *
 * Why percentile: simple, assumption-light, and easy to check by hand; good
 * enough for comparing strategy outcomes over many seeded runs.
 *
 * Determinism: the only randomness is opts.random (uniform [0, 1)), consumed
 * exactly n·resamples times in a fixed order (index = floor(u·n)). Same source
 * state ⇒ same interval. For n ≤ 1 no random numbers are drawn.
 *
 * Quantile rule: R type 7 / simple-statistics quantileSorted on the sorted
 * resample statistics: with B sorted values s[0..B−1] and h = (B−1)·q,
 * Q(q) = s[⌊h⌋] + (h − ⌊h⌋)·(s[⌊h⌋+1] − s[⌊h⌋]); lo = Q((1−level)/2),
 * hi = Q((1+level)/2).
 *
 * The statistic receives one reused Float64Array buffer (no allocation per
 * resample); it may reorder it in place but must not keep a reference.
 * Simple-statistics functions only index and read .length, so they run
 * unchanged on a Float64Array (hence the type cast below).
 */
export interface BootstrapOptions {
  random: () => number;
  /** Number of bootstrap resamples B (default 2000). */
  resamples?: number;
  /** Confidence level in (0, 1) (default 0.95). */
  level?: number;
  /** Statistic of a sample (default: mean). */
  statistic?: (xs: Float64Array) => number;
}

export interface ConfidenceInterval {
  estimate: number;
  lo: number;
  hi: number;
}

const asNumbers = (xs: Float64Array): readonly number[] => xs as unknown as readonly number[];

/** Mean of a Float64Array via simple-statistics (Kahan–Babuška summation). */
export const meanStatistic = (xs: Float64Array): number => mean(asNumbers(xs));

export function bootstrapCI(values: ArrayLike<number>, opts: BootstrapOptions): ConfidenceInterval {
  const { random, resamples = 2000, level = 0.95, statistic = meanStatistic } = opts;
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  }
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);

  const n = values.length;
  if (n === 0) return { estimate: NaN, lo: NaN, hi: NaN };

  const data = Float64Array.from(values);
  const buffer = new Float64Array(n);
  // Estimate on a copy, so a statistic that sorts in place cannot change `data`
  // (and thereby which values later indices pick).
  buffer.set(data);
  const estimate = statistic(buffer);
  // Every resample of a single value is that value.
  if (n === 1) return { estimate, lo: estimate, hi: estimate };

  const stats = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) {
      const u = random();
      if (!(u >= 0 && u < 1)) throw new RangeError(`random() must return a number in [0, 1), got ${u}`);
      const k = Math.floor(u * n);
      buffer[i] = data[k < n ? k : n - 1]; // u·n can round up to n for u just below 1
    }
    stats[b] = statistic(buffer);
  }
  stats.sort(); // numeric; NaN statistics (if any) sort last

  const alpha = 1 - level;
  const sorted = asNumbers(stats);
  return {
    estimate,
    lo: quantileSorted(sorted, alpha / 2),
    hi: quantileSorted(sorted, 1 - alpha / 2),
  };
}
