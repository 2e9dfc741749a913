// Stage 1 of calibrate: Morris screening. The ranking on a toy problem with known effects (a
// parameter with no effect ranks last, with score 0; measures in different units are compared
// by relative mu_star), the keep rules, the plan (common seeds, the filters' measures, every spec
// parameter) and the narrowed stage 2 (a Latin hypercube over the kept parameters only).
import { describe, expect, it } from 'vitest';
import { createRng } from '../../sim/engine/rng.ts';
import { InputError } from '../../sim/index.ts';
import { parseBatchSpec, resolveBatch } from '../../sim/analysis/batch/index.ts';
import { narrowCalibration, parseCalibrationSpec, rankScreening, resolveCalibration, screeningCsv } from '../../sim/analysis/calibration/index.ts';
import { morrisDesign, morrisIndices, type IndexRow, type Problem } from '../../sim/analysis/sensitivity/index.ts';
import { loader } from '../batch/helpers.ts';

const SPEC = {
  id: 'tiny-calibration',
  scenario: 'tiny',
  parameters: { mu: { min: 0.05, max: 0.5 }, maxMeetings: { min: 1, max: 6 }, bilateralTrust: { min: 0.1, max: 0.9 } },
  filters: [
    { id: 'some-direction', measure: { measure: 'richten', keep: 'mean', last: 5 }, min: 0.05, max: 0.95 },
    { id: 'core-smaller', left: { measure: 'core', keep: 'final' }, op: '<', right: { measure: 'periphery', keep: 'final' } },
  ],
  accept: { share: 0.5 },
  heldout: { patterns: ['P2'], seeds: 3 },
  screening: { method: 'morris', trajectories: 4, levels: 4, keep: { count: 2 } },
  samples: 4,
  seeds: 2,
  seed: 3,
};

/** Morris indices of toy functions of (a, b, c) as index rows, c having no effect on either. */
function toyRows(): { rows: IndexRow[]; names: string[] } {
  const problem: Problem = { parameters: ['a', 'b', 'c'].map((name) => ({ name, min: 0, max: 1, integer: false })) };
  const design = morrisDesign(problem, { trajectories: 10, levels: 4, random: createRng(7) });
  const measures = {
    y1: (x: number[]) => 4 * x[0] + x[1] * x[1],
    y2: (x: number[]) => 100 * x[1], // another unit: b's effect is 25× a's on y1 in raw mu_star
  };
  const rows: IndexRow[] = [];
  for (const [m, f] of Object.entries(measures)) {
    const y = design.values.map(f);
    morrisIndices(problem, design, y, { random: createRng(1), resamples: 200, level: 0.95 }).forEach((ix, j) => rows.push({
      parameter: problem.parameters[j].name, measure: m, mu_star: ix.mu_star, sigma: ix.sigma, mu: ix.mu, mu_star_conf: ix.mu_star_conf,
      S1: null, S1_conf: null, ST: null, ST_conf: null,
    }));
  }
  return { rows, names: ['a', 'b', 'c'] };
}

describe('screening rank', () => {
  it('a parameter with no effect ranks last with score 0; each measure counts relative to its strongest parameter', () => {
    const { rows, names } = toyRows();
    const ranks = rankScreening(names, ['y1', 'y2'], rows, { count: 2 });
    expect(ranks.map((r) => r.parameter)).toEqual(['a', 'b', 'c']);
    expect(ranks.map((r) => r.kept)).toEqual([true, true, false]);
    const c = ranks[2];
    expect(c.score).toBe(0);
    expect(c.perMeasure.map((x) => x.mu_star)).toEqual([0, 0]);
    // a is the strongest on y1 (mu_star 4, exactly: linear), b the strongest on y2: both score 1,
    // the tie broken by spec order; raw mu_star would have put b (100) far above a (4).
    expect(ranks[0].perMeasure[0].mu_star).toBeCloseTo(4, 12);
    expect(ranks[0].score).toBe(1);
    expect(ranks[1].score).toBe(1);
    expect(ranks[1].perMeasure[1].mu_star).toBeCloseTo(100, 9);
    // b's relative mu_star on y1 is mean|b + b'| / 4 < 1.
    expect(ranks[1].perMeasure[0].relative).toBeGreaterThan(0);
    expect(ranks[1].perMeasure[0].relative).toBeLessThan(1);
  });

  it('keep by threshold; at least one parameter is always kept', () => {
    const { rows, names } = toyRows();
    expect(rankScreening(names, ['y1'], rows, { threshold: 0.99 }).map((r) => [r.parameter, r.kept]))
      .toEqual([['a', true], ['b', false], ['c', false]]);
    expect(rankScreening(['c'], ['y1'], rows, { threshold: 0.5 })[0].kept).toBe(true);
    const csv = screeningCsv(rankScreening(names, ['y1', 'y2'], rows, { count: 1 }));
    expect(csv.split('\n')[0]).toBe('rank,parameter,score,kept,y1_mu_star,y1_mu_star_conf,y1_sigma,y1_relative,y2_mu_star,y2_mu_star_conf,y2_sigma,y2_relative');
    expect(csv.split('\n')[3]).toMatch(/^3,c,0,false,0,0,0,0,0,0,0,0$/);
  });
});

