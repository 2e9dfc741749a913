// From a sensitivity spec to a batch: the problem, the generated design, common seeds; the
// per-point means over seeds and the indices rows; errors that name the file and field.
import { describe, expect, it } from 'vitest';
import { csvParse } from 'd3-dsv';
import { InputError } from '../../sim/index.ts';
import { expandRuns, parseBatchSpec, resolveBatch, type RunResult } from '../../sim/analysis/batch/index.ts';
import {
  indicesCsv, parseSensitivitySpec, pointMeans, resolveSensitivity, sensitivityIndices,
} from '../../sim/analysis/sensitivity/index.ts';
import { loader } from '../batch/helpers.ts';

const SPEC = {
  id: 'tiny-sensitivity',
  scenario: 'tiny',
  parameters: { mu: { min: 0.05, max: 0.5 }, maxMeetings: { min: 1, max: 6 }, 'opgave.beliefNoise': { min: 0.1, max: 0.4 } },
  measures: [{ measure: 'richten', keep: 'mean', last: 5 }, 'impact'],
  morris: { trajectories: 4, levels: 4 },
  sobol: { samples: 8 },
  seeds: 3,
  seed: 11,
};

const issuesOf = (f: () => unknown) => {
  try { f(); } catch (e) {
    if (e instanceof InputError) return { file: e.file, issues: e.issues.map((i) => `${i.path}: ${i.message}`) };
    throw e;
  }
  throw new Error('expected an InputError');
};

function resolveAll(raw: unknown, overrides = {}) {
  const spec = parseSensitivitySpec(raw, 'spec.json');
  const resolved = resolveSensitivity(spec, 'spec.json', overrides);
  const { batch } = resolveBatch(parseBatchSpec(resolved.batchSpec, 'spec.json'), { file: 'spec.json', loadScenario: loader, designText: resolved.designCsv });
  return { resolved, batch, plans: expandRuns(batch) };
}

describe('resolveSensitivity', () => {
  it('morris: r·(D + 1) explicit points, integer model parameters rounded and flagged, common seeds', () => {
    const { resolved, batch, plans } = resolveAll(SPEC, { method: 'morris' });
    expect(resolved.problem.parameters.map((p) => [p.name, p.integer])).toEqual([['mu', false], ['maxMeetings', true], ['opgave.beliefNoise', false]]);
    expect(batch.design!.points).toHaveLength(4 * 4);
    expect(batch.design!.points.map((p) => Object.values(p.values))).toEqual(resolved.design.values);
    expect(batch.design!.points.every((p) => Number.isInteger(p.values.maxMeetings))).toBe(true);
    expect(batch.commonSeeds).toBe(true);
    expect(plans).toHaveLength(16 * 3);
    expect(new Set(plans.map((p) => p.seed)).size).toBe(3);
    expect(resolved.record).toMatchObject({ method: 'morris', seeds: 3, designPoints: 16, measures: ['richten_mean_last5', 'impact'] });
  });

  it('sobol: N·(D + 2) points; --points and --seeds override; the same seed gives the same design', () => {
    const a = resolveAll(SPEC, { method: 'sobol', points: 16, seeds: 1 });
    expect(a.batch.design!.points).toHaveLength(16 * 5);
    expect(a.plans).toHaveLength(16 * 5);
    expect(resolveAll(SPEC, { method: 'sobol', points: 16, seeds: 1 }).resolved.designCsv).toBe(a.resolved.designCsv);
    expect(resolveAll({ ...SPEC, seed: 12 }, { method: 'sobol', points: 16, seeds: 1 }).resolved.designCsv).not.toBe(a.resolved.designCsv);
  });

  it('bad input names the file and the field', () => {
    expect(issuesOf(() => resolveAll({ ...SPEC, measures: [{ measure: 'core', keep: 'threshold', above: 3 }] })).issues[0]).toMatch(/^measures\.0\.keep|^measures\[0\]\.keep/);
    expect(issuesOf(() => resolveAll({ ...SPEC, parameters: { mu: { min: 0.1, max: 0.9 } } }, { method: 'morris' })).issues).toEqual(['parameters.mu.max: 0.9 is outside mu\'s range 0…0.5']);
    expect(issuesOf(() => resolveAll({ ...SPEC, parameters: { meetingMode: { min: 0, max: 1 } } }, { method: 'morris' })).issues[0]).toMatch(/parameters\.meetingMode: meetingMode takes options/);
    expect(issuesOf(() => resolveAll({ ...SPEC, parameters: { maxMeetings: { min: 1, max: 2 } } }, { method: 'morris' })).issues[0]).toMatch(/^morris: integer parameter maxMeetings has 2 values/);
    expect(issuesOf(() => resolveAll(SPEC)).issues).toEqual(['method: no method: give --method morris|sobol or "method" in the spec']);
    expect(issuesOf(() => resolveAll({ ...SPEC, morris: { levels: 3 } })).issues[0]).toMatch(/morris\.levels.*even/);
    expect(issuesOf(() => resolveAll({ ...SPEC, parameters: { mu: { min: 0.3, max: 0.3 } } })).issues[0]).toMatch(/min must be below max/);
  });
});

