// Tests that start worker pools (apart from Vitest's own workers): `samenspel batch`, `merge`
// and `report` end to end, as child processes, so kills and dying workers are real.
// Prints one line per test and finally exactly `N passed, M failed`; exits 1 on any failure.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { createRunner, expandRuns, parseBatchSpec, resolveBatch, runsCsv, seriesCsv } from '../../sim/analysis/batch/index.ts';
import { createPool, type PoolWorker } from '../../workers/pool.ts';
import { screenshotReport } from './screenshot.ts';
import { WEB_SPEC } from './web/spec.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const TMP = mkdtempSync(join(tmpdir(), 'samenspel-pools-'));
const ARTIFACTS = join(ROOT, 'tests', 'artifacts');

// ---- a tiny harness ------------------------------------------------------------------------
const tests: { name: string; fn: () => Promise<void> | void }[] = [];
const test = (name: string, fn: () => Promise<void> | void) => tests.push({ name, fn });
class Failure extends Error {}
function check(ok: unknown, message: string): asserts ok {
  if (!ok) throw new Failure(message);
}
const equal = (a: unknown, b: unknown, what: string) =>
  check(JSON.stringify(a) === JSON.stringify(b), `${what}: expected ${JSON.stringify(b)?.slice(0, 300)}, got ${JSON.stringify(a)?.slice(0, 300)}`);

// ---- the batch under test --------------------------------------------------------------------
const SPEC = join(TMP, 'spec.json');
writeFileSync(SPEC, JSON.stringify({
  id: 'pool-test',
  scenarios: ['jeugdhulp', { id: 'klein', scenario: 'synthetisch', set: ['actors=80'] }],
  strategies: ['open-netwerk', 'keten', { id: 'laat', preset: 'open-netwerk', events: [{ tick: 10, type: 'rules', rules: 'faciliterend' }] }],
  design: { type: 'factorial', params: { mu: [0.2, 0.4] } },
  replications: 3,
  ticks: 25,
  seed: 11,
  measures: ['impact', { measure: 'richten', keep: 'mean', last: 5 }, { measure: 'severity', keep: 'threshold', below: 0.9 }, { measure: 'impact', keep: 'series' }],
  seriesEvery: 5,
}, null, 2));
const RUNS = 2 * 3 * 2 * 3;
const FILES = ['runs.csv', 'series.csv', 'summary.csv', 'pairs.csv', 'failures.csv'];

function cli(args: string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  const clean = { ...process.env };
  for (const k of ['SLURM_ARRAY_TASK_ID', 'SLURM_ARRAY_TASK_MIN', 'SLURM_ARRAY_TASK_COUNT', 'SLURM_ARRAY_TASK_STEP', 'JOB_COMPLETION_INDEX', 'SAMENSPEL_SHARD_COUNT']) delete clean[k];
  return spawnSync(process.execPath, [join(ROOT, 'bin', 'samenspel.js'), ...args], {
    cwd: ROOT, encoding: 'utf8', timeout: 180_000, env: { ...clean, ...env },
  });
}
const dir = (name: string) => join(TMP, name);
const batch = (out: string, extra: string[] = [], env: Record<string, string> = {}) =>
  cli(['batch', SPEC, '--out', dir(out), '--workers', '2', ...extra], env);
const read = (d: string, f: string) => readFileSync(join(dir(d), f), 'utf8');
const lines = (text: string) => text.split('\n').filter(Boolean);
const manifest = (d: string) => JSON.parse(read(d, 'manifest.json')) as Record<string, unknown> & { runs: Record<string, number>; session: unknown };
const withoutSession = (m: Record<string, unknown>) => ({ ...m, session: null });
function ok(r: SpawnSyncReturns<string>, what: string) {
  check(r.status === 0, `${what}: exit ${r.status} (signal ${r.signal})\n${r.stderr}`);
}
function sameFiles(a: string, b: string, files = FILES) {
  for (const f of files) check(read(a, f) === read(b, f), `${f} differs between ${a} and ${b}`);
  equal(withoutSession(manifest(a)), withoutSession(manifest(b)), `manifest.json of ${a} vs ${b} (apart from session)`);
}

