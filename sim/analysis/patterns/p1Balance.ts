// P1 (“De drie functies van opgavenetwerken”): when richten, leren and handelen run in balance, the network is likely to
// move toward a more effective approach. Test (ODD.md §1): across runs with varied rules and
// parameters, balance raises Δimpact *controlling for* the mean level of the three functions
// and for handelen itself (joint action is an input to impact, so balance must add beyond it).
// Predictors come from the first half of each run, the outcome (impact gained) from the second
// half, so the outcome cannot feed back into the predictors.
import { PRESETS } from '../../schema/rules.ts';
import { createRng } from '../../engine/rng.ts';
import type { Recorder } from '../../engine/recorder.ts';
import { gain, runArm, seedsFor } from './arms.ts';
import type { Prepared } from './prepare.ts';
import { f2, f3, mean, spearman, standardisedBeta, verdictOf } from './stats.ts';
import type { PatternRow } from './types.ts';

/** Network presets the varied runs draw from (the chain has no three functions to balance). */
const VARIED_PRESETS = PRESETS.filter((p) => p.rules.structure !== 'chain').map((p) => p.id);

/** The rescaled functions and balance exactly as sim/engine/mechanisms/observe.ts defines them. */
function firstHalf(rec: Recorder, half: number): { balance: number; level: number; handelen: number } {
  const r = rec.column('richten'), l = rec.column('leren'), h = rec.column('handelen'), b = rec.column('balance');
  const rescale = (f: number, f0: number) => (f <= f0 ? 0 : f0 >= 1 ? 0 : (f - f0) / (1 - f0));
  let bs = 0, ls = 0, hs = 0;
  for (let t = 1; t <= half; t++) {
    bs += b[t];
    hs += h[t];
    ls += (rescale(r[t], r[0]) + rescale(l[t], l[0]) + rescale(h[t], h[0])) / 3;
  }
  return { balance: bs / half, level: ls / half, handelen: hs / half };
}

export function p1(prep: Prepared, seeds: number, base: number | string): PatternRow[] {
  const runs = 2 * seeds; // a regression with two predictors wants more runs than a comparison
  const T = prep.ticks, half = Math.floor(T / 2);
  const balance: number[] = [], level: number[] = [], handelen: number[] = [], dImpact: number[] = [];
  for (const seed of seedsFor(base, 'P1', prep, runs)) {
    const draw = createRng(seed);
    const preset = VARIED_PRESETS[Math.floor(draw() * VARIED_PRESETS.length)];
    const params = {
      ...prep.scenario.params,
      mu: 0.05 + 0.45 * draw(), selfWeight: 0.5 + 9.5 * draw(), initiateRate: 0.02 + 0.28 * draw(),
      trustGain: 0.01 + 0.09 * draw(), exploreRate: 0.01 + 0.19 * draw(),
    };
    const { rec } = runArm({ scenario: { ...prep.scenario, params }, rules: preset }, seed, T);
    const fh = firstHalf(rec, half);
    balance.push(fh.balance);
    level.push(fh.level);
    handelen.push(fh.handelen);
    dImpact.push(gain(rec, 'impact', half, T));
  }
  const effect = standardisedBeta(dImpact, balance, [level, handelen], `P1:${prep.id}`);
  return [{
    pattern: 'P1', scenario: prep.id,
    compared: 'Δimpact (2nd half) on balance, controlling for mean level and for handelen (1st half); runs with varied rules and parameters',
    effect, verdict: verdictOf(effect), runs,
    detail: `mean balance ${f3(mean(balance))}, mean level ${f3(mean(level))}; ρ(balance, level) = ${f2(spearman(balance, level))}, ρ(balance, Δimpact) = ${f2(spearman(balance, dImpact))}, ρ(level, Δimpact) = ${f2(spearman(level, dImpact))}, ρ(handelen, Δimpact) = ${f2(spearman(handelen, dImpact))}`,
  }];
}
