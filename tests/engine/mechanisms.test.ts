// Each mechanism against a case computed by hand.
import { describe, expect, it } from 'vitest';
import { createRng, createRun, type ScenarioInput } from '../../sim/index.ts';
import { buildCtx, type Reporter } from '../../sim/engine/mechanisms/context.ts';
import { budgets } from '../../sim/engine/mechanisms/budgets.ts';
import { dialogue } from '../../sim/engine/mechanisms/dialogue.ts';
import { learning } from '../../sim/engine/mechanisms/learning.ts';
import { action, coordination, processLoss } from '../../sim/engine/mechanisms/action.ts';
import { corenessFit } from '../../sim/engine/mechanisms/coreness.ts';
import { cbrt, lerenOf, richtenOf } from '../../sim/engine/mechanisms/observe.ts';
import { decayTies, ensureTie, findTie, trustOf } from '../../sim/engine/ties.ts';
import { PROJECT_RUNNING } from '../../sim/engine/state.ts';
import { tiny } from '../helpers.ts';

const quiet: Reporter = { position() {}, project() {}, sanction() {} };

function setup(overrides: Partial<ScenarioInput>) {
  const run = createRun({ scenario: tiny(overrides), seed: 1 });
  const ctx = buildCtx(run.params, run.rules, createRng(1), quiet);
  return { s: run.state, ctx };
}

const oneValueAspect = { aspects: [{ id: 'v', label: { nl: 'v', en: 'v' }, kind: 'value' as const }] };

describe('dialogue (Deffuant bounded confidence)', () => {
  const actors = (trust: number, openness: number) => ({
    ...oneValueAspect,
    actors: [
      { name: 'A', sector: 's1', stake: [0.4], openness, achterban: 0 },
      { name: 'B', sector: 's1', stake: [0.6], openness, achterban: 0 },
    ],
    ties: [{ from: 'A', to: 'B', trust }],
    params: { mu: 0.5, trustGain: 0, trustLoss: 0.5, clashFactor: 1 },
  });

  it('both move by μ·T_ij of the difference when within openness', () => {
    const { s, ctx } = setup(actors(1, 0.5));
    s.pairA[0] = 0; s.pairB[0] = 1; s.pairCount = 1;
    dialogue(s, ctx);
    // 0.4 + 0.5·1·(0.6 − 0.4) = 0.5 and 0.6 − 0.5·1·0.2 = 0.5
    expect(s.pref[0]).toBeCloseTo(0.5, 12);
    expect(s.pref[1]).toBeCloseTo(0.5, 12);
  });

  it('trust scales the step', () => {
    const { s, ctx } = setup(actors(0.5, 0.5));
    s.pairA[0] = 0; s.pairB[0] = 1; s.pairCount = 1;
    dialogue(s, ctx);
    expect(s.pref[0]).toBeCloseTo(0.4 + 0.5 * 0.5 * 0.2, 12); // 0.45
  });

  it('beyond openness nobody moves, and a clash costs trust', () => {
    const { s, ctx } = setup(actors(0.8, 0.1));
    s.pairA[0] = 0; s.pairB[0] = 1; s.pairCount = 1;
    dialogue(s, ctx);
    expect(s.pref[0]).toBe(0.4);
    expect(s.pref[1]).toBe(0.6);
    // distance 0.2 > clashFactor·ε = 0.1: trust 0.8 − 0.5·0.8 = 0.4
    expect(trustOf(s, 0, 1)).toBeCloseTo(0.4, 12);
  });
});

describe('learning (DeGroot averaging)', () => {
  it('averages beliefs with self-weight, trust and credibility over partners met', () => {
    const { s, ctx } = setup({
      aspects: [{ id: 'k', label: { nl: 'k', en: 'k' }, kind: 'knowledge', solution: 0.5 }],
      actors: [
        { name: 'A', sector: 's1', stake: [0.5], reputation: 1 },
        { name: 'B', sector: 's1', stake: [0.5], reputation: 1 },
        { name: 'C', sector: 's1', stake: [0.5], reputation: 1 },
      ],
      ties: [{ from: 'A', to: 'B', trust: 1 }, { from: 'A', to: 'C', trust: 1 }],
      params: { selfWeight: 2, shareCost: 0, imitationRate: 0 },
    });
    const N = s.knobs; // DeGroot on every knob; knob 0 here
    s.knobBelief[0] = 0.2; s.knobBelief[N] = 0.5; s.knobBelief[2 * N] = 0.8;
    s.pairA[0] = 0; s.pairB[0] = 1; s.pairA[1] = 0; s.pairB[1] = 2; s.pairCount = 2;
    learning(s, ctx);
    expect(s.knobBelief[0]).toBeCloseTo((2 * 0.2 + 0.5 + 0.8) / 4, 12); // 0.425
    expect(s.knobBelief[N]).toBeCloseTo((2 * 0.5 + 0.2) / 3, 12); // 0.4
    expect(s.knobBelief[2 * N]).toBeCloseTo((2 * 0.8 + 0.2) / 3, 12); // 0.6
  });

  it('the core-only regime shares nothing outside the core', () => {
    const { s } = setup({
      aspects: [{ id: 'k', label: { nl: 'k', en: 'k' }, kind: 'knowledge', solution: 0.5 }],
      actors: [{ name: 'A', sector: 's1', stake: [0.5], position: 'periphery' }, { name: 'B', sector: 's1', stake: [0.5], position: 'core' }],
      ties: [{ from: 'A', to: 'B', trust: 1 }],
    });
    const run = createRun({ scenario: tiny(), seed: 1 });
    const ctx = buildCtx(run.params, { ...run.rules, knowledge: 'core-only' }, createRng(1), quiet);
    const N = s.knobs;
    s.knobBelief[0] = 0.1; s.knobBelief[N] = 0.9;
    s.pairA[0] = 0; s.pairB[0] = 1; s.pairCount = 1;
    learning(s, ctx);
    expect(s.knobBelief[0]).toBe(0.1);
    expect(s.knobBelief[N]).toBe(0.9);
  });
});

