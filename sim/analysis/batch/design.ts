// Parameter designs: full factorial, seeded Latin hypercube, or an external design file
// (e.g. written by SALib). Each yields an ordered list of design points; a point's index
// (1-based, `d003` in runIds) is fixed by the design alone, not by scenarios or strategies.
import { csvParseRows, tsvParseRows } from 'd3-dsv';
import { PARAMS, type ParamSpec } from '../../schema/params.ts';
import { createRng, deriveSeed } from '../../engine/rng.ts';
import { InputError, type Issue } from '../../schema/validate.ts';
import type { DesignSpec } from './spec.ts';

export type ParamValue = number | string | boolean;

export interface DesignPoint {
  /** 1-based position in the design. */
  index: number;
  values: Record<string, ParamValue>;
}

export interface ResolvedDesign {
  type: 'factorial' | 'lhs' | 'csv';
  /** Parameter names in column order. */
  params: string[];
  points: DesignPoint[];
  /** csv: the file as given in the spec. */
  file?: string;
}

/** The model parameter a design name refers to (`mu` or `params.mu`), if any. */
export function modelParamOf(name: string): { key: string; spec: ParamSpec } | null {
  const key = name.startsWith('params.') ? name.slice(7) : name;
  if (!Object.hasOwn(PARAMS, key)) return null;
  return { key, spec: (PARAMS as Record<string, ParamSpec>)[key] };
}

