import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { formatSummaryText, prepareScenario, selectShard, type BatchScenarios, type ResolvedBatch, type Scenario } from '../../sim/index.ts';
import type { CrashHook } from '../../workers/batch-api.ts';
import { loadBatch } from '../batch/load.ts';
import { executePlans } from '../batch/execute.ts';
import { acquireLock } from '../batch/lock.ts';
import { engineSourceHash, writeManifest, writeOutputs, writeScenarioFiles, type OutputInput, type Session } from '../batch/output.ts';
import { warnLateEvents } from '../runOutput.ts';
import { createProgress } from '../batch/progress.ts';
import { chooseShard } from '../batch/shard.ts';
import { openStore, readManifest } from '../batch/store.ts';
import { checkOutDir, collect, parsePositiveInt, parseTicks, UsageError } from '../io.ts';
import { checkMemory } from '../memory.ts';

interface BatchOptions {
  out: string;
  workers?: string;
  shard?: string;
  shards?: string;
  resume?: boolean;
  replications?: string;
  ticks?: string;
  runTimeout?: string;
  quiet?: boolean;
  testExitAfter?: string;
  testCrash: string[];
}

const CRASH_MODES = ['throw', 'exit', 'exit-once', 'hang'] as const;

/** Exit codes of a batch stopped by a signal: 128 + the signal's number, as a shell reports it. */
export const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

function crashHooks(values: string[]): CrashHook[] {
  return values.map((v) => {
    const [runId, mode] = v.split('=');
    if (!runId || !CRASH_MODES.includes(mode as CrashHook['mode'])) throw new UsageError(`--test-crash expects runId=${CRASH_MODES.join('|')}, got '${v}'`);
    return { runId, mode: mode as CrashHook['mode'] };
  });
}

