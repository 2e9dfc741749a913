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
