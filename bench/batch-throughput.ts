// Batch throughput (docs/PERFORMANCE.md §4): 1,000 runs of `jeugdhulp` × 150 ticks (four
// strategies × 250 replications) with 1 and with 2 worker threads.
//
// - `cli`: the real `samenspel batch` in a child process. runs/s from manifest.json's session
//   (pool start to last result: worker start-up, every run, the durable append of each result),
//   and wall runs/s including the CLI's own start-up.
// - `pool`: the same runs through the same pool and store (runs.jsonl) in this process, without
//   the CLI, measuring also how busy each thread's event loop was (worker near 1 = never waiting
//   for the main thread) and the CPU time per run. `--fsync-each` adds a blocking fsync after
//   every result, as the store did before it synced in the background.
//
// The 1- and 2-worker batches alternate (1, 2, 1, 2, …) so that load from other jobs hits both
// alike; the load average is recorded before and after. Standalone:
//   npm run bench:batch -- [--repeats 3] [--runs 1000] [--sources] [--pool [--fsync-each]] [--ceiling]
//
// `--ceiling` asks what the machine allows: the engine alone (no pool) in one process, then in
// two processes at once. On a shared machine the scheduler may give this session a fixed share
// of the cores however many threads it runs (Linux autogroups do so per session); then two
// processes together are no faster than one, and no pool can show a speed-up there either.
// (--sources: workers compile the TypeScript sources with tsx, as before the engine bundle.)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { fsyncSync, openSync, closeSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { batchWorkerCode, nodeBatchWorker } from '../workers/node-pool.ts';
import { createPool } from '../workers/pool.ts';
import type { BatchWorkerApi } from '../workers/batch-api.ts';
import { loadBatch } from '../cli/batch/load.ts';
import { createRunner } from '../sim/index.ts';
import { openStore, RUNS_FILE } from '../cli/batch/store.ts';

const ROOT = join(import.meta.dirname, '..');
const STRATEGIES = ['open-netwerk', 'faciliterend', 'sturende-regie', 'keten'];

export interface BatchRow {
  mode: 'cli' | 'pool';
  code: 'bundle' | 'sources';
  workers: number;
  runs: number;
  /** Pool start to last result (cli: manifest session.seconds). */
  seconds: number;
  runsPerSecond: number;
  /** cli only: the whole command, CLI start-up included. */
  wallSeconds: number | null;
  wallRunsPerSecond: number | null;
  load: [number, number];
  /** pool only: event-loop utilisation of the main thread and of each worker (0–1). */
  mainBusy?: number;
  workerBusy?: number[];
  /** pool only: process CPU time (all threads) per run, ms. */
  cpuMsPerRun?: number;
}

function writeSpec(dir: string, runs: number): string {
  const spec = join(dir, 'spec.json');
  writeFileSync(spec, JSON.stringify({
    id: 'throughput', title: 'batch throughput', scenarios: ['jeugdhulp'], strategies: STRATEGIES,
    replications: Math.max(1, Math.round(runs / STRATEGIES.length)), ticks: 150, seed: 1, measures: ['impact'],
  }));
  return spec;
}

const load1 = () => Number(loadavg()[0].toFixed(2));

