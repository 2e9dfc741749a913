// The opgave's knowledge side as a rugged landscape (ODD.md (Docking: the NK landscape); "De drie functies van
// opgavenetwerken": "er moet vaak aan verschillende knoppen tegelijk worden gedraaid").
// Kauffman's NK model: N binary knobs, grouped m per knowledge aspect; each knob's contribution
// f_n depends on its own setting and on κ other knobs, a share `withinShare` of them in its own
// aspect (modularity; Rivkin & Siggelkow 2007). An approach is an integer bit mask (N ≤ 20):
// bit n is knob n. W(x) = (1/N)·Σ_n f_n. The landscape is a plain object of typed arrays; the
// functions over it live in the sibling files.
import type { Rng } from '../rng.ts';
import { drawDependencies, indexDependents } from './dependencies.ts';
import { drawTables } from './tables.ts';
import { enumerate } from './enumerate.ts';

import { MAX_KNOBS, MAX_KNOBS_TURBULENT } from '../../schema/scenario.ts';

export { MAX_KNOBS, MAX_KNOBS_TURBULENT };

export interface LandscapeSpec {
  /** Knobs per knowledge aspect (m). */
  perAspect: number;
  /** Knowledge aspects (K_know); N = perAspect · aspects. */
  aspects: number;
  /** Interdependence κ: how many other knobs each knob's contribution depends on (0 … N − 1). */
  k: number;
  /** Share of each knob's κ dependencies inside its own aspect (default 1: fully modular as far as m allows). */
  withinShare?: number;
}

export interface Landscape {
  n: number;
  k: number;
  perAspect: number;
  aspects: number;
  withinShare: number;
  /** Entries per knob table: 2^(κ+1). Entry t: bit 0 = the knob's own setting, bit p + 1 = its p-th dependency. */
  size: number;
  /** n·κ: knob n's dependencies at [n·κ, (n + 1)·κ). */
  deps: Int32Array;
  /** n·size contribution values in [0, 1), multiples of 2^-32 (so every sum of ≤ 20 is exact). */
  tables: Float64Array;
  /** Knob j's dependents (itself first, then every knob that depends on j) in CSR form, with the
   * bit that j flips in each dependent's table index — what Gray-code enumeration updates. */
  dependentStart: Int32Array;
  dependentKnob: Int32Array;
  dependentFlip: Int32Array;
  /** Σ_n f_n at the best approach, over all approaches on average, and the best approach x*. */
  maxSum: number;
  meanSum: number;
  best: number;
  /** W_max and W̄ (= the sums / N). */
  wMax: number;
  wMean: number;
  /** Scratch: table index per knob (enumeration) and a permutation (turbulence). */
  index: Int32Array;
  order: Int32Array;
}

export function createLandscape(spec: LandscapeSpec, rng: Rng | (() => number)): Landscape {
  const { perAspect, aspects, k } = spec;
  const withinShare = spec.withinShare ?? 1;
  const n = perAspect * aspects;
  if (!(Number.isInteger(perAspect) && perAspect >= 1 && Number.isInteger(aspects) && aspects >= 1 && n <= MAX_KNOBS)) {
    throw new RangeError(`landscape: knobs per aspect × aspects must be whole, ≥ 1 and at most ${MAX_KNOBS} knobs, got ${perAspect} × ${aspects}`);
  }
  if (!(Number.isInteger(k) && k >= 0 && k <= n - 1)) throw new RangeError(`landscape: κ must be a whole number in 0 … ${n - 1} (N − 1), got ${k}`);
  if (!(withinShare >= 0 && withinShare <= 1)) throw new RangeError(`landscape: withinShare must lie in [0, 1], got ${withinShare}`);
  const size = 1 << (k + 1);
  const deps = drawDependencies(n, k, perAspect, withinShare, rng);
  const tables = new Float64Array(n * size);
  drawTables(tables, size, 0, n, rng);
  return landscapeFromTables({ perAspect, aspects, k, withinShare }, deps, tables);
}

/** A landscape over given dependencies and tables (shared, not copied: a run keeps them in its
 * state so they are saved and restored with it), enumerated. `sums` (length 2^N), when given,
 * receives Σ_n f_n of every approach. */
export function landscapeFromTables(spec: LandscapeSpec, deps: Int32Array, tables: Float64Array, sums?: Float64Array): Landscape {
  const { perAspect, aspects, k } = spec;
  const withinShare = spec.withinShare ?? 1;
  const n = perAspect * aspects;
  const size = 1 << (k + 1);
  const { start, knob, flip } = indexDependents(n, k, deps);
  const land: Landscape = {
    n, k, perAspect, aspects, withinShare, size, deps, tables,
    dependentStart: start, dependentKnob: knob, dependentFlip: flip,
    maxSum: 0, meanSum: 0, best: 0, wMax: 0, wMean: 0,
    index: new Int32Array(n), order: new Int32Array(n),
  };
  enumerate(land, sums);
  return land;
}
