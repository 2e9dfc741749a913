// Approaches (ODD.md §7.4): the approach an actor would try is its knob beliefs rounded; its worth
// ω is a look-up in the run's table. On knowledge aspects, `belief` holds the projection
// P_k(β) — the share of the aspect's knobs believed set the way a high stake favours — which is
// what preferences drift toward and what a direction on that aspect means.
import type { State } from '../state.ts';
import { MIN_CONVICTION } from '../opgave.ts';

/** Rounds every present actor's (with `everyone`, every actor's) beliefs to its approach, looks up ω and refreshes the projections. O(n·N). */
export function refreshApproaches(s: State, omega: Float64Array, everyone = false): void {
  const N = s.knobs;
  if (N === 0) return;
  const m = s.knobsPerAspect, K = s.knowAspect.length, k = s.k, pol = s.landPolarity, beta = s.knobBelief;
  const present = s.present, belief = s.belief, know = s.knowAspect, approach = s.approach, worth = s.approachWorth;
  for (let i = 0; i < s.n; i++) {
    if (!everyone && !present[i]) continue; // absent actors' beliefs do not change
    let x = 0, n = 0;
    const o = i * N, ob = i * k;
    for (let a = 0; a < K; a++) {
      // One pass per aspect: the approach's bits and the projection P_a(β_i).
      let sum = 0;
      for (const end = n + m; n < end; n++) {
        const b = beta[o + n];
        if (b > 0.5) x |= 1 << n;
        sum += ((pol >> n) & 1) === 1 ? b : 1 - b;
      }
      belief[ob + know[a]] = sum / m;
    }
    approach[i] = x;
    worth[i] = omega[x];
  }
}

/** belief[i, aspect] = P_a(β_i) = (1/m)·Σ_{n∈a} [π_n·β_in + (1 − π_n)(1 − β_in)]. */
export function refreshProjection(s: State, i: number, a: number): void {
  const N = s.knobs, m = s.knobsPerAspect, pol = s.landPolarity, o = i * N;
  let sum = 0;
  for (let n = a * m; n < (a + 1) * m; n++) sum += ((pol >> n) & 1) === 1 ? s.knobBelief[o + n] : 1 - s.knobBelief[o + n];
  s.belief[i * s.k + s.knowAspect[a]] = sum / m;
}

/** P_a of an approach x (bit mask). */
export function approachProjection(s: State, x: number, a: number): number {
  const m = s.knobsPerAspect, lo = a * m, agree = ~(x ^ s.landPolarity);
  let c = 0;
  for (let n = lo; n < lo + m; n++) c += (agree >> n) & 1;
  return c / m;
}

/** Search adopted a variant with knob n set to `bit`: the belief crosses ½ keeping its
 * conviction (at least MIN_CONVICTION), so the approach now has the variant's setting. */
export function setKnob(s: State, i: number, n: number, bit: number): void {
  const q = i * s.knobs + n;
  let c = s.knobBelief[q] - 0.5;
  if (c < 0) c = -c;
  if (c < MIN_CONVICTION) c = MIN_CONVICTION;
  s.knobBelief[q] = bit === 1 ? 0.5 + c : 0.5 - c;
  refreshProjection(s, i, (n - (n % s.knobsPerAspect)) / s.knobsPerAspect);
}

/** What trying an approach reveals of its worth: ω plus uniform noise of standard deviation
 * `noise` (one draw; uniform so only + − × ÷ √ are needed). */
export function observedWorth(omega: number, noise: number, rng: () => number): number {
  return omega + noise * (2 * rng() - 1) * SQRT3;
}
const SQRT3 = Math.sqrt(3);

/** The approach as a unit executes it (F8): knobs of aspects that need access (mandate) stay at
 * the status quo x⁰ for a unit below accessNeeded (mandateNeeded). */
export function executedApproach(s: State, x: number, access: number, mandate: number, accessNeeded: number, mandateNeeded: number): number {
  if (access < accessNeeded) x = (x & ~s.accessKnobs) | (s.landStatusQuo & s.accessKnobs);
  if (mandate < mandateNeeded) x = (x & ~s.mandateKnobs) | (s.landStatusQuo & s.mandateKnobs);
  return x;
}
