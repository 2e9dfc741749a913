// One run in-process (no pools here): deterministic per plan, strategies resolve to rules as
// documented, series have the kept ticks, bands summarise series.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, PRESETS } from '../../sim/index.ts';
import { createRunner, expandRuns, seriesBands, strategyRules, type ResolvedStrategy } from '../../sim/analysis/batch/index.ts';
import { resolveSpec, validSpec } from './helpers.ts';

const strategy = (s: Partial<ResolvedStrategy>): ResolvedStrategy => ({ id: 'x', label: 'x', preset: null, rules: null, events: [], ...s });

describe('strategyRules', () => {
  it('preset alone, preset + changes, changes alone, neither', () => {
    expect(strategyRules(strategy({ preset: 'keten' }))).toBe('keten');
    const keten = PRESETS.find((p) => p.id === 'keten')!.rules;
    expect(strategyRules(strategy({ preset: 'keten', rules: { entry: 'open' } }))).toEqual({ ...DEFAULT_RULES, ...keten, entry: 'open' });
    expect(strategyRules(strategy({ rules: { leadership: 'facilitating' } }))).toEqual({ leadership: 'facilitating' });
    expect(strategyRules(strategy({}))).toBeUndefined();
  });
});

describe('createRunner', () => {
  const { batch, scenarios } = resolveSpec({
    ...validSpec(),
    scenarios: ['jeugdhulp'],
    ticks: 12,
    seriesEvery: 5,
    replications: 2,
    design: { type: 'factorial', params: { mu: [0.1, 0.4] } },
    measures: ['impact', { measure: 'leren', keep: 'mean', last: 4 }, { measure: 'richten', keep: 'series' }],
  });
  const plans = expandRuns(batch);

  it('the same plan gives the same result; another seed or design point another', () => {
    const a = createRunner(batch, scenarios).run(plans[0]);
    const b = createRunner(batch, scenarios).run(plans[0]);
    expect(a).toEqual(b);
    expect(a.runId).toBe(plans[0].runId);
    expect(a.values).toHaveLength(2);
    expect(a.series!.map((r) => r[0])).toEqual([0, 5, 10]);
    const runner = createRunner(batch, scenarios);
    expect(runner.run(plans[1]).values).not.toEqual(a.values);
    // Same replicate, other design point (mu): the same seed label differs, and mu matters.
    expect(runner.run(plans[2]).values).not.toEqual(a.values);
  });

  it('seriesBands: mean and a ribbon around it at each kept tick', () => {
    const runner = createRunner(batch, scenarios);
    const results = plans.map((p) => runner.run(p));
    const bands = seriesBands(batch, plans, results);
    expect(bands).toHaveLength(2); // jeugdhulp × 2 strategies, 1 series measure
    const b = bands[0];
    expect(b).toMatchObject({ scenario: 'jeugdhulp', strategy: 'open-netwerk', measure: 'richten', n: 4, ticks: [0, 5, 10] });
    const own = results.filter((r) => plans[r.index].strategy === 'open-netwerk').map((r) => r.series![1][1]);
    expect(b.mean[1]).toBeCloseTo(own.reduce((x, y) => x + y, 0) / own.length, 12);
    for (let t = 0; t < 3; t++) {
      expect(b.lo[t]).toBeLessThanOrEqual(b.mean[t]);
      expect(b.hi[t]).toBeGreaterThanOrEqual(b.mean[t]);
    }
  });
});
