// Hegselmann & Krause (2002): synchronously, every agent moves to the mean opinion of all
// agents (itself included) within ε of it. Here: the engine's dialogue with dialogueRule
// 'bounded-average', K = 1, a complete graph of ties with trust 1 and meetingMode 'all-ties'
// (every tie meets every tick), so each actor averages over everyone within its openness ε.
import { parseScenario } from '../schema/validate.ts';
import type { Scenario } from '../schema/scenario.ts';
import { createRng, deriveSeed } from '../engine/rng.ts';
import { QUIET_PARAMS, skeleton } from './base.ts';
import { runOpinions, type BoundedConfidenceOptions, type OpinionResult } from './deffuant.ts';

/** HK needs every pair as a tie, so n is kept modest (ties are O(n²)). */
export const HK_MAX_N = 1000;

export function hkScenario(o: BoundedConfidenceOptions): Scenario {
  if (!(o.n >= 2 && o.n <= HK_MAX_N)) throw new RangeError(`hk: n must be 2 … ${HK_MAX_N}, got ${o.n}`);
  const sc = skeleton('hk', 'value', o.ticks);
  // Initial opinions uniform on [0, 1], drawn from the seed (named actors carry them).
  const rng = createRng(deriveSeed(o.seed, 'hk-opinions'));
  sc.actors = Array.from({ length: o.n }, (_, i) => ({
    name: `A${i + 1}`, sector: 'all', stake: [rng()], openness: o.epsilon, achterban: 0, engagement: 0.5,
  }));
  const ties = [];
  for (let i = 1; i <= o.n; i++) for (let j = i + 1; j <= o.n; j++) ties.push({ from: `A${i}`, to: `A${j}`, trust: 1 });
  sc.ties = ties;
  sc.params = { ...QUIET_PARAMS, meetingMode: 'all-ties', dialogueRule: 'bounded-average', trustMin: 0, maxTies: Math.max(16, o.n) };
  return parseScenario(sc, '<canonical hk>');
}

export function runHk(o: BoundedConfidenceOptions): OpinionResult {
  return runOpinions(hkScenario(o), o.seed, o.ticks);
}