describe('budgets', () => {
  it('split resources between meeting time and contributions', () => {
    const { s, ctx } = setup({});
    s.resources[0] = 2; s.meetShare[0] = 0.3; s.position[0] = 1;
    budgets(s, ctx);
    expect(s.meetTime[0]).toBeCloseTo(0.6, 12);
    expect(s.contrib[0]).toBeCloseTo(1.4, 12);
  });
});

describe('projects', () => {
  const profile = { need: 0.5, value: 1, trust: 0.5, patience: 1, selectivity: 0.5 };
  function twoMembers(params: Record<string, number>, start: number, tick: number) {
    const { s, ctx } = setup({
      aspects: [{ id: 'k', label: { nl: 'k', en: 'k' }, kind: 'value' }],
      actors: [
        { name: 'A', sector: 's1', stake: [0.7], resources: 1, knowledge: [0.5], behaviour: profile },
        { name: 'B', sector: 's1', stake: [0.7], resources: 4, knowledge: [0.5], behaviour: profile },
      ],
      ties: [{ from: 'A', to: 'B', trust: 0.5 }],
      params: { projectShare: 1, projectDuration: 4, diversityWeight: 1, initiateRate: 0, solveRate: 0, detectRate: 0, ...params },
    });
    // A running project of A and B, direction 0.7; this tick's contributions 1 and 4.
    s.projectFreeCount = s.projectCap - 1; // slot 0 taken
    for (let q = 0; q < s.projectFreeCount; q++) s.projectFree[q] = q + 1;
    s.projectState[0] = PROJECT_RUNNING; s.projectStart[0] = start; s.projectSize[0] = 2; s.projectDir[0] = 0.7;
    s.projectOf[0] = 0; s.projectOf[1] = 0;
    s.tick = tick;
    budgets(s, ctx);
    s.meetTime.fill(0); s.contrib[0] = 1; s.contrib[1] = 4;
    action(s, ctx);
    return s;
  }

  it('produce Σc·g(m) each tick, counted toward impact at once, × closeness × (1 − λ(1 − T̄))', () => {
    const s = twoMembers({ coordinationLoss: 0.5, processLoss: 0.15 }, 0, 1);
    // Σc = 5; g(2) = 1/(1 + 0.15) ; equal expertise: no diversity bonus.
    expect(s.projectOutput[0]).toBeCloseTo(5 / 1.15, 12);
    // A value aspect both stakes (0.7) accept fully: acceptance 1; T̄ = 0.5 → coordination 1 − 0.5·0.5 = 0.75.
    expect(s.projectEff[0]).toBeCloseTo(0.75, 12);
    // Impact is effective output per unit of initial resources (1 + 4).
    expect(s.impact).toBeCloseTo(5 / 1.15 * 0.75 / 5, 12);
    // Payment is delayed: nothing paid before delivery.
    expect(s.gainNetwork[0]).toBe(0);
    expect(s.projectOf[0]).toBe(0);
  });

  it('at delivery members are paid their share of output net of coordination', () => {
    const s = twoMembers({ coordinationLoss: 0.5, processLoss: 0.15 }, 0, 4);
    // 5/1.15 · 0.75 / 2 members, direction = stake.
    expect(s.gainNetwork[0]).toBeCloseTo(5 / 1.15 * 0.75 / 2, 12);
    expect(s.projectOf[0]).toBe(-1);
    expect(s.projectState[0]).toBe(0);
  });

  it('ablation: λ = 0 and ρ = 0 leave raw output; synergy (engine 0.1) adds γ((Σ√c)² − Σc)', () => {
    const off = twoMembers({ coordinationLoss: 0, processLoss: 0 }, 0, 1);
    expect(off.projectOutput[0]).toBeCloseTo(5, 12);
    expect(off.projectEff[0]).toBeCloseTo(1, 12);
    const old = twoMembers({ coordinationLoss: 1, processLoss: 0, synergy: 0.5 }, 0, 1);
    // (Σ√c)² − Σc = 9 − 5 = 4 → 5 + 0.5·4 = 7; coordination = T̄ = 0.5.
    expect(old.projectOutput[0]).toBeCloseTo(7, 12);
    expect(old.projectEff[0]).toBeCloseTo(0.5, 12);
  });

  it('process loss and coordination by hand', () => {
    expect(processLoss(1, 0.15)).toBe(1);
    expect(processLoss(11, 0.15)).toBeCloseTo(1 / 2.5, 15);
    expect(coordination(0.2, 0.5)).toBeCloseTo(0.6, 15);
    expect(coordination(0.2, 0)).toBe(1);
  });
});

