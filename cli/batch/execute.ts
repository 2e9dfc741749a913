// Runs a batch's missing runs in a worker pool: each run is tried twice at most (a dead worker
// is replaced by the pool), then appended durably to the store as it ends — as a result, or
// after its second failure as a failure. Completion order is free; files are ordered later.
import type { BatchScenarios, ResolvedBatch, RunPlan } from '../../sim/index.ts';
import { createNodeBatchPool } from '../../workers/node-pool.ts';
import type { CrashHook } from '../../workers/batch-api.ts';
import type { Progress } from './progress.ts';
import type { Store } from './store.ts';

export const ATTEMPTS = 2;

export interface ExecuteOptions {
  workers: number;
  progress: Progress;
  /** Test hook: SIGKILL this process after this many runs were written in this session. */
  exitAfter?: number;
  /** Test hook: runs that crash on purpose. */
  crash?: CrashHook[];
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];

export async function executePlans(
  batch: ResolvedBatch, scenarios: BatchScenarios, todo: readonly RunPlan[], store: Store, opts: ExecuteOptions,
): Promise<{ finished: number; failed: number; replaced: number }> {
  if (!todo.length) return { finished: 0, failed: 0, replaced: 0 };
  const pool = createNodeBatchPool(Math.min(opts.workers, todo.length), { batch, scenarios, crash: opts.crash });
  let written = 0;
  let failed = 0;
  const counted = () => {
    written++;
    if (opts.exitAfter !== undefined && written >= opts.exitAfter) process.kill(process.pid, 'SIGKILL');
  };
  try {
    await Promise.all(todo.map(async (plan) => {
      let error = '';
      for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
        try {
          const result = await pool.run((remote) => remote.run(plan, attempt));
          store.appendResult(result);
          opts.progress.tick(false);
          counted();
          return;
        } catch (e) {
          error = message(e);
        }
      }
      store.appendFailure({ index: plan.index, runId: plan.runId, attempts: ATTEMPTS, error });
      failed++;
      opts.progress.tick(true);
      counted();
    }));
  } finally {
    await pool.close();
  }
  return { finished: todo.length - failed, failed, replaced: pool.replaced };
}