describe('screening plan', () => {
  it('stage 1 is a Morris design over every spec parameter on the filters\' measures, with common seeds', () => {
    const spec = parseCalibrationSpec(SPEC, 'cal.json');
    const resolved = resolveCalibration(spec, 'cal.json');
    const s1 = resolved.screening!;
    expect(s1.problem.parameters.map((p) => p.name)).toEqual(['mu', 'maxMeetings', 'bilateralTrust']);
    expect(s1.design.values).toHaveLength(4 * (3 + 1));
    expect(s1.record.measures).toEqual(['richten_mean_last5', 'core', 'periphery']);
    expect(s1.batchSpec.commonSeeds).toBe(true);
    expect(s1.record.seeds).toBe(2);
    const { batch } = resolveBatch(parseBatchSpec(s1.batchSpec, 'cal.json'), { file: 'cal.json', loadScenario: loader, designText: s1.designCsv });
    expect(batch.design!.points).toHaveLength(16);
    // --seeds overrides both stages; a screening's own seeds otherwise.
    expect(resolveCalibration(spec, 'cal.json', { seeds: 5 }).screening!.record.seeds).toBe(5);
    const own = parseCalibrationSpec({ ...SPEC, screening: { ...SPEC.screening, seeds: 3 } }, 'cal.json');
    expect(resolveCalibration(own, 'cal.json').screening!.record.seeds).toBe(3);
    expect(resolveCalibration(parseCalibrationSpec({ ...SPEC, screening: undefined }, 'cal.json'), 'cal.json').screening).toBeNull();
  });

  it('stage 2 after screening: a Latin hypercube over the kept parameters only; the others are held', () => {
    const spec = parseCalibrationSpec(SPEC, 'cal.json');
    const narrowed = narrowCalibration(spec, resolveCalibration(spec, 'cal.json'), ['bilateralTrust', 'mu']);
    expect(narrowed.problem.parameters.map((p) => p.name)).toEqual(['mu', 'bilateralTrust']);
    expect(narrowed.held).toEqual(['maxMeetings']);
    const design = narrowed.batchSpec.design as { type: string; samples: number; params: Record<string, unknown> };
    expect(design.type).toBe('lhs');
    expect(Object.keys(design.params)).toEqual(['mu', 'bilateralTrust']);
    const { batch } = resolveBatch(parseBatchSpec(narrowed.batchSpec, 'cal.json'), { file: 'cal.json', loadScenario: loader });
    expect(batch.design!.params).toEqual(['mu', 'bilateralTrust']);
    expect(() => narrowCalibration(spec, resolveCalibration(spec, 'cal.json'), [])).toThrow(/kept no parameter/);
  });

  it('screening errors name the field', () => {
    const issues = (raw: unknown) => {
      try { resolveCalibration(parseCalibrationSpec(raw, 'cal.json'), 'cal.json'); } catch (e) { if (e instanceof InputError) return e.issues.map((i) => `${i.path}: ${i.message}`).join(' | '); throw e; }
      return '';
    };
    expect(issues({ ...SPEC, screening: { ...SPEC.screening, levels: 5 } })).toMatch(/screening\.levels/);
    expect(issues({ ...SPEC, screening: { ...SPEC.screening, keep: 3 } })).toMatch(/screening\.keep/);
    expect(issues({ ...SPEC, screening: { ...SPEC.screening, method: 'sobol' } })).toMatch(/screening\.method/);
    // maxMeetings 1…6 has 6 whole numbers, fewer than 8 levels.
    expect(issues({ ...SPEC, screening: { ...SPEC.screening, levels: 8 } })).toMatch(/^screening: integer parameter maxMeetings/);
  });
});
