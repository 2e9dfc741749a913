// DeGroot (1974): beliefs x(t + 1) = W x(t) with W row-stochastic; for W irreducible and
// aperiodic, everyone converges to the consensus s·x(0), s the stationary distribution of W.
// Here: the engine's learning with K = 1 (a knowledge aspect), meetingMode 'all-ties' (every
// tie meets every tick), each actor's selfWeight = W_ii, a directed tie i → j with trust W_ij
// for every W_ij > 0 (j ≠ i), and reputation 1, so the engine's update
// β_i ← (W_ii·β_i + Σ_j W_ij·1·β_j) / (W_ii + Σ_j W_ij) is exactly row i of W.
import { createRun } from '../engine/run.ts';
import { parseScenario } from '../schema/validate.ts';
import { createRng, deriveSeed } from '../engine/rng.ts';
import type { Scenario } from '../schema/scenario.ts';
import { column, QUIET_PARAMS, skeleton } from './base.ts';
import { rowStochasticProblems, stationary } from './stationary.ts';

export function degrootScenario(W: number[][], x0: number[], ticks = 10_000): Scenario {
  const problems = rowStochasticProblems(W);
  if (problems.length) throw new RangeError(`degroot: ${problems[0]}`);
  const n = W.length;
  if (x0.length !== n) throw new RangeError(`degroot: ${x0.length} initial beliefs for a ${n} × ${n} matrix`);
  const sc = skeleton('degroot', 'knowledge', ticks);
  sc.actors = x0.map((x, i) => ({
    name: `A${i + 1}`, sector: 'all', stake: [0.5], belief: [x], selfWeight: W[i][i], reputation: 1, openness: 0, engagement: 0.5,
  }));
  const ties = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    if (i !== j && W[i][j] > 0) ties.push({ from: `A${i + 1}`, to: `A${j + 1}`, trust: W[i][j], directed: true });
  }
  sc.ties = ties;
  sc.params = { ...QUIET_PARAMS, meetingMode: 'all-ties', lbdRate: 0, maxTies: Math.max(16, n) };
  return parseScenario(sc, '<canonical degroot>');
}

/** A random row-stochastic matrix with positive entries and beliefs uniform on [0, 1]. */
export function randomDegroot(n: number, seed: number | string): { W: number[][]; x0: number[] } {
  const rng = createRng(deriveSeed(seed, 'degroot-matrix'));
  const W = Array.from({ length: n }, () => {
    const row = Array.from({ length: n }, () => 0.05 + rng());
    const sum = row.reduce((a, b) => a + b, 0);
    return row.map((w) => w / sum);
  });
  const x0 = Array.from({ length: n }, () => rng());
  return { W, x0 };
}

export interface DegrootResult {
  consensus: number;
  predicted: number;
  /** Largest minus smallest final belief. */
  spread: number;
  ticks: number;
  stationary: number[];
  beliefs: number[];
}

/** Runs until the beliefs agree within `tolerance` (or `maxTicks`). */
export function runDegroot(W: number[][], x0: number[], maxTicks = 10_000, tolerance = 1e-12, seed: number | string = 1): DegrootResult {
  const run = createRun({ scenario: degrootScenario(W, x0, maxTicks), seed });
  let t = 0;
  let beliefs = column(run.state.belief, run.state.present);
  let spread = Math.max(...beliefs) - Math.min(...beliefs);
  while (t < maxTicks && spread > tolerance) {
    run.step();
    t++;
    beliefs = column(run.state.belief, run.state.present);
    spread = Math.max(...beliefs) - Math.min(...beliefs);
  }
  const s = stationary(W);
  const consensus = beliefs.reduce((a, b) => a + b, 0) / beliefs.length;
  const predicted = s.reduce((a, si, i) => a + si * x0[i], 0);
  return { consensus, predicted, spread, ticks: t, stationary: s, beliefs };
}
