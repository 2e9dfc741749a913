// Writes a batch directory's final files from its runs: runs.csv, series.csv, failures.csv,
// summary.csv + pairs.csv (only for a whole batch, not a shard) and manifest.json. `batch` and
// `merge` both end here, so a merge of shards writes exactly what one unsharded batch writes.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ENGINE_VERSION } from '../../sim/index.ts';
import {
  failuresCsv, pairsCsv, runsCsv, seriesCsv, summarise, summaryCsv,
  type BatchScenarios, type BatchSummary, type ResolvedBatch, type RunFailure, type RunPlan, type RunResult, type Shard,
} from '../../sim/index.ts';
import { ROOT } from '../io.ts';
import { ACTORS_DIR, MANIFEST_FILE, writeFileDurable } from './store.ts';

export const SCENARIOS_DIR = 'scenarios';

export function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() || null;
  } catch {
    return null;
  }
}

/**
 * SHA-256 over the engine's source (sim/**.ts, line endings normalised): runs are only
 * comparable across sessions and shards if this is equal, whatever the git state says.
 */
export function engineSourceHash(): string {
  const dir = join(ROOT, 'sim');
  const files = (readdirSync(dir, { recursive: true }) as string[]).map((f) => f.replace(/\\/g, '/')).filter((f) => f.endsWith('.ts')).sort();
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${f}\n${readFileSync(join(dir, f), 'utf8').replace(/\r\n/g, '\n')}\n`);
  return hash.digest('hex');
}

export function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return ENGINE_VERSION;
  }
}

/** What varies between sessions (timings, workers, shard): the only manifest fields that may differ. */
export interface Session {
  command: 'batch' | 'merge' | 'sensitivity' | 'calibrate';
  specFile: string | null;
  shard: (Shard & { source: string }) | null;
  workers: number | null;
  started: string;
  finished: string | null;
  seconds: number | null;
  /** Runs finished in this session (not resumed ones). */
  runsThisSession: number;
  runsPerSecond: number | null;
  resumedRuns: number;
  mergedFrom: string[] | null;
}

export interface Manifest {
  format: string;
  /** interrupted: stopped by SIGTERM/SIGINT (finished runs kept; --resume continues). */
  status: 'running' | 'complete' | 'incomplete' | 'interrupted';
  tool: string;
  version: string;
  engineVersion: string;
  gitCommit: string | null;
  /** engineSourceHash() of the code that ran these runs. */
  engineSource: string;
  node: string;
  spec: unknown;
  batch: ResolvedBatch;
  runs: { planned: number; inThisDirectory: number; finished: number; failed: number; missing: number };
  files: string[];
  session: Session;
}

export interface OutputInput {
  dir: string;
  spec: unknown;
  batch: ResolvedBatch;
  /** The full run list. */
  plans: readonly RunPlan[];
  /** This directory's share (all plans unless sharded). */
  selected: readonly RunPlan[];
  results: ReadonlyMap<number, RunResult>;
  failures: ReadonlyMap<number, RunFailure>;
  /** engineSourceHash() of the code that ran the runs. */
  engineSource: string;
  session: Session;
  /** Files written before the runs (scenarios/<id>.json), listed in the manifest. */
  scenarioFiles?: string[];
}

export function manifestOf(input: OutputInput, status: Manifest['status'], files: string[]): Manifest {
  const finished = input.selected.filter((p) => input.results.has(p.index)).length;
  const failed = input.selected.filter((p) => !input.results.has(p.index) && input.failures.has(p.index)).length;
  return {
    format: input.batch.format,
    status,
    tool: 'samenspel',
    version: packageVersion(),
    engineVersion: ENGINE_VERSION,
    gitCommit: gitCommit(),
    engineSource: input.engineSource,
    node: process.version,
    spec: input.spec,
    batch: input.batch,
    runs: {
      planned: input.plans.length, inThisDirectory: input.selected.length, finished, failed,
      missing: input.selected.length - finished - failed,
    },
    files,
    session: input.session,
  };
}

export function writeManifest(input: OutputInput, status: Manifest['status'], files: string[]): void {
  writeFileDurable(join(input.dir, MANIFEST_FILE), JSON.stringify(manifestOf(input, status, files), null, 2) + '\n');
}

/**
 * Writes every final file; returns the summary (null for a shard) and the files written. An
 * interrupted batch gets its run tables but no statistics (they would describe an arbitrary
 * subset of runs; stale ones from an earlier session are removed) and status 'interrupted'.
 */
export function writeOutputs(input: OutputInput, interrupted = false): { summary: BatchSummary | null; files: string[] } {
  const { dir, batch, selected } = input;
  const results = selected.filter((p) => input.results.has(p.index)).map((p) => input.results.get(p.index)!);
  const failures = selected.filter((p) => !input.results.has(p.index) && input.failures.has(p.index))
    .map((p) => input.failures.get(p.index)!);
  const files: string[] = [];
  const write = (name: string, text: string) => { writeFileDurable(join(dir, name), text); files.push(name); };
  write('runs.csv', runsCsv(batch, selected, results));
  const series = seriesCsv(batch, selected, results);
  if (series !== null) write('series.csv', series);
  write('failures.csv', failuresCsv(batch, selected, failures));
  if (batch.actors) files.push(...writeActors(dir, results.map((r) => r.runId), batch.scenarios.map((sc) => sc.id)));
  const whole = selected.length === input.plans.length;
  let summary: BatchSummary | null = null;
  if (interrupted) {
    for (const f of ['summary.csv', 'pairs.csv']) rmSync(join(dir, f), { force: true });
  } else if (whole) {
    summary = summarise(batch, input.plans, results);
    write('summary.csv', summaryCsv(batch, summary));
    write('pairs.csv', pairsCsv(batch, summary));
  }
  const complete = results.length === selected.length;
  files.push(...(input.scenarioFiles ?? []), MANIFEST_FILE);
  writeManifest(input, interrupted ? 'interrupted' : complete ? 'complete' : 'incomplete', files);
  return { summary, files };
}

/**
 * actors.csv: the finished runs' per-actor rows in run-list order, one header. Scenarios with
 * different aspects have different preference/belief columns: then one file per scenario,
 * actors-<scenario>.csv. Written through a temporary name, like every final file.
 */
export function writeActors(dir: string, runIds: readonly string[], scenarioIds: readonly string[]): string[] {
  const groups = new Map<string, { header: string; runIds: string[] }>();
  const scenarioOf = (runId: string) => runId.split('__')[0];
  for (const runId of runIds) {
    const text = readFileSync(join(dir, ACTORS_DIR, `${runId}.csv`), 'utf8');
    const header = text.slice(0, text.indexOf('\n') + 1);
    const key = scenarioOf(runId);
    if (!groups.has(key)) groups.set(key, { header, runIds: [] });
    groups.get(key)!.runIds.push(runId);
  }
  const headers = new Set([...groups.values()].map((g) => g.header));
  const outputs = headers.size <= 1
    ? [{ name: 'actors.csv', header: [...headers][0] ?? '', runIds: runIds.slice() }]
    : scenarioIds.filter((id) => groups.has(id)).map((id) => ({ name: `actors-${id}.csv`, header: groups.get(id)!.header, runIds: groups.get(id)!.runIds }));
  for (const out of outputs) {
    const file = join(dir, out.name);
    const tmp = `${file}.tmp-${process.pid}`;
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, out.header);
      for (const runId of out.runIds) {
        const text = readFileSync(join(dir, ACTORS_DIR, `${runId}.csv`), 'utf8');
        writeSync(fd, text.slice(text.indexOf('\n') + 1));
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  }
  return outputs.map((o) => o.name);
}

/**
 * Each scenario's full JSON as the runs used it (after the spec entry's `set`), in
 * scenarios/<id>.json: a custom scenario is then kept with its results, not only its hash.
 */
export function writeScenarioFiles(dir: string, scenarios: BatchScenarios): string[] {
  mkdirSync(join(dir, SCENARIOS_DIR), { recursive: true });
  return Object.entries(scenarios).map(([id, loaded]) => {
    const name = `${SCENARIOS_DIR}/${id}.json`;
    writeFileDurable(join(dir, name), JSON.stringify(loaded.raw, null, 2) + '\n');
    return name;
  });
}
