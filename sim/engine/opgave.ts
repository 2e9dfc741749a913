// The opgave's knowledge side in a run (ODD.md §7.4): an NK landscape of knobs, m per knowledge
// aspect ("er moet vaak aan verschillende knoppen tegelijk worden gedraaid" — “De drie functies
// van opgavenetwerken”). The state holds what must be saved (dependencies, tables, polarity,
// status quo, beliefs); the run builds a view over it with the worth ω of every approach, so a
// unit's effectiveness is one table look-up.
import type { Params } from '../schema/params.ts';
import type { Scenario } from '../schema/scenario.ts';
import type { Rng } from './rng.ts';
import type { State } from './state.ts';
import {
  aspectOptimum, createLandscape, drawPolarity, favouredSetting, landscapeFromTables, scaledWorth, turbulence,
  type Landscape, type WorthScale,
} from './landscape/index.ts';

/** The least conviction a belief holds (F2: β = ½ ± (0.1 + 0.3·e)); a belief flipped by search keeps at least this. */
export const MIN_CONVICTION = 0.1;
const EXPERT_CONVICTION = 0.3;

export interface OpgaveView {
  /** null when the scenario has no knowledge aspects (N = 0). */
  land: Landscape | null;
  /** Σ_n f_n of every approach, and its scaled worth ω (F1). */
  sums: Float64Array;
  omega: Float64Array;
  scale: WorthScale;
}

/** Draws the landscape, the polarity and every actor's knob beliefs (F2, F4). Called once by
 * createState after all actors exist; draws in a fixed order. */
export function createOpgave(sc: Scenario, s: State, p: Params, rng: Rng): void {
  const N = s.knobs;
  if (N === 0) return;
  const m = s.knobsPerAspect, K = s.knowAspect.length, k = s.k;
  const land = createLandscape({ perAspect: m, aspects: K, k: s.knobK, withinShare: s.knobWithin }, rng);
  s.knobDeps = land.deps;
  s.knobTables = land.tables;
  // The dominant sector: the one holding most resources at the start.
  const held = new Float64Array(s.sectors);
  for (let i = 0; i < s.n; i++) if (s.present[i]) held[s.sector[i]] += s.resources[i];
  let dominant = 0;
  for (let sec = 1; sec < s.sectors; sec++) if (held[sec] > held[dominant]) dominant = sec;
  const stakeSum = new Float64Array(K);
  let count = 0;
  for (let i = 0; i < s.n; i++) {
    if (!s.present[i] || s.sector[i] !== dominant) continue;
    count++;
    for (let a = 0; a < K; a++) stakeSum[a] += s.stake[i * k + s.knowAspect[a]];
  }
  for (let a = 0; a < K; a++) stakeSum[a] = count > 0 ? stakeSum[a] / count : 0.5;
  const pol = drawPolarity(land, stakeSum, sc.opgave.landscape.distance, rng);
  s.landPolarity = pol.polarity;
  s.landStatusQuo = pol.statusQuo;
  s.landBest = land.best;
  s.landMaxSum = land.maxSum;
  s.landMeanSum = land.meanSum;
  for (let a = 0; a < K; a++) {
    const mask = ((1 << m) - 1) << (a * m);
    if (s.requiresAccess[s.knowAspect[a]]) s.accessKnobs |= mask;
    if (s.requiresMandate[s.knowAspect[a]]) s.mandateKnobs |= mask;
  }
  const oracle = p.expertiseMode === 'oracle';
  for (let i = 0; i < s.n; i++) initialKnobBeliefs(s, land, i, oracle, p.stakeBias, rng);
  // A belief given per aspect in the scenario (e.g. docking) replaces the drawn one: β_in is set
  // so that P_k(β_i) equals it exactly. The draws above still happen, so the stream is fixed.
  sc.actors.forEach((a, i) => {
    if (!a.belief) return;
    for (let kn = 0; kn < K; kn++) {
      const x = s.knowAspect[kn];
      const b = Array.isArray(a.belief) ? a.belief[x] : a.belief[sc.aspects[x].id];
      for (let n = kn * m; n < (kn + 1) * m; n++) s.knobBelief[i * N + n] = favouredSetting(s.landPolarity, n, b);
    }
  });
}

/** F2 and F4: silo expertise on own aspects given one's stake-coloured picture of the rest, then
 * the stake bias β ← (1 − b)·β + b·ŝ. N draws per actor (oracle mode too, so the stream does not depend on it). */
function initialKnobBeliefs(s: State, land: Landscape, i: number, oracle: boolean, bias: number, rng: Rng): void {
  const N = s.knobs, m = s.knobsPerAspect, K = s.knowAspect.length, k = s.k, pol = s.landPolarity;
  let picture = 0;
  for (let n = 0; n < N; n++) {
    if (favouredSetting(pol, n, s.stake[i * k + s.knowAspect[(n - (n % m)) / m]]) >= 0.5) picture |= 1 << n;
  }
  for (let a = 0; a < K; a++) {
    const target = oracle ? land.best : aspectOptimum(land, a, picture);
    const e = s.expertise[i * k + s.knowAspect[a]];
    const stake = s.stake[i * k + s.knowAspect[a]];
    const conviction = MIN_CONVICTION + EXPERT_CONVICTION * e;
    for (let n = a * m; n < (a + 1) * m; n++) {
      const bit = (target >> n) & 1;
      const points = rng() < 0.5 + 0.5 * e ? bit : 1 - bit;
      const beta = points === 1 ? 0.5 + conviction : 0.5 - conviction;
      s.knobBelief[i * N + n] = (1 - bias) * beta + bias * favouredSetting(pol, n, stake);
    }
  }
}

/** The run's view over its state's landscape (rebuilt on restore: derived, not saved). */
export function opgaveView(s: State, scale: WorthScale): OpgaveView {
  if (s.knobs === 0) return { land: null, sums: new Float64Array(1), omega: new Float64Array(1), scale };
  const size = 1 << s.knobs;
  const sums = new Float64Array(size);
  const land = landscapeFromTables(
    { perAspect: s.knobsPerAspect, aspects: s.knowAspect.length, k: s.knobK, withinShare: s.knobWithin }, s.knobDeps, s.knobTables, sums,
  );
  const view: OpgaveView = { land, sums, omega: new Float64Array(size), scale };
  fillOmega(view);
  return view;
}

/** ω of every approach on the view's scale. */
export function fillOmega(view: OpgaveView): void {
  const { land, sums, omega, scale } = view;
  if (!land) return;
  for (let x = 0; x < omega.length; x++) omega[x] = scaledWorth(land, sums[x], scale);
}

/** Turbulence (ODD.md §7.4): redraws the tables of a share of the knobs, recomputes x*, W_max,
 * W̄ and ω; every record of tried variants is stale. π and x⁰ stay. Returns the knobs redrawn. */
export function shake(s: State, view: OpgaveView, rng: Rng): number {
  if (!view.land || s.turbulenceShare <= 0) return 0;
  const count = turbulence(view.land, s.turbulenceShare, rng, view.sums);
  s.landBest = view.land.best;
  s.landMaxSum = view.land.maxSum;
  s.landMeanSum = view.land.meanSum;
  fillOmega(view);
  s.recordKey.fill(0);
  s.triedMask.fill(0);
  return count;
}
