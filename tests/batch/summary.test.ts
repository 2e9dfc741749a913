// Summary aggregation over runs (the statistics themselves are tested in tests/stats): cells,
// pairs, Holm, never-reached thresholds, missing runs, splitting by design parameters, and
// determinism regardless of result order.
import { describe, expect, it } from 'vitest';
import {
  expandRuns, formatSummaryText, holmAdjust, pairsCsv, summarise, summaryCsv, type RunPlan, type RunResult,
} from '../../sim/analysis/batch/index.ts';
import { csvParse } from 'd3-dsv';
import { resolveSpec, validSpec } from './helpers.ts';

const spec = {
  ...validSpec(),
  scenarios: ['tiny', { id: 'tiny-b', scenario: 'tiny', set: ['mu=0.1'] }],
  strategies: ['open-netwerk', 'keten', 'faciliterend'],
  replications: 6,
  measures: ['impact', { measure: 'core', keep: 'threshold', above: 3 }],
};

/** Fake results: impact = strategy offset + replicate; keten never reaches the threshold. */
function fake(plans: RunPlan[]): RunResult[] {
  const offset: Record<string, number> = { 'open-netwerk': 10, keten: 30, faciliterend: 10.5 };
  return plans.map((p) => ({
    index: p.index, runId: p.runId, series: null,
    values: [offset[p.strategy] + p.replicate, p.strategy === 'keten' ? null : p.replicate + (p.strategy === 'faciliterend' ? 20 : 0)],
  }));
}

