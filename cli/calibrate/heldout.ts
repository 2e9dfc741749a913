// Stage 3 of calibrate: the held-out pattern experiments on each accepted point, in the worker
// pool like the runs of stages 1–2 (a point's experiments are one pure task, so its rows are
// the same in any worker, for any worker count). Each point's rows are appended durably to
// heldout.jsonl as it ends, so a kill or SIGTERM loses only the points in flight; a point that
// fails twice (or kills its worker twice) fails alone and is listed in heldout-failures.csv.
// No run time limit here: a point's experiments are many runs of different lengths, and the
// pool can only time a task as a whole.
import { closeSync, fsyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { csvFormat } from 'd3-dsv';
import { calibration, deriveSeed, type BatchScenarios, type ResolvedBatch } from '../../sim/index.ts';
import type { CrashHook } from '../../workers/batch-api.ts';
import { createNodeBatchPool } from '../../workers/node-pool.ts';
import { runTasks } from '../batch/execute.ts';
import { readJsonLines, writeFileDurable } from '../batch/store.ts';

export const HELDOUT_FILE = 'heldout.jsonl';
export const HELDOUT_FAILURES_FILE = 'heldout-failures.csv';

/** The crash hooks' name of an accepted point's held-out task (`--test-crash heldout-d3=hang`). */
export const heldoutTaskId = (design: number) => `heldout-d${design}`;

export interface HeldoutOptions {
  dir: string;
  accepted: readonly { design: number; values: Record<string, number | string | boolean> }[];
  /** The stage 2 batch (its scenario entry is the points' base; the workers are set up with it). */
  batch: ResolvedBatch;
  scenarios: BatchScenarios;
  patterns: string[];
  seeds: number;
  seed: number | string;
  workers: number;
  signal?: AbortSignal;
  crash?: CrashHook[];
  /** Test hook: SIGKILL after this many points were written in this session. */
  exitAfter?: number;
  log: (s: string) => void;
}

export interface HeldoutOutcome {
  /** Every accepted point's rows, by design index (earlier sessions and this one). */
  done: Map<number, calibration.HeldoutPoint>;
  failed: { design: number; attempts: number; error: string }[];
  interrupted: boolean;
}

export async function runHeldout(o: HeldoutOptions): Promise<HeldoutOutcome> {
  const file = join(o.dir, HELDOUT_FILE);
  const done = new Map<number, calibration.HeldoutPoint>();
  for (const h of readJsonLines<calibration.HeldoutPoint>(file, true).items) done.set(h.design, h);
  const todo = o.accepted.filter((p) => !done.has(p.design));
  const failed: HeldoutOutcome['failed'] = [];
  rmSync(join(o.dir, HELDOUT_FAILURES_FILE), { force: true });
  if (!todo.length || o.signal?.aborted) return { done, failed, interrupted: Boolean(o.signal?.aborted) };
  const loaded = o.scenarios[o.batch.scenarios[0].id];
  const base = deriveSeed(o.seed, 'heldout');
  const pool = createNodeBatchPool(Math.min(o.workers, todo.length), { batch: o.batch, scenarios: o.scenarios, crash: o.crash });
  const fd = openSync(file, 'a');
  let written = 0;
  const t0 = performance.now();
  try {
    const outcome = await runTasks(pool, todo, (remote, point, attempt) => remote.patterns({
      id: heldoutTaskId(point.design), scenarios: [calibration.pointScenario(loaded.raw, loaded.file, point.values)],
      seeds: o.seeds, base, only: o.patterns,
    }, attempt), {
      signal: o.signal,
      onResult(point, result) {
        const entry: calibration.HeldoutPoint = { design: point.design, rows: result.rows };
        writeSync(fd, JSON.stringify(entry) + '\n');
        fsyncSync(fd);
        done.set(point.design, entry);
        written++;
        if (o.exitAfter !== undefined && written >= o.exitAfter) process.kill(process.pid, 'SIGKILL');
        o.log(`held-out tests on point ${point.design} (${o.accepted.length - todo.length + written}/${o.accepted.length} points): ${result.runs} runs; ` +
          `${((performance.now() - t0) / 1000).toFixed(1)} s into this stage`);
      },
      onFailure(point, attempts, error) {
        failed.push({ design: point.design, attempts, error });
      },
    });
    if (failed.length && !outcome.interrupted) {
      failed.sort((a, b) => a.design - b.design);
      writeFileDurable(join(o.dir, HELDOUT_FAILURES_FILE), csvFormat(failed, ['design', 'attempts', 'error']) + '\n');
    }
    return { done, failed, interrupted: outcome.interrupted };
  } finally {
    closeSync(fd);
  }
}
