import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { formatSummaryText, selectShard } from '../../sim/index.ts';
import type { CrashHook } from '../../workers/batch-api.ts';
import { loadBatch } from '../batch/load.ts';
import { executePlans } from '../batch/execute.ts';
import { engineSourceHash, writeManifest, writeOutputs, type OutputInput, type Session } from '../batch/output.ts';
import { createProgress } from '../batch/progress.ts';
import { chooseShard } from '../batch/shard.ts';
import { openStore, readManifest } from '../batch/store.ts';
import { collect, parsePositiveInt, UsageError } from '../io.ts';

interface BatchOptions {
  out: string;
  workers?: string;
  shard?: string;
  shards?: string;
  resume?: boolean;
  replications?: string;
  ticks?: string;
  quiet?: boolean;
  testExitAfter?: string;
  testCrash: string[];
}

const CRASH_MODES = ['throw', 'exit', 'exit-once'] as const;

function crashHooks(values: string[]): CrashHook[] {
  return values.map((v) => {
    const [runId, mode] = v.split('=');
    if (!runId || !CRASH_MODES.includes(mode as CrashHook['mode'])) throw new UsageError(`--test-crash expects runId=${CRASH_MODES.join('|')}, got '${v}'`);
    return { runId, mode: mode as CrashHook['mode'] };
  });
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
    .option('--quiet', 'no progress and no table on stderr/stdout')
    .addOption(new Option('--test-exit-after <n>', 'test hook: SIGKILL after n runs are written').hideHelp())
    .addOption(new Option('--test-crash <runId=mode>', 'test hook: make a run throw or kill its worker').hideHelp().argParser(collect).default([]))
    .action(async (specFile: string, opts: BatchOptions) => {
      const started = new Date();
      const workers = opts.workers !== undefined ? parsePositiveInt(opts.workers, '--workers') : availableParallelism();
      if (workers < 1) throw new UsageError('--workers must be at least 1');
      const overrides = {
        replications: opts.replications !== undefined ? parsePositiveInt(opts.replications, '--replications') : undefined,
        ticks: opts.ticks !== undefined ? parsePositiveInt(opts.ticks, '--ticks') : undefined,
      };
      if (overrides.replications === 0 || overrides.ticks === 0) throw new UsageError('--replications and --ticks must be at least 1');
      const crash = crashHooks(opts.testCrash);
      const exitAfter = opts.testExitAfter !== undefined ? parsePositiveInt(opts.testExitAfter, '--test-exit-after') : undefined;
      const shard = chooseShard(opts.shard, opts.shards);

      const { raw, batch, scenarios, plans } = loadBatch(specFile, overrides);
      const selected = selectShard(plans, shard);
      const previous = opts.resume ? readManifest(opts.out) : null;
      const engineSource = engineSourceHash();
      const store = openStore(opts.out, batch, plans, Boolean(opts.resume));
      if (store.resumed && previous?.engineSource && previous.engineSource !== engineSource) {
        store.close();
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
      };
      writeManifest(input, 'running', []);

      const log = (s: string) => { if (!opts.quiet) process.stderr.write(`${s}\n`); };
      const share = shard ? `shard ${shard.k}/${shard.n} (from ${shard.source}): ${selected.length} of ${plans.length} runs` : `${plans.length} runs`;
      log(`batch '${batch.id}': ${share}${session.resumedRuns ? `, ${session.resumedRuns} already done` : ''}; ${Math.min(workers, Math.max(1, todo.length))} worker${workers === 1 ? '' : 's'}`);
      const progress = createProgress(`batch ${batch.id}`, selected.length, selected.length - todo.length, opts.quiet ? 'quiet' : 'auto');
      const t0 = performance.now();
      let outcome;
      try {
        outcome = await executePlans(batch, scenarios, todo, store, { workers, progress, exitAfter, crash });
      } finally {
        progress.stop();
        store.close();
      }
      const seconds = (performance.now() - t0) / 1000;
      Object.assign(session, {
        finished: new Date().toISOString(), seconds: Number(seconds.toFixed(3)), runsThisSession: todo.length,
        runsPerSecond: todo.length ? Number((todo.length / seconds).toFixed(3)) : null,
      });
      const { summary, files } = writeOutputs(input);
      if (summary && !opts.quiet) process.stdout.write(formatSummaryText(batch, summary));
      log(`wrote ${files.map((f) => join(opts.out, f)).join(', ')}`);
      log(`${todo.length} runs in ${seconds.toFixed(1)} s (${(todo.length / Math.max(seconds, 1e-9)).toFixed(2)} runs/s with ${Math.min(workers, Math.max(1, todo.length))} workers)` +
        (outcome.replaced ? `; ${outcome.replaced} dead worker(s) replaced` : ''));
      if (shard) log(`shard ${shard.k}/${shard.n} done; when all shards are done: npx samenspel merge <shard dirs…> --out <dir>`);
      const failed = selected.filter((p) => !store.results.has(p.index) && store.failures.has(p.index)).length;
      if (failed) {
        process.stderr.write(`samenspel: ${failed} run${failed === 1 ? '' : 's'} failed twice; see ${join(opts.out, 'failures.csv')}\n`);
        process.exitCode = 2;
      }
    });
}
