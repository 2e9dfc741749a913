// Calibration's pure parts: filters on kept measures, acceptance by the share of seeds passing
// every filter, Wilson intervals, held-out summaries, spec errors; and the preregistration guard.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../sim/index.ts';
import { expandRuns, parseBatchSpec, resolveBatch, type RunResult } from '../../sim/analysis/batch/index.ts';
import {
  evaluatePoints, parseCalibrationSpec, passes, resolveCalibration, summariseHeldout, wilson, type ResolvedFilter,
} from '../../sim/analysis/calibration/index.ts';
import type { PatternRow } from '../../sim/analysis/patterns/types.ts';
import { preregister } from '../../cli/calibrate/preregister.ts';
import { loader } from '../batch/helpers.ts';

const SPEC = {
  id: 'tiny-calibration',
  scenario: 'tiny',
  parameters: { mu: { min: 0.05, max: 0.5 }, maxMeetings: { min: 1, max: 6 } },
  filters: [
    { id: 'some-direction', measure: { measure: 'richten', keep: 'mean', last: 5 }, min: 0.05, max: 0.95 },
    { id: 'core-smaller', left: { measure: 'core', keep: 'final' }, op: '<', right: { measure: 'periphery', keep: 'final' } },
  ],
  accept: { share: 0.5 },
  heldout: { patterns: ['P2'], seeds: 3 },
  samples: 4,
  seeds: 2,
  seed: 3,
};

describe('filters and acceptance', () => {
  it('passes: ranges are open, comparisons against numbers or other columns; a missing value fails', () => {
    const v = (m: Record<string, number | null>) => (c: string) => m[c] ?? null;
    const between: ResolvedFilter = { id: 'b', description: '', left: 'x', op: 'between', right: null, min: 0.05, max: 0.95 };
    expect([0.05, 0.06, 0.94, 0.95].map((x) => passes(between, v({ x })))).toEqual([false, true, true, false]);
    const less: ResolvedFilter = { id: 'l', description: '', left: 'core', op: '<', right: 'periphery' };
    expect(passes(less, v({ core: 3, periphery: 4 }))).toBe(true);
    expect(passes(less, v({ core: 4, periphery: 4 }))).toBe(false);
    expect(passes(less, v({ core: 1, periphery: null }))).toBe(false);
    expect(passes({ id: 'g', description: '', left: 'churn', op: '>', right: 0 }, v({ churn: 0.1 }))).toBe(true);
  });

  it('a point is accepted when the share of its seeds passing every filter reaches the threshold', () => {
    const spec = parseCalibrationSpec(SPEC, 'cal.json');
    const resolved = resolveCalibration(spec, 'cal.json');
    const { batch } = resolveBatch(parseBatchSpec(resolved.batchSpec, 'cal.json'), { file: 'cal.json', loadScenario: loader });
    const plans = expandRuns(batch);
    expect(plans).toHaveLength(4 * 2);
    expect(batch.measures.map((m) => m.column)).toEqual(['richten_mean_last5', 'core', 'periphery']);
    // Point 1: both seeds pass; point 2: one seed fails the range; point 3: both fail core < periphery; point 4: no runs.
    const values: Record<number, (number | null)[][]> = {
      1: [[0.5, 1, 3], [0.6, 2, 3]],
      2: [[0.5, 1, 3], [0.99, 1, 3]],
      3: [[0.5, 3, 3], [0.5, 4, 1]],
    };
    const results = new Map<number, RunResult>();
    for (const p of plans) {
      const v = values[p.design!]?.[p.replicate - 1];
      if (v) results.set(p.index, { index: p.index, runId: p.runId, values: v, series: null });
    }
    const points = evaluatePoints(batch, plans, results, resolved.filters, 0.5);
    expect(points.map((p) => [p.design, p.runs, p.shares, p.joint, p.accepted])).toEqual([
      [1, 2, [1, 1], 1, true],
      [2, 2, [0.5, 1], 0.5, true],
      [3, 2, [1, 0], 0, false],
      [4, 0, [NaN, NaN], NaN, false],
    ]);
    expect(evaluatePoints(batch, plans, results, resolved.filters, 0.75).map((p) => p.accepted)).toEqual([true, false, false, false]);
  });

  it('spec errors name the field: threshold measures cannot be filtered on, pattern ids are checked', () => {
    const issues = (raw: unknown) => {
      try { parseCalibrationSpec(raw, 'cal.json'); } catch (e) { if (e instanceof InputError) return e.issues.map((i) => i.path).join(' '); throw e; }
      return '';
    };
    expect(issues({ ...SPEC, filters: [{ id: 'x', measure: { measure: 'core', keep: 'threshold', above: 2 }, min: 0 }] })).toMatch(/filters/);
    expect(issues({ ...SPEC, heldout: { patterns: ['P11'] } })).toMatch(/heldout\.patterns/);
    expect(issues({ ...SPEC, filters: [SPEC.filters[0], SPEC.filters[0]] })).toMatch(/filters\.1\.id|filters\[1\]\.id/);
  });
});

