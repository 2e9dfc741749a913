// Turning untrusted JSON into a Scenario, with errors that name the file, the field and
// what was expected — and `--set key=value` overrides that fail the same way.
import type { z } from 'zod';
import { PARAMS } from './params.ts';
import { eventsFileSchema, scenarioSchema, type Scenario, type ScenarioEvent } from './scenario.ts';

export interface Issue { path: string; message: string }

export class InputError extends Error {
  readonly file: string;
  readonly issues: Issue[];
  constructor(file: string, issues: Issue[]) {
    super(`${file}: ${issues.length === 1 ? '1 problem' : `${issues.length} problems`}\n` +
      issues.map((i) => `  ${i.path || '(top level)'}: ${i.message}`).join('\n'));
    this.name = 'InputError';
    this.file = file;
    this.issues = issues;
  }
}

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : (out ? '.' : '') + String(p);
  return out;
}

export function issuesOf(error: z.ZodError): Issue[] {
  const out: Issue[] = [];
  for (const i of error.issues) {
    // Unions report one failure per branch; show the branch messages so the user sees what fits.
    if (i.code === 'invalid_union' && 'errors' in i && Array.isArray(i.errors) && i.errors.length) {
      const alternatives = (i.errors as { message: string; path: PropertyKey[] }[][])
        .map((branch) => branch.map((b) => (b.path.length ? `${pathText(b.path)}: ` : '') + b.message).join('; '))
        .filter(Boolean);
      out.push({ path: pathText(i.path), message: `${i.message} — expected one of: ${alternatives.join(' | ')}` });
    } else {
      out.push({ path: pathText(i.path), message: i.message });
    }
  }
  return out;
}

export function parseJsonText(text: string, file: string): unknown {
  // A UTF-8 byte-order mark (Windows editors write one) is not part of the JSON, as in a CSV.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const m = /position (\d+)/.exec(msg);
    let where = '';
    if (m) {
      const pos = Number(m[1]);
      const before = text.slice(0, pos).split('\n');
      where = ` at line ${before.length}, column ${before[before.length - 1].length + 1}`;
    }
    throw new InputError(file, [{ path: '', message: `not valid JSON${where}: ${msg}` }]);
  }
}

export function parseScenario(value: unknown, file = '<scenario>'): Scenario {
  const r = scenarioSchema.safeParse(value);
  if (!r.success) throw new InputError(file, issuesOf(r.error));
  return r.data;
}

export function parseEvents(value: unknown, file = '<events>'): ScenarioEvent[] {
  const r = eventsFileSchema.safeParse(value);
  if (!r.success) throw new InputError(file, issuesOf(r.error));
  return Array.isArray(r.data) ? r.data : r.data.events;
}

/** Parses a `--set` value: numbers, booleans, null, JSON, else the raw string. */
export function parseSetValue(raw: string): unknown {
  const t = raw.trim();
  if (t === 'true') return true;
  if (t === 'false') return false;
  if (t === 'null') return null;
  if (t !== '' && !Number.isNaN(Number(t))) return Number(t);
  if (/^[[{"]/.test(t)) {
    try { return JSON.parse(t); } catch { /* fall through to the raw string */ }
  }
  return raw;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Applies `key.path=value` to a raw scenario object (before validation, so the result is
 * validated as a whole). A bare model parameter name (`mu`) means `params.mu`; a scenario
 * alias (`actors`) expands to its path. Unknown paths throw, listing what is valid.
 */
export function applySet(raw: Record<string, unknown>, assignment: string, file = '--set'): void {
  const eq = assignment.indexOf('=');
  if (eq <= 0) throw new InputError(file, [{ path: assignment, message: "expected key.path=value" }]);
  let key = assignment.slice(0, eq).trim();
  const value = parseSetValue(assignment.slice(eq + 1));
  const aliases = (raw.aliases ?? {}) as Record<string, string>;
  if (Object.hasOwn(aliases, key) && typeof aliases[key] === 'string') key = aliases[key];
  else if (Object.hasOwn(PARAMS, key)) key = `params.${key}`;
  const parts = key.split('.');
  // Keys that reach an object's prototype are never fields: refusing them keeps a link or a
  // batch spec from changing Object.prototype for the rest of the process.
  if (parts.some((p) => FORBIDDEN_KEYS.has(p))) {
    throw new InputError(file, [{ path: key, message: `'${parts.find((p) => FORBIDDEN_KEYS.has(p))}' is not a parameter or scenario field. ${validSetKeysText(raw)}` }]);
  }
  const known = new Set([...Object.keys(raw), 'params', 'opgave', 'population', 'ticks']);
  if (parts.length === 1 && !known.has(key)) {
    throw new InputError(file, [{ path: key, message: `no field '${key}' in the scenario. ${validSetKeysText(raw)}` }]);
  }
  let obj: Record<string, unknown> = raw;
  for (let i = 0; i < parts.length - 1; i++) {
    const p = parts[i];
    let next = Object.hasOwn(obj, p) ? obj[p] : undefined;
    // Optional sections that the file leaves to their defaults are created on demand.
    if (next === undefined && obj === raw && (p === 'params' || p === 'opgave')) next = obj[p] = {};
    if (next === null || typeof next !== 'object') {
      throw new InputError(file, [{ path: key, message: `no field '${parts.slice(0, i + 1).join('.')}' in the scenario. ${validSetKeysText(raw)}` }]);
    }
    obj = next as Record<string, unknown>;
  }
  // The last key may be a field the file leaves to its default; the schema then checks it.
  const last = parts[parts.length - 1];
  const container = obj;
  container[last] = value;
}

export function validSetKeysText(raw: Record<string, unknown>): string {
  const aliases = Object.keys((raw.aliases ?? {}) as object);
  return `Valid keys: a model parameter (${Object.keys(PARAMS).join(', ')})` +
    (aliases.length ? `, an alias of this scenario (${aliases.join(', ')})` : '') +
    ", or a path into the scenario such as 'opgave.landscape.interdependence', 'actors.0.resources' or 'groups.0.count'.";
}
