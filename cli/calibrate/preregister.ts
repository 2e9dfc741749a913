// Preregistration: before any run, the spec is written to the output folder with its SHA-256
// and a timestamp. A folder preregistered for another spec (or other --points/--seeds) is
// refused: its results would no longer answer the question that was registered.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileDurable } from '../batch/store.ts';
import { UsageError } from '../io.ts';

export const PREREGISTRATION_FILE = 'preregistration.json';

export interface Preregistration {
  format: 'samenspel-preregistration/1';
  /** SHA-256 of the spec file's bytes as read. */
  sha256: string;
  registered: string;
  specFile: string;
  overrides: { points: number | null; seeds: number | null };
  spec: unknown;
}

export const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** Writes the preregistration, or checks an existing one; returns it. */
export function preregister(dir: string, specFile: string, bytes: Buffer, spec: unknown, overrides: Preregistration['overrides'], now = new Date()): { record: Preregistration; created: boolean } {
  const file = join(dir, PREREGISTRATION_FILE);
  const hash = sha256(bytes);
  if (existsSync(file)) {
    let prior: Preregistration;
    try {
      prior = JSON.parse(readFileSync(file, 'utf8')) as Preregistration;
    } catch {
      throw new UsageError(`${file}: not valid JSON; this folder's preregistration is damaged, so its results cannot be trusted: start a new --out`);
    }
    if (prior.sha256 !== hash) {
      throw new UsageError(`${dir} was preregistered on ${prior.registered} for a spec with SHA-256 ${prior.sha256.slice(0, 12)}…; ${specFile} now hashes to ${hash.slice(0, 12)}…. ` +
        'A changed spec invalidates the folder: restore the registered spec, or start a new --out (and a new preregistration)');
    }
    if (JSON.stringify(prior.overrides) !== JSON.stringify(overrides)) {
      throw new UsageError(`${dir} was preregistered with --points ${prior.overrides.points ?? '(spec)'} --seeds ${prior.overrides.seeds ?? '(spec)'}; ` +
        `now --points ${overrides.points ?? '(spec)'} --seeds ${overrides.seeds ?? '(spec)'}. Use the registered budget, or start a new --out`);
    }
    return { record: prior, created: false };
  }
  mkdirSync(dir, { recursive: true });
  const record: Preregistration = { format: 'samenspel-preregistration/1', sha256: hash, registered: now.toISOString(), specFile, overrides, spec };
  writeFileDurable(file, JSON.stringify(record, null, 2) + '\n');
  return { record, created: true };
}
