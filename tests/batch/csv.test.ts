// The CSV files: tidy columns, run-list order whatever the completion order, empty = NA.
import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import {
  expandRuns, failuresCsv, pairsCsv, runsCsv, seriesCsv, summarise, summaryCsv, type RunResult,
} from '../../sim/analysis/batch/index.ts';
import { resolveSpec, validSpec } from './helpers.ts';

const { batch } = resolveSpec({
  ...validSpec(),
  design: { type: 'factorial', params: { mu: [0.1, 0.3] } },
  replications: 2,
  measures: ['impact', { measure: 'core', keep: 'threshold', above: 3 }, { measure: 'richten', keep: 'series' }],
});
const plans = expandRuns(batch);
const results: RunResult[] = plans.map((p) => ({
  index: p.index, runId: p.runId, values: [p.index / 3, p.replicate === 1 ? 4 : null], series: [[0, 0.5], [1, 0.5 + p.index / 100]],
}));

describe('runs.csv', () => {
  const text = runsCsv(batch, plans, [...results].reverse());
  const rows = csvParse(text);

  it('has the cell, the varied parameters, replicate, seed, ticks and each kept measure', () => {
    expect(rows.columns).toEqual(['runId', 'scenario', 'strategy', 'design', 'mu', 'replicate', 'seed', 'ticks', 'impact', 'core_first_ge_3']);
    expect(rows[0]).toEqual({
      runId: 'tiny__open-netwerk__d001__r001', scenario: 'tiny', strategy: 'open-netwerk', design: '1', mu: '0.1',
      replicate: '1', seed: String(plans[0].seed), ticks: '12', impact: '0', core_first_ge_3: '4',
    });
  });

  it('is in run-list order, whatever order results arrive in; never reached is an empty cell', () => {
    expect(rows.map((r) => r.runId)).toEqual(plans.map((p) => p.runId));
    expect(rows[1].core_first_ge_3).toBe('');
    expect(rows[2].impact).toBe(String(2 / 3)); // shortest round-trip form
    expect(text.endsWith('\n')).toBe(true);
  });

  it('leaves out runs without a result', () => {
    expect(csvParse(runsCsv(batch, plans, results.slice(2))).length).toBe(plans.length - 2);
  });
});

describe('series.csv, summary.csv, pairs.csv, failures.csv', () => {
  it('series.csv is long: runId, tick, measures', () => {
    const rows = csvParse(seriesCsv(batch, plans, results)!);
    expect(rows.columns).toEqual(['runId', 'tick', 'richten']);
    expect(rows).toHaveLength(plans.length * 2);
    expect(rows[3]).toEqual({ runId: plans[1].runId, tick: '1', richten: String(0.5 + 1 / 100) });
    const { batch: noSeries } = resolveSpec(validSpec());
    expect(seriesCsv(noSeries, expandRuns(noSeries), [])).toBeNull();
  });

  it('summary.csv and pairs.csv: NaN statistics are empty cells; verdicts with commas are quoted', () => {
    const summary = summarise(batch, plans, results.filter((r) => plans[r.index].strategy === 'open-netwerk'));
    const cells = csvParse(summaryCsv(batch, summary));
    expect(cells.columns).toEqual(['scenario', 'strategy', 'measure', 'keep', 'runs', 'n', 'mean', 'median', 'sd', 'ciLow', 'ciHigh']);
    const empty = cells.find((c) => c.strategy === 'keten')!;
    expect(empty).toMatchObject({ runs: '0', n: '0', mean: '', ciLow: '' });
    const pairs = csvParse(pairsCsv(batch, summary));
    expect(pairs.columns).toEqual(['scenario', 'measure', 'keep', 'a', 'b', 'nA', 'nB', 'A', 'magnitude', 'p', 'pHolm', 'winner', 'winnerHolm', 'verdict']);
    expect(pairs[0].verdict).toMatch(/not compared, no finished runs of keten/);
  });

  it('failures.csv lists failed runs in run order with attempts and error', () => {
    const text = failuresCsv(batch, plans, [
      { index: 5, runId: plans[5].runId, attempts: 2, error: 'worker died: exited with code 13' },
      { index: 1, runId: plans[1].runId, attempts: 2, error: 'boom, "quoted"' },
    ]);
    const rows = csvParse(text);
    expect(rows.map((r) => r.runId)).toEqual([plans[1].runId, plans[5].runId]);
    expect(rows[0]).toMatchObject({ attempts: '2', error: 'boom, "quoted"' });
  });
});
