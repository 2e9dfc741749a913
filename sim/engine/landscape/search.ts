// Local search and imitation on the landscape (ODD.md (Docking: the NK landscape), F7; Lazer & Friedman 2007), on
// arrays of approaches (bit masks) and their cached Σ_n f_n, so a population of searching units
// allocates nothing per tick. Comparisons use the exact sums (worth.ts).
import { randomInt } from '../rng.ts';
import type { Landscape } from './landscape.ts';
import { worthSum } from './worth.ts';

/** x with one knob, chosen at random, turned. */
export function oneKnobVariant(x: number, n: number, rng: () => number): number {
  return x ^ (1 << randomInt(rng, n));
}

/** A random knob whose bit is not yet set in `tried` (the record of tried variants that belongs
 * to an approach), or −1 when every one-knob variant has been tried: the r-th untried knob in
 * increasing order, r uniform (one draw). Bit arithmetic, no loop over the n knobs. */
export function untriedKnob(tried: number, n: number, rng: () => number): number {
  let open = ~tried & (n >= 31 ? -1 >>> (32 - n) : (1 << n) - 1);
  const count = popcount(open);
  if (count === 0) return -1;
  for (let r = randomInt(rng, count); r > 0; r--) open &= open - 1; // clear the r lowest
  return 31 - Math.clz32(open & -open);
}

/** Set bits of a 32-bit integer (SWAR). */
export function popcount(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** True when no one-knob variant of x is better: a local peak. */
export function isLocalPeak(land: Landscape, x: number): boolean {
  const own = worthSum(land, x);
  for (let i = 0; i < land.n; i++) if (worthSum(land, x ^ (1 << i)) > own) return false;
  return true;
}

/** Imitation: unit i takes unit j's approach (from the `from` arrays) if it is strictly better
 * than its own (in the `to` arrays). Returns whether it copied. */
export function copyIfBetter(
  toX: Int32Array, toSum: Float64Array, i: number, fromX: Int32Array, fromSum: Float64Array, j: number,
): boolean {
  if (!(fromSum[j] > toSum[i])) return false;
  toX[i] = fromX[j];
  toSum[i] = fromSum[j];
  return true;
}

/** Local search: unit i tries one random one-knob variant and keeps it if strictly better. */
export function tryVariant(land: Landscape, x: Int32Array, sums: Float64Array, i: number, rng: () => number): boolean {
  const variant = oneKnobVariant(x[i], land.n, rng);
  const s = worthSum(land, variant);
  if (!(s > sums[i])) return false;
  x[i] = variant;
  sums[i] = s;
  return true;
}