/** One batch through the CLI. */
export function benchBatchCli(workers: number, runs = 1000, code: 'bundle' | 'sources' = 'bundle'): BatchRow {
  const dir = mkdtempSync(join(tmpdir(), 'samenspel-bench-'));
  try {
    const spec = writeSpec(dir, runs);
    const before = load1();
    const env = { ...process.env, SAMENSPEL_ENGINE_BUNDLE: code === 'bundle' ? '1' : '0' };
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'samenspel.js'), 'batch', spec, '--out', join(dir, 'out'), '--workers', String(workers), '--quiet'],
      { cwd: ROOT, encoding: 'utf8', env });
    const wallSeconds = (performance.now() - t0) / 1000;
    if (r.status !== 0) throw new Error(`batch failed: ${r.stderr}`);
    const session = (JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8')) as { session: { seconds: number; runsThisSession: number } }).session;
    const n = session.runsThisSession;
    return {
      mode: 'cli', code, workers, runs: n, seconds: session.seconds, runsPerSecond: n / session.seconds,
      wallSeconds, wallRunsPerSecond: n / wallSeconds, load: [before, load1()],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same runs through the pool and store in this process (no CLI). */
export async function benchBatchPool(workers: number, runs = 1000, code: 'bundle' | 'sources' = 'bundle', fsyncEach = false): Promise<BatchRow> {
  const dir = mkdtempSync(join(tmpdir(), 'samenspel-bench-'));
  try {
    const { batch, scenarios, plans } = loadBatch(writeSpec(dir, runs));
    const before = load1();
    const cpu0 = process.cpuUsage();
    const elu0 = performance.eventLoopUtilization();
    const t0 = performance.now();
    const chosen = code === 'bundle' ? batchWorkerCode() : { bundle: null, note: 'sources' };
    const threads: Worker[] = [];
    const pool = createPool<BatchWorkerApi>({
      size: workers,
      create: () => { const w = nodeBatchWorker(chosen.bundle); threads.push(w.thread); return w; },
      setup: (remote) => remote.init({ batch, scenarios }),
    });
    const store = openStore(join(dir, 'out'), batch, plans, false);
    const fd = fsyncEach ? openSync(join(dir, 'out', RUNS_FILE), 'r') : -1;
    let workerBusy: number[] = [];
    try {
      await Promise.all(plans.map(async (p) => {
        store.appendResult(await pool.run((remote) => remote.run(p, 1)));
        if (fsyncEach) fsyncSync(fd);
      }));
      workerBusy = threads.map((t) => t.performance.eventLoopUtilization().utilization);
    } finally {
      if (fsyncEach) closeSync(fd);
      store.close();
      await pool.close();
    }
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    return {
      mode: 'pool', code, workers, runs: plans.length, seconds, runsPerSecond: plans.length / seconds,
      wallSeconds: null, wallRunsPerSecond: null, load: [before, load1()],
      mainBusy: performance.eventLoopUtilization(elu0).utilization, workerBusy,
      cpuMsPerRun: (cpu.user + cpu.system) / 1000 / plans.length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** In a child process: `runs` runs in this thread after a warm-up; prints runs/s. */
async function ceilingChild(runs: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'samenspel-bench-'));
  try {
    const { batch, scenarios, plans } = loadBatch(writeSpec(dir, runs + 20));
    const runner = createRunner(batch, scenarios);
    for (const p of plans.slice(0, 20)) runner.run(p);
    const t0 = performance.now();
    for (const p of plans.slice(20)) runner.run(p);
    console.log(JSON.stringify({ runsPerSecond: runs / ((performance.now() - t0) / 1000) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function ceilingProcess(runs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, '--ceiling-child', String(runs)], { cwd: ROOT });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve((JSON.parse(out) as { runsPerSecond: number }).runsPerSecond) : reject(new Error(`ceiling child exited ${code}`))));
  });
}

export interface Ceiling { one: number; two: number; ratio: number; load: [number, number] }

/** The engine alone in 1 process, then in 2 processes at once: total runs/s and their ratio. */
export async function machineCeiling(runs = 200): Promise<Ceiling> {
  const before = load1();
  const one = await ceilingProcess(runs);
  const both = await Promise.all([ceilingProcess(runs), ceilingProcess(runs)]);
  const two = both[0] + both[1];
  return { one, two, ratio: two / one, load: [before, load1()] };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export interface BatchSummary {
  rows: BatchRow[];
  one: number;
  two: number;
  speedup: number;
  /** Speed-up per alternating pair (2-worker run over the 1-worker run just before it). */
  pairSpeedups: number[];
}

/** Alternates 1- and 2-worker batches `repeats` times; medians of runs/s and of the paired ratios. */
export async function benchBatchThroughput(opts: { repeats?: number; runs?: number; code?: 'bundle' | 'sources'; mode?: 'cli' | 'pool'; fsyncEach?: boolean } = {}): Promise<BatchSummary> {
  const { repeats = 3, runs = 1000, code = 'bundle', mode = 'cli', fsyncEach = false } = opts;
  const one_ = (w: number) => (mode === 'cli' ? Promise.resolve(benchBatchCli(w, runs, code)) : benchBatchPool(w, runs, code, fsyncEach));
  if (code === 'bundle' && mode === 'cli') batchWorkerCode(); // build the bundle now, not inside the first timing
  const rows: BatchRow[] = [];
  const pairSpeedups: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const a = await one_(1);
    const b = await one_(2);
    rows.push(a, b);
    pairSpeedups.push(b.runsPerSecond / a.runsPerSecond);
  }
  const one = median(rows.filter((r) => r.workers === 1).map((r) => r.runsPerSecond));
  const two = median(rows.filter((r) => r.workers === 2).map((r) => r.runsPerSecond));
  return { rows, one, two, speedup: two / one, pairSpeedups };
}

export function formatBatchRow(r: BatchRow): string {
  const wall = r.wallRunsPerSecond === null ? '' : `, ${r.wallRunsPerSecond.toFixed(1)} runs/s incl. CLI start-up (${r.wallSeconds!.toFixed(1)} s)`;
  const busy = r.workerBusy ? `; busy: main ${r.mainBusy!.toFixed(2)}, workers ${r.workerBusy.map((b) => b.toFixed(2)).join(' ')}; ${r.cpuMsPerRun!.toFixed(1)} ms CPU/run` : '';
  return `${r.mode} ${r.code} ${r.workers} worker${r.workers === 1 ? ' ' : 's'}: ${r.runsPerSecond.toFixed(1)} runs/s (${r.runs} runs in ${r.seconds.toFixed(2)} s)${wall}${busy}; load ${r.load[0]} → ${r.load[1]}`;
}

if (process.argv[1] && import.meta.filename === process.argv[1] && process.argv.includes('--ceiling-child')) {
  await ceilingChild(Number(process.argv[process.argv.indexOf('--ceiling-child') + 1]));
} else if (process.argv[1] && import.meta.filename === process.argv[1]) {
  if (process.argv.includes('--ceiling')) {
    const c = await machineCeiling();
    console.log(`machine ceiling: engine alone ${c.one.toFixed(1)} runs/s in 1 process, ${c.two.toFixed(1)} runs/s in 2 at once (${c.ratio.toFixed(2)}×); load ${c.load[0]} → ${c.load[1]}`);
  }
  const arg = (name: string, d: number) => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) : d; };
  const code = process.argv.includes('--sources') ? 'sources' : 'bundle';
  const mode = process.argv.includes('--pool') ? 'pool' : 'cli';
  const s = await benchBatchThroughput({ repeats: arg('--repeats', 3), runs: arg('--runs', 1000), code, mode, fsyncEach: process.argv.includes('--fsync-each') });
  for (const r of s.rows) console.log(formatBatchRow(r));
  if (s.rows.length) console.log(`median: 1 worker ${s.one.toFixed(1)} runs/s, 2 workers ${s.two.toFixed(1)} runs/s — speed-up ${s.speedup.toFixed(2)}× (pairs: ${s.pairSpeedups.map((x) => x.toFixed(2)).join(', ')})`);
}
