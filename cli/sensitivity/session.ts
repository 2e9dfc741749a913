// One session of a batch that some other command planned (sensitivity analysis, later
// calibration): open the durable store (refusing a different batch, or different engine code on
// --resume), run what is missing in the worker pool, write the batch's files and manifest. The
// same library pieces `samenspel batch` composes, so the folder is an ordinary batch folder:
// resumable, shardable, mergeable with `samenspel merge`, byte-identical for any worker count.
// The caller holds the folder's lock and listens for SIGTERM/SIGINT (guard.ts); an aborted
// `signal` stops the pool, and the folder is written as batch writes an interrupted one.
import { join } from 'node:path';
import { selectShard, type BatchScenarios, type ResolvedBatch, type RunPlan, type RunResult } from '../../sim/index.ts';
import { executePlans } from '../batch/execute.ts';
import { engineSourceHash, writeManifest, writeOutputs, type OutputInput, type Session } from '../batch/output.ts';
import { createProgress } from '../batch/progress.ts';
import type { ShardChoice } from '../batch/shard.ts';
import type { CrashHook } from '../../workers/batch-api.ts';
import { openStore, readManifest } from '../batch/store.ts';
import { UsageError } from '../io.ts';

export interface SessionOptions {
  command: Session['command'];
  specFile: string;
  out: string;
  /** What manifest.json records as the spec (it travels through merge). */
  spec: unknown;
  batch: ResolvedBatch;
  scenarios: BatchScenarios;
  plans: RunPlan[];
  workers: number;
  shard: ShardChoice;
  resume: boolean;
  quiet: boolean;
  /** Seconds a run may take (--run-timeout, the spec's runTimeout); none by default. */
  runTimeout?: number;
  /** Aborted by SIGTERM/SIGINT: nothing more is started or recorded. */
  signal?: AbortSignal;
  /** Test hook: SIGKILL after this many runs were written. */
  exitAfter?: number;
  /** Test hook: runs that crash or hang on purpose. */
  crash?: CrashHook[];
}

export interface SessionOutcome {
  /** This directory's runs (all, unless sharded). */
  selected: RunPlan[];
  results: ReadonlyMap<number, RunResult>;
  /** Runs of this directory that failed (twice, or once past the run time limit). */
  failed: number;
  files: string[];
  /** Runs of this directory stopped at the run time limit (in this session). */
  timedOut: number;
  /** Every run of this directory finished. */
  complete: boolean;
  /** Stopped by the signal: the folder holds run tables and an 'interrupted' manifest only. */
  interrupted: boolean;
  /** For rewriting the manifest after adding files (writeManifest). */
  input: OutputInput;
}

export async function runSession(o: SessionOptions): Promise<SessionOutcome> {
  const started = new Date();
  const selected = selectShard(o.plans, o.shard);
  const previous = o.resume ? readManifest(o.out) : null;
  const engineSource = engineSourceHash();
  const store = openStore(o.out, o.batch, o.plans, o.resume);
  if (store.resumed && previous?.engineSource && previous.engineSource !== engineSource) {
    store.close();
    throw new UsageError(`${o.out} was started with different engine code (sim/ changed since: source hash ${String(previous.engineSource).slice(0, 12)} then, ` +
      `${engineSource.slice(0, 12)} now); resuming would mix runs of two engines. Restore that code, or start afresh in another --out`);
  }
  const todo = selected.filter((p) => !store.results.has(p.index));
  const session: Session = {
    command: o.command, specFile: o.specFile, shard: o.shard, workers: o.workers, started: started.toISOString(), finished: null, seconds: null,
    runsThisSession: 0, runsPerSecond: null, resumedRuns: selected.length - todo.length, mergedFrom: null,
  };
  const input: OutputInput = {
    dir: o.out, spec: o.spec, batch: o.batch, plans: o.plans, selected, results: store.results, failures: store.failures, engineSource, session,
  };
  writeManifest(input, 'running', []);
  const log = (s: string) => { if (!o.quiet) process.stderr.write(`${s}\n`); };
  const used = Math.min(o.workers, Math.max(1, todo.length));
  const share = o.shard ? `shard ${o.shard.k}/${o.shard.n} (from ${o.shard.source}): ${selected.length} of ${o.plans.length} runs` : `${o.plans.length} runs`;
  log(`${o.command} '${o.batch.id}': ${share}${session.resumedRuns ? `, ${session.resumedRuns} already done` : ''}; ${used} worker${used === 1 ? '' : 's'}` +
    (o.runTimeout ? `; run time limit ${o.runTimeout} s` : ''));
  const progress = createProgress(`${o.command} ${o.batch.id}`, selected.length, selected.length - todo.length, o.quiet ? 'quiet' : 'auto');
  const t0 = performance.now();
  let outcome;
  try {
    outcome = await executePlans(o.batch, o.scenarios, todo, store, {
      workers: o.workers, progress, exitAfter: o.exitAfter, runTimeout: o.runTimeout, signal: o.signal, crash: o.crash,
    });
  } finally {
    progress.stop();
    store.close();
  }
  const seconds = (performance.now() - t0) / 1000;
  const ran = outcome.finished + outcome.failed;
  Object.assign(session, {
    finished: new Date().toISOString(), seconds: Number(seconds.toFixed(3)), runsThisSession: ran,
    runsPerSecond: ran ? Number((ran / seconds).toFixed(3)) : null,
  });
  const interrupted = Boolean(o.signal?.aborted);
  const { files } = writeOutputs(input, interrupted);
  if (!interrupted) {
    log(`${ran} runs in ${seconds.toFixed(1)} s (${(ran / Math.max(seconds, 1e-9)).toFixed(2)} runs/s with ${used} workers)` +
      `${outcome.replaced ? `; ${outcome.replaced} worker(s) replaced` : ''}; wrote ${files.map((f) => join(o.out, f)).join(', ')}`);
  }
  const failed = selected.filter((p) => !store.results.has(p.index) && store.failures.has(p.index)).length;
  const complete = selected.every((p) => store.results.has(p.index));
  return { selected, results: store.results, failed, timedOut: outcome.timedOut, files, complete, interrupted, input };
}