describe('summarise', () => {
  const { batch } = resolveSpec(spec);
  const plans = expandRuns(batch);
  const results = fake(plans);
  const s = summarise(batch, plans, results);

  it('one cell per scenario × strategy × measure, in spec order', () => {
    expect(s.cells).toHaveLength(2 * 3 * 2);
    expect(s.cells.slice(0, 3).map((c) => `${c.scenario}/${c.strategy}/${c.measure}`)).toEqual([
      'tiny/open-netwerk/impact', 'tiny/open-netwerk/core_first_ge_3', 'tiny/keten/impact',
    ]);
    const c = s.cells[0];
    expect(c).toMatchObject({ runs: 6, n: 6, mean: 13.5, median: 13.5 });
    expect(c.ciLow).toBeLessThan(13.5);
    expect(c.ciHigh).toBeGreaterThan(13.5);
    expect(c.ciLow).toBeGreaterThanOrEqual(11);
    expect(c.ciHigh).toBeLessThanOrEqual(16);
  });

  it('a threshold never reached: n = 0 of 6 runs, statistics NA', () => {
    const keten = s.cells.find((c) => c.strategy === 'keten' && c.measure === 'core_first_ge_3')!;
    expect(keten).toMatchObject({ runs: 6, n: 0 });
    expect([keten.mean, keten.median, keten.ciLow, keten.ciHigh].every(Number.isNaN)).toBe(true);
  });

  it('every pair within a scenario per measure; A, winners and verdicts in the right direction', () => {
    expect(s.pairs).toHaveLength(2 * 3 * 2);
    expect(s.tests).toBe(12);
    const impact = s.pairs.find((p) => p.scenario === 'tiny' && p.measure === 'impact' && p.a === 'open-netwerk' && p.b === 'keten')!;
    expect(impact.A).toBe(0);
    expect(impact.winner).toBe('keten');
    expect(impact.verdict).toMatch(/^keten > open-netwerk on impact: A\(open-netwerk, keten\) = 0\.00 \(large; keten ahead\), p = 0\.002, 6 runs each/);
    // 10.5 + r vs 10 + r: overlapping, A = P(fac > open) + ½ ties = 21/36.
    const close = s.pairs.find((p) => p.scenario === 'tiny' && p.measure === 'impact' && p.a === 'open-netwerk' && p.b === 'faciliterend')!;
    expect(close.A).toBeCloseTo(15 / 36, 12);
    expect(close.winner).toBeNull();
    // Never reached ranks last: open-netwerk (ticks 1…6) reaches it earlier than keten (never).
    const when = s.pairs.find((p) => p.scenario === 'tiny' && p.measure === 'core_first_ge_3' && p.a === 'open-netwerk' && p.b === 'keten')!;
    expect(when.winner).toBe('open-netwerk');
    expect(when.A).toBe(0);
    expect(when.verdict).toMatch(/^open-netwerk reaches core ≥ 3 earlier than keten: A\(open-netwerk, keten\) = 0\.00 \(large; open-netwerk ahead\).*never reached in 0 vs 6$/);
  });

  it('Holm: adjusted p ≥ raw p, and a Holm winner is always a raw winner', () => {
    for (const p of s.pairs) {
      expect(p.pHolm).toBeGreaterThanOrEqual(p.p);
      if (p.winnerHolm !== null) expect(p.winnerHolm).toBe(p.winner);
    }
    expect(holmAdjust([0.01, 0.04, 0.03, NaN])).toEqual([0.03, 0.06, 0.06, NaN]);
    expect(holmAdjust([0.5, 0.9])).toEqual([1, 1]);
  });

  it('deterministic: any result order gives the same summary; the bootstrap follows the base seed', () => {
    const shuffled = [...results].reverse();
    expect(summarise(batch, plans, shuffled)).toEqual(s);
    // Irregular values, so that bootstrap quantiles are not pinned to a few attainable means.
    const irregular = (ps: RunPlan[]) => fake(ps).map((r) => ({ ...r, values: [Math.sqrt(r.index + 2), r.values[1]] }));
    const other = resolveSpec({ ...spec, seed: 8 }).batch;
    const a = summarise(batch, plans, irregular(plans)).cells[0];
    const b = summarise(other, expandRuns(other), irregular(expandRuns(other))).cells[0];
    expect(b.mean).toBe(a.mean);
    expect([b.ciLow, b.ciHigh]).not.toEqual([a.ciLow, a.ciHigh]);
    expect(summarise(batch, plans, irregular(plans)).cells[0]).toEqual(a);
  });

  it('missing runs are left out and counted; a strategy with no runs is not compared', () => {
    const some = results.filter((r) => !(plans[r.index].strategy === 'faciliterend' && plans[r.index].scenario === 'tiny'));
    const m = summarise(batch, plans, some.slice(1));
    expect(m.missing).toBe(7);
    expect(m.cells[0]).toMatchObject({ runs: 5, n: 5 });
    const none = m.pairs.find((p) => p.scenario === 'tiny' && p.b === 'faciliterend' && p.measure === 'impact')!;
    expect(none.verdict).toMatch(/not compared, no finished runs of faciliterend/);
    expect(Number.isNaN(none.p)).toBe(true);
    expect(m.tests).toBe(12 - 4);
  });

  it('statistics.by splits cells and comparisons by design parameters', () => {
    const { batch: b } = resolveSpec({ ...spec, scenarios: ['tiny'], design: { type: 'factorial', params: { mu: [0.1, 0.3], trustGain: [0.02, 0.04] } }, statistics: { by: ['mu'] } });
    const p = expandRuns(b);
    const r = summarise(b, p, fake(p));
    expect(r.cells).toHaveLength(2 * 3 * 2);
    expect(r.cells[0]).toMatchObject({ by: { mu: 0.1 }, runs: 12 });
    expect(r.pairs).toHaveLength(2 * 3 * 2);
    expect(new Set(r.pairs.map((x) => x.by.mu))).toEqual(new Set([0.1, 0.3]));
  });

  it('the text table has a row per cell, a verdict per pair and the multiple-comparison note', () => {
    const text = formatSummaryText(batch, s);
    expect(text).toMatch(/tiny — Impact at the final tick/);
    expect(text.split('\n').filter((l) => l.startsWith('  · '))).toHaveLength(s.pairs.length);
    expect(text).toMatch(/reached/);
    expect(text).toMatch(/0\/6/);
    expect(text).toMatch(/Multiple comparisons: 12 pairwise tests/);
  });

  it('pairs.csv: the verdict quotes the A column in its orientation, A(a, b), and names the arm ahead', () => {
    const csv = pairsCsv(batch, s);
    const rows = csvParse(csv);
    expect(rows).toHaveLength(s.pairs.length);
    for (const row of rows) {
      const A = Number(row.A);
      if (row.A === '') continue;
      expect(row.verdict).toContain(`A(${row.a}, ${row.b}) = ${A.toFixed(2)}`);
      if (row.winner) expect(row.verdict).toContain(`; ${row.winner} ahead)`);
      // Larger is better: A(a, b) > ½ ⇔ a ahead. Thresholds (earlier is better): A(a, b) < ½ ⇔ a ahead.
      if (row.winner && row.keep !== 'threshold') expect(row.winner === row.a).toBe(A > 0.5);
      if (row.winner && row.keep === 'threshold') expect(row.winner === row.a).toBe(A < 0.5);
    }
  });

  it('no CI for a cell of fewer than 3 runs, and the table says why', () => {
    const { batch: b } = resolveSpec({ ...spec, scenarios: ['tiny'], replications: 2 });
    const p = expandRuns(b);
    const r = summarise(b, p, fake(p));
    const cell = r.cells.find((c) => c.strategy === 'open-netwerk' && c.measure === 'impact')!;
    expect(cell).toMatchObject({ n: 2, mean: 11.5 });
    expect([cell.ciLow, cell.ciHigh].every(Number.isNaN)).toBe(true);
    expect(summaryCsv(b, r).split('\n')[1]).toBe('tiny,open-netwerk,impact,final,2,2,11.5,11.5,0.7071067811865476,,');
    expect(formatSummaryText(b, r)).toMatch(/open-netwerk\s+2\s+11\.5\s+11\.5\s+no CI: 2 runs, at least 3 needed/);
  });
});
