// Behaviour with consequences (ODD.md §7.5, §7.6; revision 2): each mechanism against a case
// computed by hand, and its parameter at 0 as the ablation.
import { describe, expect, it } from 'vitest';
import { createRng, createRun, type ScenarioInput } from '../../sim/index.ts';
import { buildCtx, type Reporter } from '../../sim/engine/mechanisms/context.ts';
import { budgets } from '../../sim/engine/mechanisms/budgets.ts';
import { action, patienceDiscount, soloOutput } from '../../sim/engine/mechanisms/action.ts';
import { searchIntensity } from '../../sim/engine/mechanisms/payoffs.ts';
import { findTie, trustOf } from '../../sim/engine/ties.ts';
import { PROJECT_RECRUITING, standing, type State } from '../../sim/engine/state.ts';
import { tiny } from '../helpers.ts';

const quiet: Reporter = { position() {}, project() {}, sanction() {} };

function setup(overrides: Partial<ScenarioInput>) {
  const run = createRun({ scenario: tiny(overrides), seed: 1 });
  const ctx = buildCtx(run.params, run.rules, createRng(1), quiet);
  return { s: run.state, ctx };
}
const prof = (trust: number, patience: number, selectivity = 0.5) => ({ need: 0.5, value: 1, trust, patience, selectivity });
const knowledge = (extra: Record<string, unknown> = {}) =>
  ({ aspects: [{ id: 'k', label: { nl: 'k', en: 'k' }, kind: 'knowledge' as const, solution: 0.5, ...extra }] });

describe('opportunism in deals', () => {
  const scenario = (opportunism: number) => ({
    ...knowledge(),
    actors: [
      { name: 'A', sector: 's1', stake: [0.5], resources: 1, behaviour: prof(0, 0), reputation: 0.5 },
      { name: 'B', sector: 's1', stake: [0.5], resources: 1, behaviour: prof(1, 0), reputation: 0.5 },
    ],
    ties: [{ from: 'A', to: 'B', trust: 0.5 }],
    params: { initiateRate: 0, soloEfficiency: 0, opportunism, dealDetect: 1, betrayalLoss: 0.3, gossip: 0.1 },
  });

  it('an untrustworthy actor delivers less, is detected, loses trust and reputation', () => {
    const { s, ctx } = setup(scenario(0.5));
    budgets(s, ctx);
    s.meetTime.fill(0); s.contrib[0] = 1; s.contrib[1] = 1;
    action(s, ctx);
    // A (trustworthiness 0) delivers 1 − 0.5·1 = 0.5; B (1) delivers 1. Output 0.9·1.5 = 1.35,
    // half each (same stakes: overlap 1). A's withheld 0.5 goes solo (efficiency 0 here).
    expect(s.gainOther[0]).toBeCloseTo(0.675, 12);
    expect(s.gainOther[1]).toBeCloseTo(0.675, 12);
    // Detection chance dealDetect·(1 − 0) = 1: B's trust in A 0.5 → 0.35; A's stain 0.1, so its
    // standing is 0.5·(1 − 0.1) = 0.45; its reputation trait is untouched.
    expect(trustOf(s, 1, 0)).toBeCloseTo(0.35, 12);
    expect(s.stain[0]).toBeCloseTo(0.1, 12);
    expect(standing(s, 0)).toBeCloseTo(0.45, 12);
    // B is fully trustworthy: never detected.
    expect(trustOf(s, 0, 1)).toBe(0.5);
    expect(s.stain[1]).toBe(0);
  });

  it('ablation: opportunism 0 delivers in full and costs nothing', () => {
    const { s, ctx } = setup(scenario(0));
    budgets(s, ctx);
    s.meetTime.fill(0); s.contrib[0] = 1; s.contrib[1] = 1;
    action(s, ctx);
    expect(s.gainOther[0]).toBeCloseTo(0.9, 12); // 0.9·2/2
    expect(trustOf(s, 1, 0)).toBe(0.5);
    expect(s.stain[0]).toBe(0);
  });
});