describe('per-point means over seeds and the indices', () => {
  it('means average a point\'s seeds; a missing run marks the point incomplete', () => {
    const { batch, plans } = resolveAll(SPEC, { method: 'morris', points: 2, seeds: 2 });
    const results = new Map<number, RunResult>();
    for (const p of plans) results.set(p.index, { index: p.index, runId: p.runId, values: [p.design! + p.replicate / 4, p.design! * 2], series: null });
    const { means, incomplete } = pointMeans(batch, plans, results);
    expect(incomplete).toEqual([]);
    expect(means[0].slice(0, 3)).toEqual([1.375, 2.375, 3.375]);
    expect(means[1].slice(0, 2)).toEqual([2, 4]);
    results.delete(plans[5].index);
    expect(pointMeans(batch, plans, results).incomplete).toEqual([plans[5].design]);
  });

  it('indices.csv: one row per measure × parameter; Morris leaves the Sobol cells empty and vice versa', () => {
    for (const method of ['morris', 'sobol'] as const) {
      const { resolved, batch, plans } = resolveAll(SPEC, { method, points: 8, seeds: 1 });
      const results = new Map<number, RunResult>();
      // A known response: y = 10·mu + maxMeetings (no noise), for both measures.
      for (const p of plans) {
        const y = 10 * (p.params.mu as number) + (p.params.maxMeetings as number);
        results.set(p.index, { index: p.index, runId: p.runId, values: [y, y], series: null });
      }
      const rows = sensitivityIndices(resolved, batch, pointMeans(batch, plans, results).means);
      const table = csvParse(indicesCsv(rows));
      expect(table).toHaveLength(2 * 3);
      expect(table.map((r) => r.parameter)).toEqual(['mu', 'maxMeetings', 'opgave.beliefNoise', 'mu', 'maxMeetings', 'opgave.beliefNoise']);
      const filled = (r: Record<string, string>, cols: string[]) => cols.every((c) => r[c] !== '');
      const empty = (r: Record<string, string>, cols: string[]) => cols.every((c) => r[c] === '');
      if (method === 'morris') {
        expect(table.every((r) => filled(r, ['mu_star', 'sigma', 'mu', 'mu_star_conf']) && empty(r, ['S1', 'S1_conf', 'ST', 'ST_conf']))).toBe(true);
        // Hand-computed: EE of mu = 10 · 0.45 (its range); of maxMeetings = its range, 5; beliefNoise none.
        expect(Number(table[0].mu_star)).toBeCloseTo(4.5, 12);
        expect(Number(table[1].mu_star)).toBeCloseTo(5, 12);
        expect(Number(table[2].mu_star)).toBe(0);
      } else {
        expect(table.every((r) => filled(r, ['S1', 'S1_conf', 'ST', 'ST_conf']) && empty(r, ['mu_star', 'sigma', 'mu', 'mu_star_conf']))).toBe(true);
        expect(Number(table[2].S1)).toBe(0);
        expect(Number(table[2].ST)).toBe(0);
      }
    }
  });
});
