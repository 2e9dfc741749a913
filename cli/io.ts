// Shared CLI plumbing: exit codes, error reporting, reading scenarios by name or path.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  InputError, MAX_TICKS, applySet, parseEvents, parseJsonText, parseScenario, partialRulesSchema, PRESETS, issuesOf,
  type PartialRules, type Scenario, type ScenarioEvent,
} from '../sim/index.ts';

export const EXIT_OK = 0, EXIT_BAD_INPUT = 1, EXIT_INTERNAL = 2;

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SCENARIO_DIR = join(ROOT, 'scenarios');

/** Bad input: the message is for the user; exit code 1. */
export class UsageError extends Error {}

export function fail(error: unknown): never {
  if (error instanceof InputError || error instanceof UsageError) {
    process.stderr.write(`samenspel: ${error.message}\n`);
    process.exit(EXIT_BAD_INPUT);
  }
  process.stderr.write(`samenspel: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(EXIT_INTERNAL);
}

export function readText(file: string): string {
  if (!existsSync(file)) throw new UsageError(`${file}: no such file`);
  return readFileSync(file, 'utf8');
}

export function readJson(file: string): unknown {
  return parseJsonText(readText(file), file);
}

/** Scenario ids shipped in scenarios/ (one JSON file each). */
export function listScenarioFiles(): string[] {
  return readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json')).sort().map((f) => join(SCENARIO_DIR, f));
}

export function resolveScenarioPath(nameOrFile: string): string {
  if (existsSync(nameOrFile) && nameOrFile.endsWith('.json')) return nameOrFile;
  const shipped = join(SCENARIO_DIR, `${nameOrFile}.json`);
  if (existsSync(shipped)) return shipped;
  const names = listScenarioFiles().map((f) => f.slice(SCENARIO_DIR.length + 1, -5));
  throw new UsageError(`unknown scenario '${nameOrFile}'. Valid scenarios: ${names.join(', ')} (or a path to a .json file)`);
}

/** Loads a scenario by name or path, applies `--set` overrides, validates the result. */
export function loadScenario(nameOrFile: string, sets: string[] = [], beforeParse?: (raw: Record<string, unknown>, file: string) => void): Scenario {
  const file = resolveScenarioPath(nameOrFile);
  const raw = readJson(file);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InputError(file, [{ path: '', message: 'expected a JSON object (a scenario)' }]);
  }
  for (const s of sets) applySet(raw as Record<string, unknown>, s);
  beforeParse?.(raw as Record<string, unknown>, file);
  return parseScenario(raw, sets.length ? `${file} (with --set ${sets.join(' ')})` : file);
}

/** `--rules`: a preset id or a JSON file of (partial) rules. */
export function loadRules(value: string | undefined): string | PartialRules | undefined {
  if (value === undefined) return undefined;
  if (PRESETS.some((p) => p.id === value)) return value;
  if (value.endsWith('.json') && existsSync(value)) {
    const raw = readJson(value) as Record<string, unknown>;
    const { preset, ...rest } = raw ?? {};
    if (preset !== undefined && !PRESETS.some((p) => p.id === preset)) {
      throw new InputError(value, [{ path: 'preset', message: `unknown preset '${String(preset)}'; valid: ${PRESETS.map((p) => p.id).join(', ')}` }]);
    }
    const r = partialRulesSchema.safeParse(rest);
    if (!r.success) throw new InputError(value, issuesOf(r.error));
    return preset ? { ...PRESETS.find((p) => p.id === preset)!.rules, ...r.data } : r.data;
  }
  throw new UsageError(`unknown rule preset '${value}'. Valid presets: ${PRESETS.map((p) => p.id).join(', ')} (or a path to a rules .json file)`);
}

/** A whole run file (`run --out x.json`): scenario, rules, seed, series and events together. */
export function isRunFile(raw: unknown): boolean {
  return Boolean(raw && typeof raw === 'object' && !Array.isArray(raw) && 'series' in raw && 'scenario' in raw && 'events' in raw);
}

export function loadEvents(file: string | undefined): ScenarioEvent[] {
  if (!file) return [];
  const raw = readJson(file);
  if (isRunFile(raw)) {
    throw new UsageError(`--events ${file}: this is a whole run file (from 'run --out ${file}'), not an events file. ` +
      `To reproduce that run (its scenario, rules, overrides, seed and interventions): npx samenspel replay ${file}`);
  }
  return parseEvents(raw, file);
}

export function parsePositiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} expects a whole number ≥ 0, got '${value}'`);
  return n;
}

/** An optional count flag (--points, --seeds): absent stays undefined, else a whole number ≥ 1. */
export function parseOptionalCount(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = parsePositiveInt(value, flag);
  if (n < 1) throw new UsageError(`${flag} must be at least 1`);
  return n;
}

/** `--ticks`: a whole number in min…MAX_TICKS (the scenario schema's cap), else a message with the range. */
export function parseTicks(value: string, flag = '--ticks', min = 1): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < min || n > MAX_TICKS) {
    throw new UsageError(`${flag} expects a whole number of ticks from ${min} to ${MAX_TICKS}, got '${value}'`);
  }
  return n;
}

const isDir = (path: string) => { try { return statSync(path).isDirectory(); } catch { return false; } };

/** An output file's folder must exist and the path must not be a folder: checked before any work. */
export function checkOutFile(file: string, flag = '--out'): void {
  const folder = dirname(resolve(file));
  if (!existsSync(folder)) throw new UsageError(`${flag} ${file}: the folder ${folder} does not exist; create it first or choose another path`);
  if (!isDir(folder)) throw new UsageError(`${flag} ${file}: ${folder} is not a folder`);
  if (isDir(file)) throw new UsageError(`${flag} ${file}: is a folder; give a file name`);
}

/** An output folder may exist (as a folder) or be created; an existing file there is refused. */
export function checkOutDir(dir: string, flag = '--out'): void {
  if (existsSync(dir) && !isDir(dir)) throw new UsageError(`${flag} ${dir}: is a file, not a folder; batch writes several files into a folder`);
}

export function parseSeed(value: string): number | string {
  const n = Number(value);
  return Number.isFinite(n) && value.trim() !== '' ? n : value;
}

export const collect = (value: string, previous: string[] = []) => [...previous, value];
