// Stakes and knobs (ODD.md (Docking: the NK landscape), F4). Knob n's polarity π_n is the setting a high stake on its
// aspect favours: a stake o favours ŝ = π·o + (1 − π)(1 − o). π is drawn *after* the best
// approach x*, so that the dominant sector's stakes favour the wrong setting on exactly
// round(δ·N) knobs, chosen at random (δ: how far the solution lies from what the dominant
// interests favour). The status-quo approach x⁰ is what the dominant stakes favour; units that
// lack access or mandate for an aspect keep its knobs at x⁰ (F8). A stake of exactly ½ counts
// as favouring π.
import { randomInt } from '../rng.ts';
import type { Landscape } from './landscape.ts';

export interface Polarity {
  /** Bit n = π_n. */
  polarity: number;
  /** x⁰: bit n = the setting the dominant sector's stake on knob n's aspect favours. */
  statusQuo: number;
  /** Knobs on which x⁰ differs from x* (= round(δ·N)). */
  wrong: number;
}

/** `dominantStake[a]` = the dominant sector's stake on knowledge aspect a (in [0, 1]). */
export function drawPolarity(land: Landscape, dominantStake: ArrayLike<number>, delta: number, rng: () => number): Polarity {
  const { n, perAspect, aspects, best, order } = land;
  if (dominantStake.length !== aspects) throw new RangeError(`polarity: one dominant stake per knowledge aspect (${aspects}), got ${dominantStake.length}`);
  if (!(delta >= 0 && delta <= 1)) throw new RangeError(`polarity: δ must lie in [0, 1], got ${delta}`);
  const wrong = Math.round(delta * n);
  for (let i = 0; i < n; i++) order[i] = i;
  let wrongMask = 0;
  for (let c = 0; c < wrong; c++) {
    const r = c + randomInt(rng, n - c);
    const knob = order[r]; order[r] = order[c]; order[c] = knob;
    wrongMask |= 1 << knob;
  }
  const statusQuo = best ^ wrongMask;
  let polarity = 0;
  for (let i = 0; i < n; i++) {
    const favoured = (statusQuo >> i) & 1;
    const high = dominantStake[(i - (i % perAspect)) / perAspect] >= 0.5;
    if ((high ? favoured : 1 - favoured) === 1) polarity |= 1 << i;
  }
  return { polarity, statusQuo, wrong };
}

/** The setting stake o on knob i's aspect favours, as a degree in [0, 1]: π·o + (1 − π)(1 − o). */
export function favouredSetting(polarity: number, i: number, stake: number): number {
  return ((polarity >> i) & 1) === 1 ? stake : 1 - stake;
}

/** P_k of an approach: (1/m)·Σ_{n∈k} [π_n·x_n + (1 − π_n)(1 − x_n)], the share of aspect k's
 * knobs set the way a high stake favours — the approach's direction on that aspect. */
export function projectApproach(land: Landscape, polarity: number, x: number, aspect: number): number {
  const m = land.perAspect, lo = aspect * m;
  let agree = 0;
  for (let i = lo; i < lo + m; i++) if ((((x ^ polarity) >> i) & 1) === 0) agree++;
  return agree / m;
}

/** P_k of knob values v ∈ [0, 1]^N (beliefs), read from v[offset + n]. */
export function projectValues(land: Landscape, polarity: number, v: ArrayLike<number>, offset: number, aspect: number): number {
  const m = land.perAspect, lo = aspect * m;
  let s = 0;
  for (let i = lo; i < lo + m; i++) s += ((polarity >> i) & 1) === 1 ? v[offset + i] : 1 - v[offset + i];
  return s / m;
}