// ---- tests -----------------------------------------------------------------------------------
test('one and two workers write byte-identical files', () => {
  ok(cli(['batch', SPEC, '--out', dir('w1'), '--workers', '1', '--quiet']), 'workers 1');
  const two = batch('w2');
  ok(two, 'workers 2');
  check(/pool-test/.test(two.stderr) && /runs\/s/.test(two.stderr), `progress and timing on stderr:\n${two.stderr}`);
  check(/Multiple comparisons: \d+ pairwise tests/.test(two.stdout), `verdict table on stdout:\n${two.stdout.slice(0, 500)}`);
  sameFiles('w1', 'w2');
  equal(lines(read('w1', 'runs.csv')).length, RUNS + 1, 'runs.csv rows');
  equal(lines(read('w1', 'series.csv')).length, RUNS * 6 + 1, 'series.csv rows (ticks 0,5,…,25)');
  equal(lines(read('w1', 'failures.csv')).length, 1, 'failures.csv: header only');
  equal(manifest('w1').runs, { planned: RUNS, inThisDirectory: RUNS, finished: RUNS, failed: 0, missing: 0 }, 'manifest runs');
});

test('workers on the engine bundle and on the TypeScript sources write byte-identical files', () => {
  const bundled = cli(['batch', SPEC, '--out', dir('bundle'), '--workers', '2', '--quiet'], { SAMENSPEL_ENGINE_BUNDLE: '1' });
  ok(bundled, 'workers on the bundle');
  check(!/no engine bundle/.test(bundled.stderr), `the bundle was not used:\n${bundled.stderr}`);
  ok(cli(['batch', SPEC, '--out', dir('sources'), '--workers', '2', '--quiet'], { SAMENSPEL_ENGINE_BUNDLE: '0' }), 'workers on the sources');
  sameFiles('bundle', 'sources');
  sameFiles('bundle', 'w1');
});

test('three shards (flag, Slurm array, Kubernetes index) merged equal one batch', () => {
  ok(batch('s1', ['--shard', '1/3', '--quiet']), 'shard 1/3');
  ok(batch('s2', ['--quiet'], { SLURM_ARRAY_TASK_ID: '5', SLURM_ARRAY_TASK_MIN: '4', SLURM_ARRAY_TASK_COUNT: '3' }), 'shard 2/3 from Slurm');
  ok(batch('s3', ['--quiet'], { JOB_COMPLETION_INDEX: '2', SAMENSPEL_SHARD_COUNT: '3' }), 'shard 3/3 from JOB_COMPLETION_INDEX');
  for (const [s, k] of [['s1', 1], ['s2', 2], ['s3', 3]] as const) {
    equal(lines(read(s, 'runs.csv')).length, RUNS / 3 + 1, `${s} runs.csv rows`);
    equal((manifest(s).session as { shard: { k: number } }).shard.k, k, `${s} shard index`);
    check(!existsSync(join(dir(s), 'summary.csv')), `${s}: a shard writes no summary`);
  }
  const m = cli(['merge', dir('s3'), dir('s1'), dir('s2'), '--out', dir('merged'), '--quiet']);
  ok(m, 'merge');
  sameFiles('w1', 'merged');
});

test('merge reports missing runs (exit 1) and duplicated runs; --allow-missing writes what there is', () => {
  const missing = cli(['merge', dir('s1'), dir('s2'), '--out', dir('m-missing'), '--quiet']);
  equal(missing.status, 1, 'exit status with missing runs');
  check(/12 of 36 run\(s\) missing: jeugdhulp__open-netwerk__d001__r003/.test(missing.stderr), `missing runs listed:\n${missing.stderr}`);
  check(!existsSync(join(dir('m-missing'), 'runs.csv')), 'nothing written on missing runs');
  const dup = cli(['merge', dir('s1'), dir('s1'), dir('s2'), dir('s3'), '--out', dir('m-dup'), '--quiet']);
  ok(dup, 'merge with a duplicated shard');
  check(/12 duplicated run\(s\)/.test(dup.stderr), `duplicates reported:\n${dup.stderr}`);
  sameFiles('w1', 'm-dup');
  const partial = cli(['merge', dir('s1'), dir('s2'), '--out', dir('m-partial'), '--allow-missing', '--quiet']);
  ok(partial, 'merge --allow-missing');
  equal(lines(read('m-partial', 'runs.csv')).length, 24 + 1, 'partial runs.csv rows');
  equal(manifest('m-partial').runs.missing, 12, 'manifest counts missing runs');
});

