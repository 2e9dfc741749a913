// Borgatti & Everett (2000), continuous core–periphery model: coreness c maximises the
// correlation of the tie matrix W_ij with c_i·c_j. The engine keeps c by power iteration on
// (W + Wᵀ)/2 + I and reports that correlation as the fit (sim/engine/mechanisms/coreness.ts). Docking:
// the ideal continuous pattern (W_ij = c_i·c_j) must give a fit near 1; a planted discrete
// core–periphery network (a dense core, a periphery tied to the core, sparse among itself) a
// high fit with the planted core as the top-c actors; a random graph of the same density a
// low fit. (Even B&E's ideal *discrete* pattern fits the continuous model below 1: a 0/1
// matrix is not of rank one.)
import { createRun } from '../engine/run.ts';
import { parseScenario } from '../schema/validate.ts';
import { createRng, deriveSeed } from '../engine/rng.ts';
import { corenessFit, updateCoreness } from '../engine/mechanisms/coreness.ts';
import type { Scenario } from '../schema/scenario.ts';
import { QUIET_PARAMS, skeleton } from './base.ts';

export interface NetworkSpec {
  n: number;
  /** Planted core size (0 for a random graph). */
  core: number;
  /** Tie probabilities core–core, core–periphery, periphery–periphery. */
  pCC: number; pCP: number; pPP: number;
  seed: number | string;
  /** If set, the ideal continuous pattern instead: every pair tied with trust c_i·c_j, c = 1 in
   * the core and this value in the periphery (the tie probabilities are then ignored). */
  peripheryCoreness?: number;
}

/** A scenario whose only content is the given ties, every actor present. */
export function networkScenario(spec: NetworkSpec): Scenario {
  const rng = createRng(deriveSeed(spec.seed, 'core-periphery-ties'));
  const sc = skeleton('core-periphery', 'value', 1);
  sc.actors = Array.from({ length: spec.n }, (_, i) => ({ name: `A${i + 1}`, sector: 'all', stake: [0.5] }));
  const ties = [];
  for (let i = 0; i < spec.n; i++) for (let j = i + 1; j < spec.n; j++) {
    const ci = i < spec.core, cj = j < spec.core;
    if (spec.peripheryCoreness !== undefined) {
      const b = spec.peripheryCoreness;
      ties.push({ from: `A${i + 1}`, to: `A${j + 1}`, trust: (ci ? 1 : b) * (cj ? 1 : b) });
      continue;
    }
    const p = ci && cj ? spec.pCC : ci || cj ? spec.pCP : spec.pPP;
    if (rng() < p) ties.push({ from: `A${i + 1}`, to: `A${j + 1}`, trust: 1 });
  }
  sc.ties = ties;
  sc.params = { ...QUIET_PARAMS, maxTies: Math.max(16, spec.n) };
  return parseScenario(sc, '<canonical core-periphery>');
}

export interface CorenessResult {
  fit: number;
  coreness: number[];
  /** The `core` actors with the highest coreness, by index. */
  top: number[];
  /** Share of the planted core among the top-`core` actors (1 = recovered exactly). */
  recovered: number;
  density: number;
}

/** Fits coreness on the scenario's initial network with the engine's own functions. */
export function fitCoreness(spec: NetworkSpec, iterations = 500): CorenessResult {
  const run = createRun({ scenario: networkScenario(spec), seed: spec.seed });
  const s = run.state;
  updateCoreness(s, iterations);
  const coreness = Array.from(s.coreness);
  const order = coreness.map((c, i) => [c, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]).map((x) => x[1]);
  const top = order.slice(0, spec.core).sort((a, b) => a - b);
  let ties = 0;
  for (let i = 0; i < s.n; i++) ties += s.degree[i];
  return {
    fit: corenessFit(s),
    coreness,
    top,
    recovered: spec.core > 0 ? top.filter((i) => i < spec.core).length / spec.core : 0,
    density: ties / (s.n * (s.n - 1)),
  };
}