/** Why a value does not fit a model parameter, or null if it fits (or the name is a scenario path). */
export function paramValueProblem(name: string, value: ParamValue): string | null {
  const p = modelParamOf(name);
  if (!p) return null;
  const { key, spec } = p;
  if (spec.kind === 'enum') {
    return typeof value === 'string' && spec.options.includes(value)
      ? null : `${JSON.stringify(value)} is not an option of ${key}; options: ${spec.options.join(', ')}`;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${key} expects a number, got ${JSON.stringify(value)}`;
  if (spec.kind === 'integer' && !Number.isInteger(value)) return `${key} expects a whole number, got ${value}`;
  if (value < spec.min || value > spec.max) return `${value} is outside ${key}'s range ${spec.min}…${spec.max}`;
  return null;
}

/** A name that would reach an object's prototype (`__proto__`, `constructor.prototype`): never a parameter. */
export function prototypeKey(name: string): boolean {
  return name.split('.').some((part) => part === '__proto__' || part === 'constructor' || part === 'prototype');
}

/** Every combination, the last parameter varying fastest. */
export function factorialPoints(params: Record<string, ParamValue[]>): DesignPoint[] {
  const names = Object.keys(params);
  let combos: ParamValue[][] = [[]];
  for (const name of names) combos = combos.flatMap((c) => params[name].map((v) => [...c, v]));
  return combos.map((c, i) => ({ index: i + 1, values: Object.fromEntries(names.map((n, j) => [n, c[j]])) }));
}

/**
 * Latin hypercube: each range is cut into `samples` equal strata; every stratum of every
 * parameter is used exactly once, paired at random (seeded Fisher–Yates), with a uniform
 * position inside its stratum. Integer parameters use strata over [min, max + 1) and floor.
 */
export function lhsPoints(
  params: Record<string, { min: number; max: number; integer?: boolean }>,
  samples: number,
  seed: number | string,
): DesignPoint[] {
  const rng = createRng(deriveSeed(seed, 'design:lhs'));
  const names = Object.keys(params);
  const columns = names.map((name) => {
    const { min, max } = params[name];
    const integer = params[name].integer ?? modelParamOf(name)?.spec.kind === 'integer';
    const perm = Array.from({ length: samples }, (_, i) => i);
    for (let i = samples - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      const t = perm[i]; perm[i] = perm[j]; perm[j] = t;
    }
    return perm.map((stratum) => {
      const u = (stratum + rng()) / samples;
      if (!integer) return min + u * (max - min);
      const v = Math.floor(min + u * (max - min + 1));
      return v > max ? max : v;
    });
  });
  return Array.from({ length: samples }, (_, i) => ({
    index: i + 1,
    values: Object.fromEntries(names.map((n, j) => [n, columns[j][i]])),
  }));
}

/**
 * A design file: a header row of parameter names (optionally after '#', as numpy's savetxt
 * writes it), then one row per sample. Comma-, tab- or whitespace-separated; numbers, or
 * option names for enum parameters.
 */
export function parseDesignCsv(text: string, file: string): { params: string[]; points: DesignPoint[] } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const headerLine = lines.findIndex((l) => l.trim() !== '');
  if (headerLine < 0) throw new InputError(file, [{ path: '', message: 'empty design file; expected a header row of parameter names, then one row per sample' }]);
  const header = lines[headerLine].replace(/^\s*#\s*/, '');
  const split = header.includes(',') ? (t: string) => csvParseRows(t)[0] ?? []
    : header.includes('\t') ? (t: string) => tsvParseRows(t)[0] ?? []
      : (t: string) => t.trim().split(/\s+/);
  const params = split(header).map((s) => s.trim());
  const issues: Issue[] = [];
  params.forEach((p, j) => {
    if (!p) issues.push({ path: `line ${headerLine + 1}, column ${j + 1}`, message: 'empty parameter name in the header row' });
    else if (prototypeKey(p)) issues.push({ path: `line ${headerLine + 1}, column ${j + 1}`, message: `unknown parameter '${p}': not a model parameter or scenario field` });
    else if (/^-?[\d.]+(e[+-]?\d+)?$/i.test(p)) issues.push({ path: `line ${headerLine + 1}, column ${j + 1}`, message: `'${p}' looks like a number; the first row must name the parameters` });
  });
  if (new Set(params).size !== params.length) issues.push({ path: `line ${headerLine + 1}`, message: 'duplicate parameter names in the header row' });
  const points: DesignPoint[] = [];
  for (let l = headerLine + 1; l < lines.length; l++) {
    if (lines[l].trim() === '' || lines[l].trimStart().startsWith('#')) continue;
    const cells = split(lines[l]).map((s) => s.trim());
    if (cells.length !== params.length) {
      issues.push({ path: `line ${l + 1}`, message: `expected ${params.length} values (${params.join(', ')}), got ${cells.length}` });
      continue;
    }
    const values: Record<string, ParamValue> = {};
    cells.forEach((c, j) => {
      const n = Number(c);
      const isEnum = modelParamOf(params[j])?.spec.kind === 'enum';
      if (c !== '' && Number.isFinite(n) && !isEnum) values[params[j]] = n;
      else if (isEnum && c !== '') values[params[j]] = c;
      else issues.push({ path: `line ${l + 1}, column ${j + 1} (${params[j]})`, message: `expected a number, got '${c}'` });
    });
    points.push({ index: points.length + 1, values });
    if (issues.length > 20) break;
  }
  if (!points.length && !issues.length) issues.push({ path: '', message: 'no samples: expected one row per sample after the header row' });
  if (issues.length) throw new InputError(file, issues);
  return { params, points };
}

/**
 * Resolves a spec's design to points. `csvText` is the design file's content (read by the
 * caller: the CLI from disk, the app from an upload). Values of model parameters are checked
 * against their ranges here; scenario paths are checked when applied to each scenario.
 */
export function resolveDesign(design: DesignSpec, seed: number | string, csvText: string | undefined, specFile: string): ResolvedDesign {
  let resolved: ResolvedDesign;
  if (design.type === 'factorial') {
    resolved = { type: 'factorial', params: Object.keys(design.params), points: factorialPoints(design.params) };
    const issues: Issue[] = [];
    for (const [name, values] of Object.entries(design.params)) {
      values.forEach((v, i) => {
        const problem = paramValueProblem(name, v);
        if (problem) issues.push({ path: `design.params.${name}[${i}]`, message: problem });
      });
    }
    if (issues.length) throw new InputError(specFile, issues);
  } else if (design.type === 'lhs') {
    const issues: Issue[] = [];
    for (const [name, range] of Object.entries(design.params)) {
      const p = modelParamOf(name);
      if (p?.spec.kind === 'enum') issues.push({ path: `design.params.${name}`, message: `${p.key} takes options (${p.spec.options.join(', ')}); use a factorial design for it` });
      else for (const end of ['min', 'max'] as const) {
        const problem = paramValueProblem(name, range[end]);
        if (problem) issues.push({ path: `design.params.${name}.${end}`, message: problem });
      }
    }
    if (issues.length) throw new InputError(specFile, issues);
    resolved = { type: 'lhs', params: Object.keys(design.params), points: lhsPoints(design.params, design.samples, seed) };
  } else {
    if (csvText === undefined) throw new InputError(specFile, [{ path: 'design.file', message: `the design file '${design.file}' was not supplied` }]);
    const { params, points } = parseDesignCsv(csvText, design.file);
    const issues: Issue[] = [];
    for (const pt of points) {
      for (const name of params) {
        const problem = paramValueProblem(name, pt.values[name]);
        if (problem) issues.push({ path: `sample ${pt.index} (${name})`, message: problem });
      }
      if (issues.length > 20) break;
    }
    if (issues.length) throw new InputError(design.file, issues);
    resolved = { type: 'csv', params, points, file: design.file };
  }
  return resolved;
}
