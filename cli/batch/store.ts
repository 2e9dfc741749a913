// A batch directory's durable record: every finished run is appended to runs.jsonl (one JSON
// line, fsync'd off the main thread: background-sync.ts), every run that failed twice to failures.jsonl. After a kill,
// reading them back (a torn last line is cut off) tells --resume exactly what is missing.
// Final files (CSV, manifest) are written whole to a temporary name and renamed into place.
import {
  closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, truncateSync, writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { batchFingerprint, scalarMeasures, type ResolvedBatch, type RunFailure, type RunPlan, type RunResult } from '../../sim/index.ts';
import { UsageError } from '../io.ts';
import { closeSynced, syncSoon } from './background-sync.ts';

export const RUNS_FILE = 'runs.jsonl';
export const FAILURES_FILE = 'failures.jsonl';
export const MANIFEST_FILE = 'manifest.json';
/** One CSV of per-actor rows per finished run (batch spec `actors`), joined into actors.csv at the end. */
export const ACTORS_DIR = 'actors';

/** Parses a JSON-lines file; cuts off a torn last line (a write the kill interrupted). */
export function readJsonLines<T>(file: string, repair: boolean): { items: T[]; torn: boolean; bad: number } {
  if (!existsSync(file)) return { items: [], torn: false, bad: 0 };
  const buf = readFileSync(file);
  const end = buf.lastIndexOf(0x0a) + 1;
  const torn = end < buf.length;
  if (torn && repair) truncateSync(file, end);
  const items: T[] = [];
  let bad = 0;
  for (const line of buf.subarray(0, end).toString('utf8').split('\n')) {
    if (!line.trim()) continue;
    try { items.push(JSON.parse(line) as T); } catch { bad++; }
  }
  return { items, torn, bad };
}

export function writeFileDurable(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

export function readManifest(dir: string): Record<string, unknown> | null {
  const file = join(dir, MANIFEST_FILE);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    throw new UsageError(`${file}: not valid JSON; is this a batch directory?`);
  }
}

/** Checks that stored results belong to this batch's run list. */
export function checkResults(results: RunResult[], plans: readonly RunPlan[], batch: ResolvedBatch, file: string): void {
  const width = scalarMeasures(batch.measures).length;
  for (const r of results) {
    const p = plans[r.index];
    if (!p || p.runId !== r.runId || !Array.isArray(r.values) || r.values.length !== width) {
      throw new UsageError(`${file}: run ${JSON.stringify(r.runId)} (index ${r.index}) does not belong to this batch`);
    }
  }
}

export interface Store {
  readonly dir: string;
  /** Finished runs by run-list index (earlier sessions and this one). */
  readonly results: Map<number, RunResult>;
  /** The latest failure per run-list index. */
  readonly failures: Map<number, RunFailure>;
  /** Runs found already done when the store was opened. */
  readonly resumed: number;
  appendResult(r: RunResult): void;
  appendFailure(f: RunFailure): void;
  close(): void;
}

/**
 * Opens (or creates) a batch directory. Without `resume` it must not hold runs already; with
 * `resume` its manifest must describe the same batch (same spec, scenarios and overrides).
 */
export function openStore(dir: string, batch: ResolvedBatch, plans: readonly RunPlan[], resume: boolean): Store {
  mkdirSync(dir, { recursive: true });
  const runsFile = join(dir, RUNS_FILE);
  const failuresFile = join(dir, FAILURES_FILE);
  const manifest = readManifest(dir);
  const stored = readJsonLines<RunResult>(runsFile, resume);
  if (!resume && (stored.items.length || stored.torn)) {
    throw new UsageError(`${dir} already holds ${stored.items.length} runs of a batch; pass --resume to continue it, or choose another --out`);
  }
  if (resume && manifest && batchFingerprint(manifest.batch as ResolvedBatch) !== batchFingerprint(batch)) {
    throw new UsageError(`${dir} holds a different batch (its spec, scenarios or --replications/--ticks differ); choose another --out`);
  }
  if (stored.bad) process.stderr.write(`samenspel: ${runsFile}: skipped ${stored.bad} unreadable line(s); those runs will be run again\n`);
  checkResults(stored.items, plans, batch, runsFile);
  const results = new Map<number, RunResult>();
  for (const r of stored.items) if (!results.has(r.index)) results.set(r.index, r);
  const failures = new Map<number, RunFailure>();
  if (!resume && existsSync(failuresFile)) truncateSync(failuresFile, 0);
  for (const f of readJsonLines<RunFailure>(failuresFile, true).items) failures.set(f.index, f);

  const runsFd = openSync(runsFile, 'a');
  const failuresFd = openSync(failuresFile, 'a');
  const append = (fd: number, value: unknown) => {
    writeSync(fd, JSON.stringify(value) + '\n');
    syncSoon(fd);
  };
  return {
    dir,
    results,
    failures,
    resumed: results.size,
    appendResult(r) {
      // Per-actor rows go to their own file first: a run in runs.jsonl always has its actors file.
      const { actors, ...rest } = r;
      if (actors !== undefined) {
        mkdirSync(join(dir, ACTORS_DIR), { recursive: true });
        writeFileDurable(join(dir, ACTORS_DIR, `${r.runId}.csv`), actors);
      }
      append(runsFd, rest);
      results.set(r.index, rest);
    },
    appendFailure(f) {
      append(failuresFd, f);
      failures.set(f.index, f);
    },
    close() {
      closeSynced(runsFd);
      closeSynced(failuresFd);
    },
  };
}