test('a batch killed after 7 runs and resumed equals an uninterrupted one, no run lost or duplicated', () => {
  const killed = batch('k', ['--quiet', '--test-exit-after', '7']);
  equal(killed.signal, 'SIGKILL', 'killed by SIGKILL');
  equal(lines(read('k', 'runs.jsonl')).length, 7, 'runs written durably before the kill');
  check(!existsSync(join(dir('k'), 'runs.csv')), 'no final files after a kill');
  // A write torn by the kill: the resume must cut it off and run that run again.
  appendFileSync(join(dir('k'), 'runs.jsonl'), '{"index":35,"runId":"klein__laat__d002__r0');
  const again = batch('k', ['--quiet']);
  equal(again.status, 1, 'without --resume a started directory is refused');
  check(/pass --resume/.test(again.stderr), `says to pass --resume:\n${again.stderr}`);
  const resumed = batch('k', ['--resume']);
  ok(resumed, 'resume');
  check(/7 already done/.test(resumed.stderr), `reports what was done:\n${resumed.stderr}`);
  const ids = lines(read('k', 'runs.jsonl')).map((l) => (JSON.parse(l) as { runId: string }).runId);
  equal(ids.length, RUNS, 'runs.jsonl lines after resume');
  equal(new Set(ids).size, RUNS, 'distinct runIds after resume');
  sameFiles('w1', 'k');
  equal((manifest('k').session as { resumedRuns: number }).resumedRuns, 7, 'manifest: resumed runs');
});

test('a run that throws and one that kills its worker land in failures.csv; the batch finishes', () => {
  const throws = 'jeugdhulp__keten__d001__r002';
  const exits = 'klein__open-netwerk__d002__r001';
  const once = 'jeugdhulp__laat__d002__r003';
  const r = batch('crash', ['--quiet', '--test-crash', `${exits}=exit`, '--test-crash', `${throws}=throw`, '--test-crash', `${once}=exit-once`]);
  equal(r.status, 2, 'exit status when runs failed');
  check(/2 runs failed twice/.test(r.stderr), `failure count on stderr:\n${r.stderr}`);
  const failures = lines(read('crash', 'failures.csv'));
  equal(failures.length, 3, 'failures.csv rows');
  check(failures[1].startsWith(`${throws},`) && /,2,test hook: run .* throws on purpose$/.test(failures[1]), `thrown run: ${failures[1]}`);
  check(failures[2].startsWith(`${exits},`) && /,2,worker died: exited with code 13$/.test(failures[2]), `dead worker: ${failures[2]}`);
  const expected = lines(read('w1', 'runs.csv')).filter((l) => !l.startsWith(`${throws},`) && !l.startsWith(`${exits},`));
  equal(lines(read('crash', 'runs.csv')), expected, 'runs.csv holds every other run, the once-crashed one retried');
  check(existsSync(join(dir('crash'), 'summary.csv')), 'summary written');
  equal(manifest('crash').runs.failed, 2, 'manifest: failed runs');
});

test('--resume refuses a directory of a different batch; overrides change the batch', () => {
  const r = batch('w1', ['--resume', '--replications', '2', '--quiet']);
  equal(r.status, 1, 'exit status');
  check(/holds a different batch/.test(r.stderr), r.stderr);
  const quick = batch('quick', ['--replications', '1', '--ticks', '5', '--quiet']);
  ok(quick, 'quick trial');
  const rows = lines(read('quick', 'runs.csv'));
  equal(rows.length, RUNS / 3 + 1, 'one replication');
  check(rows.slice(1).every((l) => l.includes(',5,')), 'ticks 5 in every row');
  // Runs made by other engine code must not be mixed in, by --resume or by merge.
  const file = join(dir('quick'), 'manifest.json');
  writeFileSync(file, JSON.stringify({ ...manifest('quick'), engineSource: 'feedface' }));
  const changed = batch('quick', ['--resume', '--replications', '1', '--ticks', '5', '--quiet']);
  equal(changed.status, 1, 'resume after the engine changed');
  check(/different engine code/.test(changed.stderr), changed.stderr);
  const mixed = cli(['merge', dir('s1'), dir('s2'), dir('s3'), dir('quick'), '--out', dir('m-mixed')]);
  equal(mixed.status, 1, 'merge of another batch');
  writeFileSync(join(dir('s1'), 'manifest.json'), JSON.stringify({ ...manifest('s1'), engineSource: 'feedface' }));
  const mixedEngine = cli(['merge', dir('s2'), dir('s1'), dir('s3'), '--out', dir('m-mixed')]);
  equal(mixedEngine.status, 1, 'merge of shards from different engine code');
  check(/different engine code/.test(mixedEngine.stderr), mixedEngine.stderr);
});

