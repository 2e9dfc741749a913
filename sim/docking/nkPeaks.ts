// Kauffman (1993) NK landscapes: the number of local peaks (approaches none of whose one-knob
// variants is better) of the engine's landscape (sim/engine/landscape). κ = 0 has exactly one;
// κ = N − 1 makes every approach's worth independent of its neighbours', so each of the 2^N is a
// peak with probability 1/(N + 1): on average 2^N/(N + 1) peaks. One aspect of N knobs.
import { createRng, deriveSeed } from '../engine/rng.ts';
import { createLandscape, enumerate, MAX_KNOBS, type Landscape } from '../engine/landscape/index.ts';

export const NK_MAX_N = MAX_KNOBS;

export interface NkPeaksOptions { n: number; k: number; seed: number | string; landscapes?: number }
export interface NkPeaksResult {
  n: number; k: number; landscapes: number;
  /** Local peaks per landscape. */
  counts: number[];
  mean: number;
  /** Standard error of the mean (0 for one landscape). */
  se: number;
  /** 2^N/(N + 1) for κ = N − 1, 1 for κ = 0, otherwise null. */
  expected: number | null;
  /** W_max and W̄ of the first landscape. */
  wMax: number;
  wMean: number;
}

/** Peaks of one landscape from its table of Σ_n f_n over all approaches (enumerate's `sums`). */
export function countPeaks(land: Landscape, sums: Float64Array): number {
  const total = 1 << land.n;
  let peaks = 0;
  for (let x = 0; x < total; x++) {
    const own = sums[x];
    let peak = true;
    for (let i = 0; i < land.n && peak; i++) if (sums[x ^ (1 << i)] > own) peak = false;
    if (peak) peaks++;
  }
  return peaks;
}

/** The generator of landscape l of a docking run (shared with lazerFriedman). */
export function landscapeRng(seed: number | string, l: number) {
  return createRng(deriveSeed(seed, `nk-landscape:${l}`));
}

export function runNkPeaks(o: NkPeaksOptions): NkPeaksResult {
  const { n, k } = o;
  const landscapes = o.landscapes ?? 1;
  if (!(Number.isInteger(n) && n >= 1 && n <= NK_MAX_N)) throw new RangeError(`nk-peaks: N must be a whole number in 1 … ${NK_MAX_N}, got ${n}`);
  if (!(Number.isInteger(k) && k >= 0 && k <= n - 1)) throw new RangeError(`nk-peaks: κ must be a whole number in 0 … ${n - 1}, got ${k}`);
  if (!(Number.isInteger(landscapes) && landscapes >= 1)) throw new RangeError(`nk-peaks: landscapes must be a whole number ≥ 1, got ${landscapes}`);
  const sums = new Float64Array(1 << n);
  const counts: number[] = [];
  let wMax = 0, wMean = 0;
  for (let l = 0; l < landscapes; l++) {
    const land = createLandscape({ perAspect: n, aspects: 1, k }, landscapeRng(o.seed, l));
    enumerate(land, sums);
    counts.push(countPeaks(land, sums));
    if (l === 0) { wMax = land.wMax; wMean = land.wMean; }
  }
  const mean = counts.reduce((a, b) => a + b, 0) / landscapes;
  const variance = landscapes > 1 ? counts.reduce((a, c) => a + (c - mean) * (c - mean), 0) / (landscapes - 1) : 0;
  const expected = k === n - 1 ? (1 << n) / (n + 1) : k === 0 ? 1 : null;
  return { n, k, landscapes, counts, mean, se: Math.sqrt(variance / landscapes), expected, wMax, wMean };
}