function parseSeconds(value: string, flag: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} expects a number of seconds greater than 0, got '${value}'`);
  return n;
}

/** The largest engine state among the batch's scenarios (and design points, which may change their size). */
function largestScenario(batch: ResolvedBatch, scenarios: BatchScenarios): Scenario | null {
  let largest: Scenario | null = null;
  let size = -1;
  const points = batch.design?.points ?? [null];
  for (const sc of batch.scenarios) {
    for (const pt of points.length > 200 ? [...points.slice(0, 100), ...points.slice(-100)] : points) {
      const s = prepareScenario(scenarios[sc.id], pt ? pt.values : null);
      const n = s.actors.length + s.groups.reduce((a, g) => a + g.count, 0);
      if (n > size) { size = n; largest = s; }
    }
  }
  return largest;
}

export function register(program: Command): void {
  program.command('batch <spec>')
    .description('compare strategies over many seeded runs in worker threads; writes runs.csv, summary.csv, pairs.csv and prints the verdicts (docs/BATCH.md)')
    .requiredOption('--out <dir>', 'output directory')
    .option('--workers <n>', 'worker threads (default: all cores)')
    .option('--shard <k/n>', 'run only shard k of n (runs whose index ≡ k−1 mod n); default from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX')
    .option('--shards <n>', 'shard count for JOB_COMPLETION_INDEX (or set SAMENSPEL_SHARD_COUNT)')
    .option('--resume', 'continue a batch in --out: run only what is missing')
    .option('--replications <r>', "override the spec's replications (quick trial)")
    .option('--ticks <t>', "override the ticks per run (quick trial)")
    .option('--run-timeout <seconds>', "stop a run that takes longer, record it in failures.csv and go on (default: the spec's runTimeout, else none)")
    .option('--quiet', 'no progress and no table on stderr/stdout')
    .addOption(new Option('--test-exit-after <n>', 'test hook: SIGKILL after n runs are written').hideHelp())
    .addOption(new Option('--test-crash <runId=mode>', 'test hook: make a run throw, kill its worker or hang').hideHelp().argParser(collect).default([]))
    .addHelpText('after', '\nSIGTERM or SIGINT (Slurm at its time limit, Ctrl-C) stop the batch cleanly: finished runs are kept, the manifest says\n' +
      "'interrupted', the exit code is 143 or 130, and --resume continues. One batch at a time may write to an --out folder.")
    .action(async (specFile: string, opts: BatchOptions) => {
      const started = new Date();
      const workers = opts.workers !== undefined ? parsePositiveInt(opts.workers, '--workers') : availableParallelism();
      if (workers < 1) throw new UsageError('--workers must be at least 1');
      const overrides = {
        replications: opts.replications !== undefined ? parsePositiveInt(opts.replications, '--replications') : undefined,
        ticks: opts.ticks !== undefined ? parseTicks(opts.ticks, '--ticks') : undefined,
      };
      if (overrides.replications === 0) throw new UsageError('--replications must be at least 1');
      const runTimeoutFlag = opts.runTimeout !== undefined ? parseSeconds(opts.runTimeout, '--run-timeout') : undefined;
      const crash = crashHooks(opts.testCrash);
      const exitAfter = opts.testExitAfter !== undefined ? parsePositiveInt(opts.testExitAfter, '--test-exit-after') : undefined;
      const shard = chooseShard(opts.shard, opts.shards);
      checkOutDir(opts.out);

      const { spec, raw, batch, scenarios, plans } = loadBatch(specFile, overrides);
      const runTimeout = runTimeoutFlag ?? spec.runTimeout;
      for (const [i, st] of batch.strategies.entries()) {
        const shortest = Math.min(...batch.scenarios.map((sc) => sc.ticks));
        warnLateEvents(st.events, shortest, specFile, `strategies[${i}].events`);
      }
      const largest = largestScenario(batch, scenarios);
      const selected = selectShard(plans, shard);
      if (largest) checkMemory(largest, `${specFile}: scenario '${largest.id}'`, Math.min(workers, Math.max(1, selected.length)));
      const previous = opts.resume ? readManifest(opts.out) : null;
      const engineSource = engineSourceHash();
      const lock = acquireLockAfterMkdir(opts.out);
      // From here on a signal stops the batch cleanly (the pool, once started); the finished runs are already durable in runs.jsonl.
      const abort = new AbortController();
      let stoppedBy: keyof typeof SIGNAL_EXIT | null = null;
      const onSignal = (signal: keyof typeof SIGNAL_EXIT) => {
        // A second signal while stopping means "now": finished runs are durable already.
        if (stoppedBy) {
          lock.release();
          process.exit(SIGNAL_EXIT[signal]);
        }
        stoppedBy = signal;
        process.stderr.write(`\nsamenspel: ${signal} received: stopping; finished runs are kept (resume with --resume)\n`);
        abort.abort();
      };
      const onTerm = () => onSignal('SIGTERM');
      const onInt = () => onSignal('SIGINT');
      process.on('SIGTERM', onTerm);
      process.on('SIGINT', onInt);
      const offSignals = () => { process.off('SIGTERM', onTerm); process.off('SIGINT', onInt); };
      let store;
      try {
        store = openStore(opts.out, batch, plans, Boolean(opts.resume));
      } catch (e) {
        offSignals();
        lock.release();
        throw e;
      }
      if (store.resumed && previous?.engineSource && previous.engineSource !== engineSource) {
        store.close();
        offSignals();
        lock.release();
        throw new UsageError(`${opts.out} was started with different engine code (sim/ changed since: source hash ${String(previous.engineSource).slice(0, 12)} then, ` +
          `${engineSource.slice(0, 12)} now); resuming would mix runs of two engines. Restore that code, or start afresh in another --out`);
      }
      const todo = selected.filter((p) => !store.results.has(p.index));
      const session: Session = {
        command: 'batch', specFile, shard, workers, started: started.toISOString(), finished: null, seconds: null,
        runsThisSession: 0, runsPerSecond: null, resumedRuns: selected.length - todo.length, mergedFrom: null,
      };
      const input: OutputInput = {
        dir: opts.out, spec: raw, batch, plans, selected, results: store.results, failures: store.failures, engineSource, session,
        scenarioFiles: writeScenarioFiles(opts.out, scenarios),
      };
      writeManifest(input, 'running', []);


      const log = (s: string) => { if (!opts.quiet) process.stderr.write(`${s}\n`); };
      const share = shard ? `shard ${shard.k}/${shard.n} (from ${shard.source}): ${selected.length} of ${plans.length} runs` : `${plans.length} runs`;
      log(`batch '${batch.id}': ${share}${session.resumedRuns ? `, ${session.resumedRuns} already done` : ''}; ${Math.min(workers, Math.max(1, todo.length))} worker${workers === 1 ? '' : 's'}` +
        (runTimeout ? `; run time limit ${runTimeout} s` : ''));
      const progress = createProgress(`batch ${batch.id}`, selected.length, selected.length - todo.length, opts.quiet ? 'quiet' : 'auto');
      const t0 = performance.now();
      let outcome;
      try {
        outcome = await executePlans(batch, scenarios, todo, store, { workers, progress, exitAfter, crash, runTimeout, signal: abort.signal });
      } finally {
        progress.stop();
        store.close();
        offSignals();
      }
      try {
        const seconds = (performance.now() - t0) / 1000;
        const ran = outcome.finished + outcome.failed;
        Object.assign(session, {
          finished: new Date().toISOString(), seconds: Number(seconds.toFixed(3)), runsThisSession: ran,
          runsPerSecond: ran ? Number((ran / seconds).toFixed(3)) : null,
        });
        if (stoppedBy) {
          const { files } = writeOutputs(input, true);
          const done = selected.filter((p) => store.results.has(p.index)).length;
          process.stderr.write(`samenspel: interrupted by ${stoppedBy}: ${done} of ${selected.length} runs finished and kept in ${opts.out} ` +
            `(${files.join(', ')}); continue with: npx samenspel ${resumeCommand()}\n`);
          process.exitCode = SIGNAL_EXIT[stoppedBy];
          return;
        }
        const { summary, files } = writeOutputs(input);
        if (summary && !opts.quiet) process.stdout.write(formatSummaryText(batch, summary));
        log(`wrote ${files.map((f) => join(opts.out, f)).join(', ')}`);
        log(`${ran} runs in ${seconds.toFixed(1)} s (${(ran / Math.max(seconds, 1e-9)).toFixed(2)} runs/s with ${Math.min(workers, Math.max(1, todo.length))} workers)` +
          (outcome.replaced ? `; ${outcome.replaced} worker(s) replaced` : ''));
        if (shard) log(`shard ${shard.k}/${shard.n} done; when all shards are done: npx samenspel merge <shard dirs…> --out <dir>`);
        const failed = selected.filter((p) => !store.results.has(p.index) && store.failures.has(p.index)).length;
        if (failed) {
          const timed = outcome.timedOut ? ` (${outcome.timedOut} past the run time limit)` : '';
          process.stderr.write(`samenspel: ${failed} run${failed === 1 ? '' : 's'} failed${outcome.timedOut ? timed : ' twice'}; see ${join(opts.out, 'failures.csv')}\n`);
          process.exitCode = 2;
        }
      } finally {
        lock.release();
      }
    });
}

/** The folder is created first, so the lock can live in it. */
function acquireLockAfterMkdir(dir: string) {
  mkdirSync(dir, { recursive: true });
  const lock = acquireLock(dir);
  // Also on an internal error's exit; only a SIGKILL leaves it behind (then it is stale).
  process.once('exit', () => lock.release());
  return lock;
}

/** This command line with --resume (once), for the message after an interruption. */
function resumeCommand(): string {
  const args: string[] = [];
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--test-')) { if (!argv[i].includes('=')) i++; continue; }
    if (argv[i] !== '--resume') args.push(argv[i]);
  }
  const quote = (a: string) => (/^[\w./:=@,+-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`);
  return [...args.map(quote), '--resume'].join(' ');
}
