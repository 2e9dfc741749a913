// Paths, not results (revision 2): for P3, P4, P5, P7, P9 (mandate) and P10, the mechanism that
// gives the pattern a path is switched on and off. On, the arm the pattern concerns differs from
// its twin through that mechanism; off (ablation), the old behaviour returns — the channel is
// silent or the arms are identical. No test here looks at the direction of a pattern: whether it
// emerges is what docs/VALIDATION.md's table reports.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRun, MEASURE_INDEX, type Run, type Scenario, type ScenarioEvent } from '../../sim/index.ts';
import { prepare } from '../../sim/analysis/patterns/prepare.ts';
import { ROOT } from '../helpers.ts';

const SEEDS = [11, 12, 13, 14, 15];
const TICKS = 80;

/** synthetisch at test size (40 actors), with parameters set on top of its own. */
function synth(params: Record<string, number> = {}): Scenario {
  const raw = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'synthetisch.json'), 'utf8'));
  const prep = prepare({ file: 'synthetisch.json', json: raw }, 40, TICKS);
  return { ...prep.scenario, params: { ...prep.scenario.params, ...params }, events: [] };
}

function runTo(sc: Scenario, seed: number, opts: { rules?: string; events?: ScenarioEvent[]; each?: (r: Run) => void } = {}): Run {
  const run = createRun({ scenario: sc, seed, rules: opts.rules, events: opts.events });
  for (let t = 0; t < TICKS; t++) { run.step(); opts.each?.(run); }
  return run;
}

const impact = (r: Run) => r.measures[MEASURE_INDEX.impact];
const CUT: ScenarioEvent[] = [{ tick: 30, type: 'resourceCut', target: 'sector:zorg', cut: 0.5 }];

describe('P3 and P10: a resource cut reaches engagement and joining through aspiration and the solo scale', () => {
  /** Sum over ticks after the cut of the actors' search intensity, and the joint-project share. */
  function afterCut(params: Record<string, number>, seed: number, events: ScenarioEvent[]) {
    let search = 0, handelen = 0, churn = 0;
    runTo(synth(params), seed, { events, each: (r) => {
      if (r.tick <= 30) return;
      for (let i = 0; i < r.state.n; i++) search += r.state.searching[i];
      handelen += r.measures[MEASURE_INDEX.handelen];
      churn += r.measures[MEASURE_INDEX.churn];
    } });
    return { search, handelen, churn };
  }

  it('on: the cut arm searches differently from its twin, and its churn or handelen differ', () => {
    let searchDiffers = 0, outcomeDiffers = 0;
    for (const seed of SEEDS) {
      const cut = afterCut({}, seed, CUT), twin = afterCut({}, seed, []);
      if (cut.search !== twin.search) searchDiffers++;
      if (cut.churn !== twin.churn || cut.handelen !== twin.handelen) outcomeDiffers++;
    }
    expect(searchDiffers).toBe(SEEDS.length);
    expect(outcomeDiffers).toBeGreaterThan(0);
  });

  it('off (aspirationWeight = 0, soloMinScale = 0): the aspiration channel is silent in both arms', () => {
    for (const seed of SEEDS.slice(0, 2)) {
      expect(afterCut({ aspirationWeight: 0, soloMinScale: 0 }, seed, CUT).search).toBe(0);
      expect(afterCut({ aspirationWeight: 0, soloMinScale: 0 }, seed, []).search).toBe(0);
    }
  });
});

describe('P4: the five rules have consequences through opportunism in deals', () => {
  const meanReputation = (r: Run) => {
    let sum = 0;
    for (let i = 0; i < r.state.n; i++) sum += r.state.reputation[i] * (1 - r.state.stain[i]);
    return sum / r.state.n;
  };
  it('on: a transactional population\'s standing changes, unlike its initial state', () => {
    for (const seed of SEEDS.slice(0, 2)) {
      const start = meanReputation(createRun({ scenario: synth(), seed, rules: 'transactioneel' }));
      expect(meanReputation(runTo(synth(), seed, { rules: 'transactioneel' }))).not.toBe(start);
    }
  });
  it('off (opportunism = 0): standings stay where they started in both arms', () => {
    for (const rules of ['transactioneel', 'vijf-netwerkregels']) {
      const start = meanReputation(createRun({ scenario: synth({ opportunism: 0 }), seed: 11, rules }));
      expect(meanReputation(runTo(synth({ opportunism: 0 }), 11, { rules }))).toBe(start);
    }
  });
});

describe('P5: coordination and process losses act on the network, not on the chain', () => {
  it('on vs off: the network arm moves with λ and ρ, the chain arm does not', () => {
    const off = { coordinationLoss: 0, processLoss: 0 };
    let networkMoves = 0;
    for (const seed of SEEDS.slice(0, 3)) {
      expect(impact(runTo(synth(), seed, { rules: 'keten' }))).toBe(impact(runTo(synth(off), seed, { rules: 'keten' })));
      if (impact(runTo(synth(), seed)) !== impact(runTo(synth(off), seed))) networkMoves++;
    }
    expect(networkMoves).toBe(3);
  });
});

describe('P7: leadership reaches output through coordination', () => {
  /** Mean coordination of running projects over the run. */
  function coordination(params: Record<string, number>, seed: number, leadership: string): number {
    let sum = 0, c = 0;
    const sc = { ...synth(params), rules: { preset: 'open-netwerk', leadership } } as Scenario;
    runTo(sc, seed, { each: (r) => {
      const s = r.state;
      // Projects that produced this tick (one that started this tick produces from the next).
      for (let pr = 0; pr < s.projectCap; pr++) {
        if (s.projectState[pr] === 2 && s.projectSize[pr] > 1 && s.projectStart[pr] < s.tick) { sum += s.projectCoord[pr]; c++; }
      }
    } });
    return c > 0 ? sum / c : NaN;
  }
  it('on: the led run\'s project coordination differs from its twin\'s; off (λ = 0): it is 1 in both', () => {
    expect(coordination({}, 11, 'facilitating')).not.toBe(coordination({}, 11, 'none'));
    expect(coordination({ coordinationLoss: 0 }, 11, 'facilitating')).toBe(1);
    expect(coordination({ coordinationLoss: 0 }, 11, 'none')).toBe(1);
  });
});

describe('P9-mandate: the mandate lever acts through requiresMandate', () => {
  // The mechanism, not the P9 experiment's choice of target: the lever goes to the first actor
  // without mandate (a resident), whose own action then reaches the mandate-requiring aspect.
  const lever = (sc: Scenario): ScenarioEvent[] => {
    const probe = createRun({ scenario: sc, seed: 0 });
    let who = 0;
    while (who < probe.state.n - 1 && probe.state.mandate[who] > 0) who++;
    return [{ tick: 20, type: 'mandate', target: probe.meta.names[who], amount: 0.3 }];
  };
  it('on: impact with the lever differs from its twin; off (mandateNeeded = 0): identical, as in engine 0.1', () => {
    let differs = 0;
    for (const seed of SEEDS.slice(0, 3)) {
      const sc = synth();
      if (impact(runTo(sc, seed, { events: lever(sc) })) !== impact(runTo(sc, seed))) differs++;
      const off = synth({ mandateNeeded: 0 });
      expect(impact(runTo(off, seed, { events: lever(off) }))).toBe(impact(runTo(off, seed)));
    }
    expect(differs).toBeGreaterThan(0);
  });
});