describe('joining: reciprocity and patience', () => {
  // B proposes a project; A may join. Direction 0.5 against A's stake 0.95: benefit 0.55.
  function recruitA(params: Record<string, number>, owed: boolean, patience: number): boolean {
    const { s, ctx } = setup({
      ...knowledge(),
      actors: [
        { name: 'A', sector: 's1', stake: [0.95], resources: 1, behaviour: prof(0.5, patience, 0.6), openness: 1, position: 'periphery' },
        { name: 'B', sector: 's1', stake: [0.5], resources: 1, behaviour: prof(0.5, 1), position: 'periphery' },
      ],
      ties: [{ from: 'A', to: 'B', trust: 0.5 }],
      params: { initiateRate: 0, recruitTicks: 5, aspirationWeight: 0, ...params },
    });
    openProposal(s, 1, 0.5);
    if (owed) s.tieOwed[findTie(s, 0, 1)] = 1;
    budgets(s, ctx);
    action(s, ctx);
    return s.projectOf[0] === 0;
  }
  function openProposal(s: State, initiator: number, dir: number): void {
    s.projectFreeCount = s.projectCap - 1;
    for (let q = 0; q < s.projectFreeCount; q++) s.projectFree[q] = q + 1;
    s.projectState[0] = PROJECT_RECRUITING; s.projectStart[0] = 0; s.projectSize[0] = 1; s.projectDir[0] = dir;
    s.projectInitiator[0] = initiator; s.projectOf[initiator] = 0;
    s.tick = 1;
  }

  it('reciprocity lowers the bar once for a helper\'s project', () => {
    // Bar 0.3 + 0.5·0.6 = 0.6 > benefit 0.55: A declines unless it owes B (0.6 − 0.2 = 0.4).
    expect(recruitA({ reciprocity: 0.2, discountRate: 0 }, false, 1)).toBe(false);
    expect(recruitA({ reciprocity: 0.2, discountRate: 0 }, true, 1)).toBe(true);
    expect(recruitA({ reciprocity: 0, discountRate: 0 }, true, 1)).toBe(false); // ablation
  });

  it('an impatient actor discounts a project\'s later return', () => {
    // Patience 0, rate 0.1, duration 8: 0.55·1/(1 + 0.8) = 0.306 < 0.4 (bar with the debt).
    expect(patienceDiscount(0.1, 0, 8)).toBeCloseTo(1 / 1.8, 15);
    expect(recruitA({ reciprocity: 0.2, discountRate: 0.1, projectDuration: 8 }, true, 0)).toBe(false);
    expect(recruitA({ reciprocity: 0.2, discountRate: 0.1, projectDuration: 8 }, true, 1)).toBe(true);
    expect(recruitA({ reciprocity: 0.2, discountRate: 0, projectDuration: 8 }, true, 0)).toBe(true); // ablation
  });
});

describe('aspiration and the minimum efficient scale', () => {
  it('search intensity = weight·squash(gap / (|asp| + |level| + 0.05)) below aspiration', () => {
    // gap 0.5 / 1.55 = 0.322581; squash = 0.322581/1.322581 = 0.243902; × 0.5
    expect(searchIntensity(1, 0.5, 0.5)).toBeCloseTo(0.5 * (0.5 / 1.55) / (1 + 0.5 / 1.55), 15);
    expect(searchIntensity(0.5, 1, 0.5)).toBe(0); // above aspiration: no search
    expect(searchIntensity(1, 0.5, 0)).toBe(0); // ablation
  });

  it('a resource cut raises search and meeting share only when aspiration is on', () => {
    const cut = (weight: number) => {
      const run = createRun({ scenario: tiny({ params: { aspirationWeight: weight, aspirationRate: 0.05 } }), seed: 3 });
      for (let t = 0; t < 60; t++) run.step();
      run.intervene({ type: 'resourceCut', target: '*', cut: 0.8 });
      // The payoff memory takes some ticks to fall below the aspiration: the most search over 30 ticks.
      let search = 0;
      for (let t = 0; t < 30; t++) {
        run.step();
        search = Math.max(search, run.state.searching[0] + run.state.searching[1]);
      }
      return { search, share: run.state.meetShare[0] };
    };
    expect(cut(0.5).search).toBeGreaterThan(0);
    expect(cut(0).search).toBe(0);
    expect(cut(0.5).share).not.toBe(cut(0).share);
  });

  it('solo output below the minimum scale falls in proportion', () => {
    expect(soloOutput(0.1, 1, 0, 0.2)).toBeCloseTo(0.05, 15);
    expect(soloOutput(0.4, 1, 0.1, 0.2)).toBeCloseTo(0.3, 15); // above scale: linear after fixed cost
    expect(soloOutput(0.1, 1, 0, 0)).toBeCloseTo(0.1, 15); // ablation
  });
});