describe('held-out summaries', () => {
  it('Wilson intervals match hand-computed values (z = 1.959964)', () => {
    // 5 of 5: centre (1 + z²/10)/(1 + z²/5), half z·√(z²/100)/(1 + z²/5) → lo 0.5655.
    expect(wilson(5, 5, 0.95).lo).toBeCloseTo(0.565518, 5);
    expect(wilson(5, 5, 0.95).hi).toBe(1);
    // 3 of 10: [0.1078, 0.6032] (the textbook example).
    const w = wilson(3, 10, 0.95);
    expect(w.lo).toBeCloseTo(0.1078, 4);
    expect(w.hi).toBeCloseTo(0.6032, 4);
    expect(Number.isNaN(wilson(0, 0, 0.95).share)).toBe(true);
  });

  it('counts verdicts per test over the accepted points; not applicable is left out of the shares', () => {
    const row = (pattern: string, verdict: PatternRow['verdict']): PatternRow =>
      ({ pattern, scenario: 's', compared: `${pattern} compared`, effect: { kind: 'A', estimate: 0.5, lo: 0.4, hi: 0.6 }, verdict, detail: '', runs: 1 });
    const summary = summariseHeldout([
      { design: 1, rows: [row('P2a', 'reproduced'), row('P3', 'reversed')] },
      { design: 4, rows: [row('P2a', 'not reproduced'), row('P3', 'not applicable')] },
      { design: 7, rows: [row('P2a', 'reproduced'), row('P3', 'reversed')] },
    ], 0.95);
    expect(summary.map((s) => [s.test, s.points, s.reproduced, s.notReproduced, s.reversed, s.notApplicable])).toEqual([
      ['P2a', 3, 2, 1, 0, 0],
      ['P3', 3, 0, 0, 2, 1],
    ]);
    expect(summary[0].share.reproduced.share).toBeCloseTo(2 / 3, 12);
    expect(summary[1].share.reversed.share).toBe(1);
  });
});

describe('preregistration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samenspel-prereg-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is written once; the same spec and budget pass; a changed spec or budget is refused', () => {
    const bytes = Buffer.from(JSON.stringify(SPEC));
    const first = preregister(dir, 'cal.json', bytes, SPEC, { points: null, seeds: null }, new Date('2026-12-01T20:00:00Z'));
    expect(first.created).toBe(true);
    expect(first.record.registered).toBe('2026-12-01T20:00:00.000Z');
    const again = preregister(dir, 'cal.json', bytes, SPEC, { points: null, seeds: null }, new Date('2026-12-02T20:00:00Z'));
    expect(again.created).toBe(false);
    expect(again.record.registered).toBe('2026-12-01T20:00:00.000Z');
    expect(() => preregister(dir, 'cal.json', Buffer.from(JSON.stringify({ ...SPEC, seeds: 3 })), SPEC, { points: null, seeds: null }))
      .toThrow(/preregistered on 2026-12-01T20:00:00.000Z.*invalidates the folder/);
    expect(() => preregister(dir, 'cal.json', bytes, SPEC, { points: 8, seeds: null })).toThrow(/--points 8/);
  });
});
