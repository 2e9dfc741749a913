// What a batch worker does, independent of Node or browser: hold one resolved batch and run
// planned runs on request; also run one set of pattern experiments (calibrate's held-out
// tests on an accepted point), which needs no batch. The entries (batch-worker.ts for worker_threads, batch-worker-web.ts
// for web workers) only expose this object through comlink.
import {
  createRunner, patterns, type BatchRunner, type BatchScenarios, type ResolvedBatch, type RunPlan, type RunResult,
} from '../sim/index.ts';

/**
 * Hidden test hook (`--test-crash runId=mode` of batch, sensitivity and calibrate; calibrate's
 * held-out point d is `heldout-d<d>`): make one run fail on purpose.
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

/** Pattern experiments (as `samenspel patterns`) on given scenarios; `id` names the task for the crash hooks. */
export interface PatternTask {
  id: string;
  scenarios: patterns.RawScenario[];
  seeds: number;
  base: number | string;
  only: string[];
}

export interface PatternTaskResult { rows: patterns.PatternRow[]; runs: number }

export interface BatchWorkerApi {
  init(init: BatchInit): void;
  /** `attempt` is 1 for the first try, 2 for the retry. */
  run(plan: RunPlan, attempt: number): RunResult;
  /** Pure like `run`: the same task gives the same rows in any worker or on the main thread. */
  patterns(task: PatternTask, attempt: number): PatternTaskResult;
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
      crashIfHooked(crash, plan.runId, attempt, exit);
      return runner.run(plan);
    },
    patterns(task, attempt) {
      crashIfHooked(crash, task.id, attempt, exit);
      const result = patterns.runPatterns({ scenarios: task.scenarios, seeds: task.seeds, base: task.base, only: task.only });
      return { rows: result.rows, runs: result.runs };
    },
  };
}

function crashIfHooked(crash: readonly CrashHook[], id: string, attempt: number, exit: (code: number) => void): void {
  const hook = crash.find((c) => c.runId === id);
  if (hook?.mode === 'throw') throw new Error(`test hook: run ${id} throws on purpose`);
  if (hook && (hook.mode === 'exit' || (hook.mode === 'exit-once' && attempt === 1))) exit(13);
  if (hook?.mode === 'hang') for (;;) { /* a pathologically slow run */ }
}