test('a malformed spec exits 1 naming file, field and expectation', () => {
  const bad = join(TMP, 'bad.json');
  writeFileSync(bad, JSON.stringify({ id: 'bad', scenarios: ['jeugdhulp'], strategies: [{ id: 'x', preset: 'nope' }], replications: 2, measures: ['impact'] }));
  const r = cli(['batch', bad, '--out', dir('bad')]);
  equal(r.status, 1, 'exit status');
  check(r.stderr.includes(`${bad}: 1 problem`) && /strategies\[0\]\.preset: .*faciliterend/.test(r.stderr), r.stderr);
});

test('the pool replaces a dead worker and keeps submission order', async () => {
  let made = 0;
  const log: string[] = [];
  const fake = (): PoolWorker<{ work(x: number): Promise<number> }> => {
    const id = made++;
    let die!: (e: Error) => void;
    const exited = new Promise<Error>((resolve) => { die = resolve; });
    const remote = {
      work: (x: number) => new Promise<number>((resolve) => {
        log.push(`w${id}:${x}`);
        if (x === 3) setTimeout(() => die(new Error('exited with code 13')), 5); else setTimeout(() => resolve(x * 10), 1);
      }),
    };
    return { remote: remote as never, exited, terminate: () => undefined };
  };
  const pool = createPool({ size: 2, create: fake });
  const settled = await Promise.allSettled([1, 2, 3, 4, 5, 6].map((x) => pool.run((r) => r.work(x))));
  await pool.close();
  equal(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message)),
    [10, 20, 'worker died: exited with code 13', 40, 50, 60], 'results');
  equal(pool.replaced, 1, 'replaced workers');
  equal(made, 3, 'workers made');
  equal(log.slice(0, 3).map((l) => l.split(':')[1]), ['1', '2', '3'], 'tasks start in submission order');
});

test('report.html renders offline in Chromium: figures, verdicts, no errors', async () => {
  const r = cli(['report', dir('merged')]);
  ok(r, 'report');
  const html = read('merged', 'report.html');
  check(!/<script[^>]+src=|<link[^>]+href=|https?:\/\/(?!www\.w3\.org)/.test(html.replace(/<script>[\s\S]*?<\/script>/g, '')), 'no external resources');
  mkdirSync(ARTIFACTS, { recursive: true });
  const shot = await screenshotReport(join(dir('merged'), 'report.html'), join(ARTIFACTS, 'batch-report-pools.png'));
  equal(shot.errors, [], 'console errors');
  // 3 kept scalar measures × 2 scenarios box panels + 1 series × 2 ribbon panels.
  check(shot.svgs >= 8, `expected ≥ 8 figures, got ${shot.svgs}`);
});

test('the same pool runs a batch in web workers (Chromium), bit-identical to Node', async () => {
  const server = await createServer({
    root: join(ROOT, 'tests', 'pools', 'web'), configFile: false, logLevel: 'error',
    server: { port: 5290, strictPort: false, fs: { allow: [ROOT] } }, worker: { format: 'es' },
  });
  await server.listen();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.resolvedUrls!.local[0]);
    await page.waitForSelector('body[data-done="true"]', { timeout: 60_000 });
    const web = JSON.parse((await page.textContent('#out'))!) as { runs: string; series: string };
    equal(errors, [], 'page errors');
    const { batch, scenarios } = resolveBatch(parseBatchSpec(WEB_SPEC, 'web.json'), {
      file: 'web.json', loadScenario: () => ({ raw: JSON.parse(readFileSync(join(ROOT, 'scenarios', 'jeugdhulp.json'), 'utf8')), file: 'jeugdhulp.json' }),
    });
    const plans = expandRuns(batch);
    const runner = createRunner(batch, scenarios);
    const results = plans.map((p) => runner.run(p));
    check(web.runs === runsCsv(batch, plans, results), `runs.csv differs between Chromium and Node:\n${web.runs}\n${runsCsv(batch, plans, results)}`);
    check(web.series === seriesCsv(batch, plans, results), 'series.csv differs between Chromium and Node');
  } finally {
    await browser.close();
    await server.close();
  }
});

// ---- run -------------------------------------------------------------------------------------
let passed = 0;
let failed = 0;
const t0 = performance.now();
for (const t of tests) {
  const start = performance.now();
  try {
    await t.fn();
    passed++;
    console.log(`✓ ${t.name} (${((performance.now() - start) / 1000).toFixed(1)} s)`);
  } catch (e) {
    failed++;
    console.log(`✗ ${t.name}\n    ${(e instanceof Failure ? e.message : (e as Error)?.stack ?? String(e)).replace(/\n/g, '\n    ')}`);
  }
}
if (!failed) rmSync(TMP, { recursive: true, force: true });
else console.log(`(outputs kept in ${TMP})`);
console.log(`pools: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
