// Runs a batch's missing runs in a worker pool: each run is tried twice at most (a dead worker
// is replaced by the pool), then appended durably to the store as it ends — as a result, or
// after its second failure as a failure. A run past the time limit is stopped at once (its
// worker replaced) and recorded as failed without a retry: the same seed would hang again.
// Completion order is free; files are ordered later. An abort (SIGTERM, SIGINT) stops the
// pool: finished runs stay in the store, runs in flight are left for --resume.
import type { BatchScenarios, ResolvedBatch, RunPlan } from '../../sim/index.ts';
import { createNodeBatchPool } from '../../workers/node-pool.ts';
import { TaskTimeoutError, type Pool } from '../../workers/pool.ts';
import type { BatchWorkerApi, CrashHook } from '../../workers/batch-api.ts';
import type { Remote } from 'comlink';
import type { Progress } from './progress.ts';
import type { Store } from './store.ts';

export const ATTEMPTS = 2;

export interface ExecuteOptions {
  workers: number;
  progress: Progress;
  /** Seconds a run may take (--run-timeout, spec runTimeout); none by default. */
  runTimeout?: number;
  /** Aborting stops the batch: nothing more is started or recorded. */
  signal?: AbortSignal;
  /** Test hook: SIGKILL this process after this many runs were written in this session. */
  exitAfter?: number;
  /** Test hook: runs that crash on purpose. */
  crash?: CrashHook[];
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];

export interface Outcome { finished: number; failed: number; timedOut: number; replaced: number; interrupted: boolean }

export async function executePlans(
  batch: ResolvedBatch, scenarios: BatchScenarios, todo: readonly RunPlan[], store: Store, opts: ExecuteOptions,
): Promise<Outcome> {
  if (!todo.length || opts.signal?.aborted) return { finished: 0, failed: 0, timedOut: 0, replaced: 0, interrupted: Boolean(opts.signal?.aborted) };
  const pool = createNodeBatchPool(Math.min(opts.workers, todo.length), { batch, scenarios, crash: opts.crash });
  opts.progress.inFlight?.(() => pool.busy);
  let written = 0;
  const counted = () => {
    written++;
    if (opts.exitAfter !== undefined && written >= opts.exitAfter) process.kill(process.pid, 'SIGKILL');
  };
  const outcome = await runTasks(pool, todo, (remote, plan, attempt) => remote.run(plan, attempt), {
    runTimeout: opts.runTimeout,
    signal: opts.signal,
    onResult(_plan, result) {
      store.appendResult(result);
      opts.progress.tick(false);
      counted();
    },
    onFailure(plan, attempts, error) {
      store.appendFailure({ index: plan.index, runId: plan.runId, attempts, error });
      opts.progress.tick(true);
      counted();
    },
  });
  return outcome;
}

export interface TaskHandlers<T, R> {
  runTimeout?: number;
  signal?: AbortSignal;
  /** Called once per item that finished (never after an abort). */
  onResult(item: T, result: R): void;
  /** Called once per item that failed twice, or once past the time limit (never after an abort). */
  onFailure(item: T, attempts: number, error: string): void;
}

/**
 * Runs every item as a pool task, each tried ATTEMPTS times at most; a task past the time
 * limit is not retried (the same seed would hang again). Closes the pool at the end; an abort
 * closes it at once and records nothing more. Shared by batch runs and calibrate's held-out tests.
 */
export async function runTasks<T, R>(
  pool: Pool<BatchWorkerApi>, items: readonly T[], task: (remote: Remote<BatchWorkerApi>, item: T, attempt: number) => Promise<R>, h: TaskHandlers<T, R>,
): Promise<Outcome> {
  const aborted = () => Boolean(h.signal?.aborted);
  const onAbort = () => { void pool.close(); };
  h.signal?.addEventListener('abort', onAbort, { once: true });
  let finished = 0;
  let failed = 0;
  let timedOut = 0;
  try {
    await Promise.all(items.map(async (item) => {
      let error = '';
      let attempts = 0;
      for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
        attempts = attempt;
        try {
          const result = await pool.run((remote) => task(remote, item, attempt), { timeoutSeconds: h.runTimeout });
          if (aborted()) return;
          finished++;
          h.onResult(item, result);
          return;
        } catch (e) {
          if (aborted()) return;
          if (e instanceof TaskTimeoutError) {
            error = `timed out after ${e.seconds} s (run time limit); stopped, its worker replaced, not retried`;
            timedOut++;
            break;
          }
          error = message(e);
        }
      }
      failed++;
      h.onFailure(item, attempts, error);
    }));
  } finally {
    h.signal?.removeEventListener('abort', onAbort);
    await pool.close();
  }
  return { finished, failed, timedOut, replaced: pool.replaced, interrupted: aborted() };
}
