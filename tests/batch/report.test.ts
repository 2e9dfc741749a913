// report.html's data: with statistics.by each figure panel holds one scenario × by-group, and
// its runs are exactly the runs of the summary cell whose mean and CI it draws.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRunner, expandRuns } from '../../sim/analysis/batch/index.ts';
import { panelKey, reportData } from '../../cli/batch/report.ts';
import { writeOutputs, type Session } from '../../cli/batch/output.ts';
import { openStore } from '../../cli/batch/store.ts';
import { resolveSpec, validSpec } from './helpers.ts';

describe('report data', () => {
  it('statistics.by: one panel per scenario × by value, each with its own runs and summary cell', () => {
    const { batch, scenarios } = resolveSpec({
      ...validSpec(), replications: 3, design: { type: 'factorial', params: { mu: [0.1, 0.4] } }, statistics: { by: ['mu'] },
    });
    const plans = expandRuns(batch);
    const dir = mkdtempSync(join(tmpdir(), 'samenspel-report-'));
    const store = openStore(dir, batch, plans, false);
    const runner = createRunner(batch, scenarios);
    for (const p of plans) store.appendResult(runner.run(p));
    store.close();
    const session: Session = {
      command: 'batch', specFile: 'spec.json', shard: null, workers: 1, started: '', finished: '', seconds: 0,
      runsThisSession: plans.length, runsPerSecond: null, resumedRuns: 0, mergedFrom: null,
    };
    writeOutputs({ dir, spec: {}, batch, plans, selected: plans, results: store.results, failures: store.failures, engineSource: 'x', session });

    const data = reportData(dir);
    expect(data.panels.map((p) => p.key)).toEqual([panelKey('tiny', { mu: 0.1 }), panelKey('tiny', { mu: 0.4 })]);
    for (const panel of data.panels) {
      for (const strategy of ['open-netwerk', 'keten']) {
        const xs = data.values[panel.key][strategy].impact as number[];
        expect(xs).toHaveLength(3);
        const cell = data.summary.cells.find((c) => c.strategy === strategy && c.measure === 'impact' && panelKey(c.scenario, c.by) === panel.key)!;
        expect(cell.by).toEqual(panel.by);
        expect(cell.mean).toBeCloseTo(xs.reduce((a, b) => a + b, 0) / xs.length, 12);
      }
    }
    // The two groups differ (mu matters), so drawing the first group's cell everywhere would show.
    expect(data.values[data.panels[0].key].keten.impact).not.toEqual(data.values[data.panels[1].key].keten.impact);
  });
});
