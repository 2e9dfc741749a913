// Runs a small batch through the comlink pool in web workers (the app's path) and shows
// runs.csv and series.csv, which tests/pools/run.ts compares with the same batch run in Node.
import jeugdhulp from '../../../scenarios/jeugdhulp.json';
import { expandRuns, parseBatchSpec, resolveBatch, runsCsv, seriesCsv } from '../../../sim/analysis/batch/index.ts';
import type { BatchWorkerApi } from '../../../workers/batch-api.ts';
import { createPool, webWorkerFactory } from '../../../workers/pool.ts';
import { WEB_SPEC } from './spec.ts';

const spec = parseBatchSpec(WEB_SPEC, 'web.json');
const { batch, scenarios } = resolveBatch(spec, { file: 'web.json', loadScenario: () => ({ raw: jeugdhulp, file: 'jeugdhulp.json' }) });
const plans = expandRuns(batch);
const pool = createPool<BatchWorkerApi>({
  size: 2,
  create: webWorkerFactory(() => new Worker(new URL('../../../workers/batch-worker-web.ts', import.meta.url), { type: 'module' })),
  setup: (remote) => remote.init({ batch, scenarios }),
});
const results = await Promise.all([...plans].reverse().map((p) => pool.run((w) => w.run(p, 1))));
await pool.close();
document.getElementById('out')!.textContent = JSON.stringify({ runs: runsCsv(batch, plans, results), series: seriesCsv(batch, plans, results) });
document.body.dataset.done = 'true';
