import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { formatSummaryText, prepareScenario, selectShard, type BatchScenarios, type ResolvedBatch, type Scenario } from '../../sim/index.ts';
import { loadBatch } from '../batch/load.ts';
import { executePlans } from '../batch/execute.ts';
import { addRunGuardOptions, crashHooks, failedRuns, lockFolder, onStopSignals, reportInterrupted, runTimeoutOf, signalHelp } from '../batch/guard.ts';
import { engineSourceHash, writeManifest, writeOutputs, writeScenarioFiles, type OutputInput, type Session } from '../batch/output.ts';
import { warnLateEvents } from '../runOutput.ts';
import { createProgress } from '../batch/progress.ts';
import { chooseShard } from '../batch/shard.ts';
import { openStore, readManifest } from '../batch/store.ts';
import { checkOutDir, parsePositiveInt, parseTicks, UsageError } from '../io.ts';
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
  const command = program.command('batch <spec>')
    .description('compare strategies over many seeded runs in worker threads; writes runs.csv, summary.csv, pairs.csv and prints the verdicts (docs/BATCH.md)')
    .requiredOption('--out <dir>', 'output directory')
    .option('--workers <n>', 'worker threads (default: all cores)')
    .option('--shard <k/n>', 'run only shard k of n (runs whose index ≡ k−1 mod n); default from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX')
    .option('--shards <n>', 'shard count for JOB_COMPLETION_INDEX (or set SAMENSPEL_SHARD_COUNT)')
    .option('--resume', 'continue a batch in --out: run only what is missing')
    .option('--replications <r>', "override the spec's replications (quick trial)")
    .option('--ticks <t>', "override the ticks per run (quick trial)");
  addRunGuardOptions(command)
    .option('--quiet', 'no progress and no table on stderr/stdout')
    .addOption(new Option('--test-exit-after <n>', 'test hook: SIGKILL after n runs are written').hideHelp())
    .addHelpText('after', signalHelp('batch'))
    .action(async (specFile: string, opts: BatchOptions) => {
      const started = new Date();
      const workers = opts.workers !== undefined ? parsePositiveInt(opts.workers, '--workers') : availableParallelism();
      if (workers < 1) throw new UsageError('--workers must be at least 1');
      const overrides = {
        replications: opts.replications !== undefined ? parsePositiveInt(opts.replications, '--replications') : undefined,
        ticks: opts.ticks !== undefined ? parseTicks(opts.ticks, '--ticks') : undefined,
      };
      if (overrides.replications === 0) throw new UsageError('--replications must be at least 1');
      if (opts.runTimeout !== undefined) runTimeoutOf(opts.runTimeout, undefined);
      const crash = crashHooks(opts.testCrash);
      const exitAfter = opts.testExitAfter !== undefined ? parsePositiveInt(opts.testExitAfter, '--test-exit-after') : undefined;
      const shard = chooseShard(opts.shard, opts.shards);
      checkOutDir(opts.out);

      const { spec, raw, batch, scenarios, plans } = loadBatch(specFile, overrides);
      const runTimeout = runTimeoutOf(opts.runTimeout, spec.runTimeout);
      for (const [i, st] of batch.strategies.entries()) {
        const shortest = Math.min(...batch.scenarios.map((sc) => sc.ticks));
        warnLateEvents(st.events, shortest, specFile, `strategies[${i}].events`);
      }
      const largest = largestScenario(batch, scenarios);
      const selected = selectShard(plans, shard);
      if (largest) checkMemory(largest, `${specFile}: scenario '${largest.id}'`, Math.min(workers, Math.max(1, selected.length)));
      const previous = opts.resume ? readManifest(opts.out) : null;
      const engineSource = engineSourceHash();
      const lock = lockFolder(opts.out);
      // From here on a signal stops the batch cleanly (the pool, once started); the finished runs are already durable in runs.jsonl.
      const stop = onStopSignals([lock]);
      const offSignals = () => stop.off();
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
        outcome = await executePlans(batch, scenarios, todo, store, { workers, progress, exitAfter, crash, runTimeout, signal: stop.signal });
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
        if (stop.stoppedBy) {
          const { files } = writeOutputs(input, true);
          const done = selected.filter((p) => store.results.has(p.index)).length;
          reportInterrupted(stop.stoppedBy, `${done} of ${selected.length} runs finished and kept in ${opts.out} (${files.join(', ')})`);
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
          process.stderr.write(`samenspel: ${failedRuns(failed, outcome.timedOut)}; see ${join(opts.out, 'failures.csv')}\n`);
          process.exitCode = 2;
        }
      } finally {
        lock.release();
      }
    });
}
