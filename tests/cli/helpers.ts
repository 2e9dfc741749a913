// Spawning the real CLI (`node bin/samenspel.js …`) for end-to-end checks of exit codes,
// messages and files.
import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.ts';

export const BIN = join(ROOT, 'bin', 'samenspel.js');

const cleanEnv = () => {
  const env = { ...process.env };
  for (const k of ['SLURM_ARRAY_TASK_ID', 'SLURM_ARRAY_TASK_MIN', 'SLURM_ARRAY_TASK_COUNT', 'SLURM_ARRAY_TASK_STEP', 'JOB_COMPLETION_INDEX', 'SAMENSPEL_SHARD_COUNT']) delete env[k];
  return env;
};

export function cli(args: string[], opts: { cwd?: string; timeout?: number } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, encoding: 'utf8', timeout: opts.timeout ?? 60_000, env: cleanEnv() });
}

export function cliAsync(args: string[]): ChildProcess & { done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; stdout: string }> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: cleanEnv() });
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (d) => { stderr += d; });
  child.stdout!.on('data', (d) => { stdout += d; });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; stdout: string }>((resolve) => {
    child.on('exit', (code, signal) => setTimeout(() => resolve({ code, signal, stderr, stdout }), 20));
  });
  return Object.assign(child, { done });
}

export const tempDir = (name = 'samenspel-cli-') => mkdtempSync(join(tmpdir(), name));

export function writeJson(file: string, value: unknown): string {
  writeFileSync(file, JSON.stringify(value, null, 1));
  return file;
}

/** Bad input: exit 1, a message on stderr naming the cause, never a stack trace. */
export function expectBadInput(r: SpawnSyncReturns<string>, pattern: RegExp): void {
  if (r.status !== 1 || !pattern.test(r.stderr) || /\n\s+at |internal error/.test(r.stderr)) {
    throw new Error(`expected exit 1 with ${pattern} and no stack trace; got exit ${r.status}\n${r.stderr}`);
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until(condition: () => boolean, what: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** A four-actor scenario whose runs take milliseconds: for the sensitivity and calibration process tests. */
export const TINY_SCENARIO = {
  id: 'tiny',
  title: { nl: 'Klein', en: 'Tiny' },
  description: { nl: 'Testscenario', en: 'Test scenario' },
  ticks: 12,
  aspects: [
    { id: 'a', label: { nl: 'A', en: 'A' }, kind: 'knowledge', solution: 0.5 },
    { id: 'b', label: { nl: 'B', en: 'B' }, kind: 'value' },
  ],
  sectors: [
    { id: 's1', label: { nl: 'S1', en: 'S1' }, color: '#111111', affectedness: 1 },
    { id: 's2', label: { nl: 'S2', en: 'S2' }, color: '#222222', affectedness: 0.5 },
  ],
  actors: [
    { name: 'A', sector: 's1', stake: [0.2, 0.2], proactiveness: 0.8, engagement: 0.8 },
    { name: 'B', sector: 's2', stake: [0.8, 0.8], proactiveness: 0.6, engagement: 0.7 },
    { name: 'C', sector: 's1', stake: [0.5, 0.4], engagement: 0.6 },
    { name: 'D', sector: 's2', stake: [0.4, 0.6], engagement: 0.6 },
  ],
};

/** A calibration of TINY_SCENARIO (as 'tiny.json'): 5 points × 2 seeds; with seed 3 every point is accepted, then held out on P2. */
export const TINY_CALIBRATION = {
  id: 'tiny-calibration',
  scenario: 'tiny.json',
  parameters: { mu: { min: 0.05, max: 0.5 }, maxMeetings: { min: 1, max: 6 } },
  filters: [
    { id: 'some-direction', measure: { measure: 'richten', keep: 'mean', last: 5 }, min: 0.05 },
    { id: 'core-vs-periphery', left: { measure: 'core', keep: 'final' }, op: '<', right: { measure: 'present', keep: 'final' } },
  ],
  accept: { share: 0.5 },
  heldout: { patterns: ['P2'], seeds: 3 },
  samples: 5,
  seeds: 2,
  seed: 3,
};