describe('ties', () => {
  it('a full slot list replaces its weakest tie only with a stronger one; decay removes weak ties', () => {
    const { s } = setup({ params: { maxTies: 2 }, actors: [
      { name: 'A', sector: 's1', stake: [0.5, 0.5] }, { name: 'B', sector: 's1', stake: [0.5, 0.5] },
      { name: 'C', sector: 's1', stake: [0.5, 0.5] }, { name: 'D', sector: 's1', stake: [0.5, 0.5] },
    ] });
    ensureTie(s, 0, 1, 0.5);
    ensureTie(s, 0, 2, 0.1);
    expect(ensureTie(s, 0, 3, 0.05)).toBe(-1);
    expect(ensureTie(s, 0, 3, 0.3)).toBeGreaterThanOrEqual(0);
    expect(findTie(s, 0, 2)).toBe(-1);
    expect(trustOf(s, 0, 3)).toBe(0.3);
    decayTies(s, 0.5, 0.2); // 0.5 → 0.25 stays, 0.3 → 0.15 goes
    expect(s.degree[0]).toBe(1);
    expect(trustOf(s, 0, 1)).toBe(0.25);
  });
});

describe('measures', () => {
  it('richten: 1 − 2·Σe‖p − p̄‖/(D·Σe)', () => {
    const { s } = setup({ ...oneValueAspect, actors: [
      { name: 'A', sector: 's1', stake: [0.2], engagement: 0.5 }, { name: 'B', sector: 's1', stake: [0.8], engagement: 0.5 },
    ] });
    // p̄ = 0.5; Σe‖p − p̄‖ = 0.5·0.3·2 = 0.3; 1 − 2·0.3/(1·1) = 0.4
    expect(richtenOf(s)).toBeCloseTo(0.4, 12);
  });

  it('leren: mean worth of the approaches actors would try × their agreement on the knobs', () => {
    const { s } = setup({ aspects: [{ id: 'k', label: { nl: 'k', en: 'k' }, kind: 'knowledge' }],
      actors: [{ name: 'A', sector: 's1', stake: [0.5], engagement: 1 }, { name: 'B', sector: 's1', stake: [0.5], engagement: 1 }] });
    expect(s.knobs).toBe(4);
    s.approach[0] = 0b0000; s.approach[1] = 0b0001;
    s.approachWorth[0] = 0.4; s.approachWorth[1] = 0.8;
    // mean ω 0.6; knob 0 split (|2·½ − 1| = 0), knobs 1–3 agreed (1 each): agreement 3/4 → 0.45
    expect(lerenOf(s)).toBeCloseTo(0.45, 12);
  });

  it('coreness fit is the Pearson correlation of W_ij with c_i·c_j over ordered pairs', () => {
    const { s } = setup({ actors: [
      { name: 'A', sector: 's1', stake: [0.5, 0.5] }, { name: 'B', sector: 's1', stake: [0.5, 0.5] }, { name: 'C', sector: 's1', stake: [0.5, 0.5] },
    ] });
    ensureTie(s, 0, 1, 1); ensureTie(s, 1, 0, 1);
    s.coreness.set([0.6, 0.4, 0.2]);
    // x = W over the 6 ordered pairs = [1,0,1,0,0,0]; y = c_i·c_j = [.24,.12,.24,.08,.12,.08].
    // Worked by hand: cov = 0.186667, var x = 1.333333, var y = 0.027733 → r = 0.970725
    expect(corenessFit(s)).toBeCloseTo(0.970725, 5);
  });

  it('coreness fit is 0, not NaN, when the correlation is undefined: equal coreness, or a trust so small its variance underflows', () => {
    const { s } = setup({ actors: [{ name: 'A', sector: 's1', stake: [0.5, 0.5] }, { name: 'B', sector: 's1', stake: [0.5, 0.5] }] });
    // The property test's counterexample: two actors, one tie of trust 3.5e-156 (its square is
    // subnormal), coreness equal. Before the guard this gave 0/0.
    ensureTie(s, 0, 1, 3.4716964855733425e-156);
    s.coreness.set([Math.SQRT1_2, Math.SQRT1_2]);
    expect(corenessFit(s)).toBe(0);
    // Equal coreness with an ordinary trust: c_i·c_j is constant, so no correlation either.
    s.tieTrust[findTie(s, 0, 1)] = 0.7;
    expect(corenessFit(s)).toBe(0);
  });

  it('cube root by Newton is exact on cubes', () => {
    expect(cbrt(27)).toBe(3);
    expect(cbrt(0.125)).toBe(0.5);
    expect(cbrt(0)).toBe(0);
    expect(Math.abs(cbrt(2) - 1.2599210498948732)).toBeLessThan(1e-15);
  });
});