describe('mandate and constituency', () => {
  it('an aspect that requires mandate scales a unit below mandateNeeded', () => {
    const run = (mandateNeeded: number) => {
      const { s, ctx } = setup({
        aspects: [{ id: 'k', label: { nl: 'k', en: 'k' }, kind: 'value' as const, requiresMandate: true }],
        actors: [{ name: 'A', sector: 's1', stake: [0.5], resources: 1, mandate: 0.25 }],
        params: { initiateRate: 0, soloFixedCost: 0, soloMinScale: 0, mandateNeeded },
      });
      budgets(s, ctx);
      s.meetTime.fill(0); s.contrib[0] = 1; s.belief[0] = 0.5;
      action(s, ctx);
      return s.impact;
    };
    // A value aspect everyone accepts: output 1, acceptance 1 × 0.25/0.5 = 0.5, per unit of
    // initial resources 1. (Knobs of a knowledge aspect stay at the status quo instead.)
    expect(run(0.5)).toBeCloseTo(0.5, 12);
    expect(run(0)).toBeCloseTo(1, 12); // ablation
  });

  it('organisations represent a constituency by default; persons act on personal title', () => {
    const group = (organisation: boolean) => ({
      name: organisation ? 'Org' : 'Person', label: { nl: 'g', en: 'g' }, sector: 's1', count: 2,
      stake: [0.5, 0.5], organisation,
    });
    const { s } = setup({ actors: [], groups: [group(true), group(false)] });
    expect(Array.from(s.achterban)).toEqual([0.5, 0.5, 0, 0]);
  });
});

describe('archetype profiles per scenario', () => {
  const own = { need: 0.11, value: 0.22, trust: 0.33, patience: 0.44, selectivity: 0.55 };
  const actors = [{ name: 'A', sector: 's1', stake: [0.2, 0.2], behaviour: 'meelifter' as const }, { name: 'B', sector: 's2', stake: [0.8, 0.8] }];
  const profileOf = (s: State, i: number) => Array.from(s.profile.subarray(i * 5, i * 5 + 5));

  it('an actor named by archetype takes the scenario\'s profile for it; the others keep the defaults', () => {
    const run = createRun({ scenario: tiny({ actors, archetypes: { meelifter: own } }), seed: 1 });
    expect(profileOf(run.state, 0)).toEqual([0.11, 0.22, 0.33, 0.44, 0.55]);
    expect(profileOf(run.state, 1)).toEqual([0.8, 0.8, 0.9, 0.9, 0.7]); // netwerker, the default
    // Ablation: without the field (or with it empty) the defaults return, bit for bit.
    const plain = createRun({ scenario: tiny({ actors }), seed: 1 });
    expect(profileOf(plain.state, 0)).toEqual([0.3, 0.1, 0.3, 0.4, 0.1]);
    const empty = createRun({ scenario: tiny({ actors, archetypes: {} }), seed: 1 });
    for (let t = 0; t < 10; t++) { plain.step(); empty.step(); }
    expect(Array.from(empty.measures)).toEqual(Array.from(plain.measures));
  });

  it('the rules\' behaviour mix, also mid-run, assigns the scenario\'s profiles', () => {
    const run = createRun({ scenario: tiny({ actors, archetypes: { transactioneel: own } }), seed: 1 });
    run.step();
    run.setRules({ behaviour: { netwerker: 0, transactioneel: 1, meelifter: 0 } });
    run.step();
    expect(profileOf(run.state, 0)).toEqual([0.11, 0.22, 0.33, 0.44, 0.55]);
    expect(profileOf(run.state, 1)).toEqual([0.11, 0.22, 0.33, 0.44, 0.55]);
  });

  it('the scenario schema refuses an unknown archetype', () => {
    expect(() => tiny({ actors, archetypes: { gangmaker: own } as never })).toThrow(/archetypes/);
  });
});
