// Golub & Jackson (2010): in DeGroot learning, a large society whose members start from
// independent noisy signals of the truth converges to the truth ("wise") exactly when no
// actor keeps a non-vanishing share of influence; one dominant voice pulls the consensus to its
// own error. Here: the engine's learning mechanism, each agent's initial belief given as the
// truth plus independent noise (σ, drawn here from the docking's own seeded stream) — over random ties
// (meetingMode 'all-ties'). Crowd: equal reputation, no dominant voice. Dominant: one extra
// actor that everyone is tied to with trust 1, with reputation 1 (others 0.05) and a high
// self-weight, starting `dominantError` away from the truth.
import { createRun } from '../engine/run.ts';
import { parseScenario } from '../schema/validate.ts';
import type { Scenario } from '../schema/scenario.ts';
import type { State } from '../engine/state.ts';
import { createRng, deriveSeed, randomNormal } from '../engine/rng.ts';
import { QUIET_PARAMS, skeleton } from './base.ts';
import { stationary } from './stationary.ts';

export interface GolubJacksonOptions {
  n: number;
  seed: number | string;
  dominant: boolean;
  /** Spread (sd) of the independent initial errors. */
  noise?: number;
  /** The dominant actor's initial error (its belief is the truth + this). */
  dominantError?: number;
  ticks?: number;
}

export const TRUTH = 0.5;

export function golubJacksonScenario(o: GolubJacksonOptions): Scenario {
  const sc = skeleton('golub-jackson', 'knowledge', o.ticks ?? 400);
  sc.sectors = [{ id: 'all', label: { nl: 'Allen', en: 'All' }, color: '#777777', affectedness: 0.5, expertise: [0] }];
  const noise = o.noise ?? 0.2;
  const draw = createRng(deriveSeed(o.seed, 'golub-jackson-beliefs'));
  const agents = Array.from({ length: o.n }, (_, c) => ({
    name: `Agent ${c + 1}`, sector: 'all', stake: [0.5], reputation: o.dominant ? 0.05 : 0.5, openness: 0, engagement: 0.5,
    belief: [Math.min(1, Math.max(0, TRUTH + noise * randomNormal(draw)))],
  }));
  // Random ties, four drawn per agent, trust uniform on [0.3, 0.7]: nobody stands out.
  const rng = createRng(deriveSeed(o.seed, 'golub-jackson-ties'));
  const ties: { from: string; to: string; trust: number }[] = [];
  for (let c = 0; c < o.n; c++) {
    for (let t = 0; t < 4; t++) {
      const j = Math.floor(rng() * o.n);
      const trust = 0.3 + 0.4 * rng();
      if (j !== c) ties.push({ from: `Agent ${c + 1}`, to: `Agent ${j + 1}`, trust });
    }
  }
  sc.actors = agents;
  if (o.dominant) {
    sc.actors = [...agents, {
      name: 'Dominant', sector: 'all', stake: [0.5], belief: [TRUTH + (o.dominantError ?? 0.3)],
      reputation: 1, selfWeight: 100, openness: 0, engagement: 0.5,
    }];
    for (let c = 0; c < o.n; c++) ties.push({ from: `Agent ${c + 1}`, to: 'Dominant', trust: 1 });
  }
  sc.ties = ties;
  sc.params = { ...QUIET_PARAMS, meetingMode: 'all-ties', lbdRate: 0, maxTies: Math.max(64, o.n + 1) };
  return parseScenario(sc, '<canonical golub-jackson>');
}

/** The DeGroot matrix the engine's learning applies each tick: W_ij ∝ T_ij·reputation_j for
 * ties j, W_ii ∝ selfWeight_i, rows normalised (an actor with no ties keeps its belief). */
export function effectiveMatrix(s: State): number[][] {
  const W = Array.from({ length: s.n }, () => new Array<number>(s.n).fill(0));
  for (let i = 0; i < s.n; i++) {
    let sum = s.selfWeight[i];
    W[i][i] = s.selfWeight[i];
    for (let q = i * s.cap, end = q + s.degree[i]; q < end; q++) {
      const w = s.tieTrust[q] * s.reputation[s.tieTo[q]];
      W[i][s.tieTo[q]] += w;
      sum += w;
    }
    if (sum <= 0) { W[i][i] = 1; continue; }
    for (let j = 0; j < s.n; j++) W[i][j] /= sum;
  }
  return W;
}

export interface GolubJacksonResult {
  truth: number;
  consensus: number;
  consensusError: number;
  /** Mean absolute initial error of the actors (what each knew alone). */
  meanInitialError: number;
  /** s·β(0) from the effective matrix: DeGroot's prediction. */
  predicted: number;
  /** Largest stationary weight (the most influential actor's share of influence). */
  maxInfluence: number;
  /** √Σ s_i²: the consensus error's standard deviation per unit of the initial errors' (for
   * independent errors). Golub & Jackson's society is wise when it tends to 0. */
  influenceNorm: number;
  spread: number;
}

export function runGolubJackson(o: GolubJacksonOptions): GolubJacksonResult {
  const scenario = golubJacksonScenario(o);
  const run = createRun({ scenario, seed: o.seed });
  const s = run.state;
  const b0 = Array.from(s.belief);
  const W = effectiveMatrix(s);
  for (let t = 0; t < scenario.ticks; t++) run.step();
  const b = Array.from(s.belief);
  const consensus = b.reduce((a, x) => a + x, 0) / b.length;
  const st = stationary(W, 1e-13, 200_000);
  return {
    truth: TRUTH,
    consensus,
    consensusError: Math.abs(consensus - TRUTH),
    meanInitialError: b0.reduce((a, x) => a + Math.abs(x - TRUTH), 0) / b0.length,
    predicted: st.reduce((a, w, i) => a + w * b0[i], 0),
    maxInfluence: Math.max(...st),
    influenceNorm: Math.sqrt(st.reduce((a, w) => a + w * w, 0)),
    spread: Math.max(...b) - Math.min(...b),
  };
}
