// What a batch worker does, independent of Node or browser: hold one resolved batch and run
// planned runs on request. The entries (batch-worker.ts for worker_threads, batch-worker-web.ts
// for web workers) only expose this object through comlink.
import {
  createRunner, type BatchRunner, type BatchScenarios, type ResolvedBatch, type RunPlan, type RunResult,
} from '../sim/index.ts';

/**
 * Hidden test hook (`samenspel batch --test-crash runId=mode`): make one run fail on purpose.
 * throw: the run throws every attempt; exit: the worker exits every attempt; exit-once: the
 * worker exits on the first attempt only (the retry succeeds); hang: the run never ends (a
 * busy loop, so only terminating the worker stops it — what --run-timeout must do).
 */
export interface CrashHook { runId: string; mode: 'throw' | 'exit' | 'exit-once' | 'hang' }

export interface BatchInit {
  batch: ResolvedBatch;
  scenarios: BatchScenarios;
  crash?: CrashHook[];
}

export interface BatchWorkerApi {
  init(init: BatchInit): void;
  /** `attempt` is 1 for the first try, 2 for the retry. */
  run(plan: RunPlan, attempt: number): RunResult;
}

/** `exit` ends the worker (Node: process.exit; browser: self.close). */
export function createBatchWorkerApi(exit: (code: number) => void): BatchWorkerApi {
  let runner: BatchRunner | null = null;
  let crash: CrashHook[] = [];
  return {
    init(init) {
      runner = createRunner(init.batch, init.scenarios);
      crash = init.crash ?? [];
    },
    run(plan, attempt) {
      if (!runner) throw new Error('batch worker used before init()');
      const hook = crash.find((c) => c.runId === plan.runId);
      if (hook?.mode === 'throw') throw new Error(`test hook: run ${plan.runId} throws on purpose`);
      if (hook && (hook.mode === 'exit' || (hook.mode === 'exit-once' && attempt === 1))) exit(13);
      if (hook?.mode === 'hang') for (;;) { /* a pathologically slow run */ }
      return runner.run(plan);
    },
  };
}
