// The run list: fixed order, readable runIds derived from the cell, seeds from the base seed and
// the runId (so adding strategies shifts nothing), shards that partition it; parameter designs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveSeed } from '../../sim/index.ts';
import {
  expandRuns, factorialPoints, lhsPoints, parseDesignCsv, parseShard, runIdOf, selectShard,
} from '../../sim/analysis/batch/index.ts';
import { resolveSpec, validSpec } from './helpers.ts';

describe('expandRuns', () => {
  it('orders scenario → strategy → design point → replicate, with readable ids and derived seeds', () => {
    const { batch } = resolveSpec({
      ...validSpec(),
      scenarios: ['tiny', { id: 'tiny-mu', scenario: 'tiny', set: ['mu=0.1'] }],
      design: { type: 'factorial', params: { trustGain: [0.02, 0.06] } },
      replications: 2,
    });
    const plans = expandRuns(batch);
    expect(plans).toHaveLength(2 * 2 * 2 * 2);
    expect(plans.slice(0, 5).map((p) => p.runId)).toEqual([
      'tiny__open-netwerk__d001__r001', 'tiny__open-netwerk__d001__r002',
      'tiny__open-netwerk__d002__r001', 'tiny__open-netwerk__d002__r002',
      'tiny__keten__d001__r001',
    ]);
    expect(plans.at(-1)!.runId).toBe('tiny-mu__keten__d002__r002');
    plans.forEach((p, i) => {
      expect(p.index).toBe(i);
      expect(p.seed).toBe(deriveSeed(7, p.runId));
    });
    expect(plans[2].params).toEqual({ trustGain: 0.06 });
    expect(new Set(plans.map((p) => p.seed)).size).toBe(plans.length);
  });

  it('without a design the runId has no d-part; numbers keep at least 3 digits', () => {
    expect(runIdOf('wijk', 'keten', null, 17)).toBe('wijk__keten__r017');
    expect(runIdOf('wijk', 'keten', 3, 1234)).toBe('wijk__keten__d003__r1234');
  });

  it('adding a strategy or replications never changes an existing run id or seed', () => {
    const before = expandRuns(resolveSpec(validSpec()).batch);
    const after = expandRuns(resolveSpec({ ...validSpec(), strategies: ['faciliterend', 'open-netwerk', 'sturende-regie', 'keten'], replications: 5 }).batch);
    const seeds = new Map(after.map((p) => [p.runId, p.seed]));
    for (const p of before) expect(seeds.get(p.runId)).toBe(p.seed);
  });

  it('commonSeeds: a replicate has the same seed at every design point (common random numbers)', () => {
    const spec = { ...validSpec(), design: { type: 'factorial', params: { trustGain: [0.02, 0.04, 0.06] } }, replications: 2 };
    const common = resolveSpec({ ...spec, commonSeeds: true }).batch;
    const plans = expandRuns(common);
    for (const p of plans) expect(p.seed).toBe(deriveSeed(7, runIdOf(p.scenario, p.strategy, null, p.replicate)));
    expect(new Set(plans.filter((p) => p.strategy === 'keten' && p.replicate === 2).map((p) => p.seed)).size).toBe(1);
    expect(new Set(plans.map((p) => p.seed)).size).toBe(2 * 2); // strategies × replicates
    // Switched off (or absent), seeds come from the full runId again and the batch is unchanged.
    const plain = resolveSpec(spec).batch;
    expect('commonSeeds' in plain).toBe(false);
    expect(resolveSpec({ ...spec, commonSeeds: false }).batch).toEqual(plain);
    expect(new Set(expandRuns(plain).map((p) => p.seed)).size).toBe(plans.length);
  });

  it('--replications and --ticks override the spec', () => {
    const plans = expandRuns(resolveSpec(validSpec(), { replications: 1, ticks: 5 }).batch);
    expect(plans).toHaveLength(2);
    expect(plans.every((p) => p.ticks === 5)).toBe(true);
  });
});

describe('shards', () => {
  it('k/n over 1…n partitions the run list, interleaved', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 9 }), (count, n) => {
      const plans = Array.from({ length: count }, (_, index) => ({ index }) as never);
      const seen: number[] = [];
      for (let k = 1; k <= n; k++) {
        const share = selectShard(plans, { k, n });
        for (const p of share) expect((p as { index: number }).index % n).toBe(k - 1);
        seen.push(...share.map((p) => (p as { index: number }).index));
      }
      expect(seen.sort((a, b) => a - b)).toEqual(plans.map((_, i) => i));
    }));
  });

  it('parses k/n and says what it expects', () => {
    expect(parseShard('2/8')).toEqual({ k: 2, n: 8 });
    for (const bad of ['0/3', '4/3', '3', 'a/b', '1/0']) expect(() => parseShard(bad)).toThrow(/1 ≤ k ≤ n/);
  });
});

describe('designs', () => {
  it('factorial: every combination, last parameter fastest', () => {
    const pts = factorialPoints({ a: [1, 2], b: ['x', 'y', 'z'] });
    expect(pts.map((p) => `${p.values.a}${p.values.b}`)).toEqual(['1x', '1y', '1z', '2x', '2y', '2z']);
    expect(pts.map((p) => p.index)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('Latin hypercube: each stratum of each parameter used exactly once; seeded', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 40 }), fc.integer(), (n, seed) => {
      const pts = lhsPoints({ mu: { min: 0.1, max: 0.5 }, k: { min: 2, max: 9, integer: true } }, n, seed);
      const strata = pts.map((p) => Math.floor(((p.values.mu as number) - 0.1) / 0.4 * n));
      expect(new Set(strata.map((s) => Math.min(s, n - 1))).size).toBe(n);
      for (const p of pts) {
        expect(p.values.mu).toBeGreaterThanOrEqual(0.1);
        expect(p.values.mu).toBeLessThanOrEqual(0.5);
        expect(Number.isInteger(p.values.k)).toBe(true);
        expect(p.values.k).toBeGreaterThanOrEqual(2);
        expect(p.values.k).toBeLessThanOrEqual(9);
      }
      expect(lhsPoints({ mu: { min: 0.1, max: 0.5 }, k: { min: 2, max: 9, integer: true } }, n, seed)).toEqual(pts);
    }), { numRuns: 50 });
    expect(lhsPoints({ mu: { min: 0, max: 1 } }, 8, 1)).not.toEqual(lhsPoints({ mu: { min: 0, max: 1 } }, 8, 2));
  });

  it('design files: comma, tab or whitespace separated; a numpy "#" header; enum options as text', () => {
    const csv = parseDesignCsv('mu,trustGain\n0.1,0.02\n0.3,4e-2\n', 'd.csv');
    expect(csv.params).toEqual(['mu', 'trustGain']);
    expect(csv.points.map((p) => p.values)).toEqual([{ mu: 0.1, trustGain: 0.02 }, { mu: 0.3, trustGain: 0.04 }]);
    const salib = parseDesignCsv('# mu trustGain\n1.000000e-01 2.000000e-02\n\n3.0e-01   4.0e-02\n', 'd.txt');
    expect(salib.points.map((p) => p.values.mu)).toEqual([0.1, 0.3]);
    expect(parseDesignCsv('meetingMode\tmu\nrandom\t0.2\n', 'd.tsv').points[0].values).toEqual({ meetingMode: 'random', mu: 0.2 });
  });
});
