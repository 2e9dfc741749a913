// From a validated spec to a resolved batch (scenarios loaded and checked, design points,
// kept measures with their columns) and from there to the fixed, ordered run list. A runId
// is derived from its cell (`jeugdhulp__faciliterend__d003__r017`), never from a counter
// over the list, and its seed is deriveSeed(base seed, runId): adding a strategy, scenario
// or replication never changes another run's id or seed.
import { PRESETS, type PartialRules } from '../../schema/rules.ts';
import { deriveSeed } from '../../engine/rng.ts';
import { ENGINE_VERSION } from '../../engine/run.ts';
import type { Scenario, ScenarioEvent } from '../../schema/scenario.ts';
import { applySet, InputError, parseScenario, type Issue } from '../../schema/validate.ts';
import { resolveDesign, type ParamValue, type ResolvedDesign } from './design.ts';
import { keptMeasureOf, windowOf, type KeptMeasure } from './keep.ts';
import { scenarioEntryId, type BatchSpec } from './spec.ts';
import { eventIssues } from '../../schema/events.ts';

export const BATCH_FORMAT = 'samenspel-batch/1';

export interface ResolvedScenario {
  id: string;
  /** As written in the spec: a shipped name or a path. */
  source: string;
  /** Overrides from the spec entry (`--set` style). */
  sets: string[];
  /** Ticks per run (the override, the spec's, or the scenario's own). */
  ticks: number;
  title: string;
  /** FNV-1a of the scenario JSON after overrides: --resume and merge refuse a changed scenario. */
  hash: number;
}

export interface ResolvedStrategy {
  id: string;
  label: string;
  preset: string | null;
  rules: PartialRules | null;
  /** Scheduled interventions (levers). */
  events: ScenarioEvent[];
}

/** Everything a batch's runs and statistics depend on; JSON, stored in manifest.json. */
export interface ResolvedBatch {
  format: typeof BATCH_FORMAT;
  engineVersion: string;
  id: string;
  title: string | null;
  description: string | null;
  seed: number | string;
  /** Present (true) only when replicates share their seed across design points (common random numbers). */
  commonSeeds?: true;
  replications: number;
  scenarios: ResolvedScenario[];
  strategies: ResolvedStrategy[];
  design: ResolvedDesign | null;
  measures: KeptMeasure[];
  seriesEvery: number;
  statistics: { resamples: number; level: number; by: string[] };
  /** Per-actor output every `every` ticks; absent without (so older manifests keep their fingerprint). */
  actors?: { every: number };
}

/** A scenario as loaded, before the spec entry's overrides. */
export interface LoadedScenario { raw: unknown; file: string }

/** What a worker needs besides the batch: each scenario's JSON with its entry overrides applied. */
export interface BatchScenarios { [id: string]: LoadedScenario }

export interface ResolveOptions {
  /** The spec's file name, for error messages. */
  file: string;
  /** Loads a scenario by its spec source (shipped name or path); the CLI reads files, the app its bundle. */
  loadScenario: (source: string) => LoadedScenario;
  /** The design file's text for a `csv` design. */
  designText?: string;
  /** Quick-trial overrides (`--replications`, `--ticks`). */
  replications?: number;
  ticks?: number;
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** `name=value` for applySet, so design values go through the same path as `--set`. */
export function assignment(name: string, value: ParamValue): string {
  return `${name}=${typeof value === 'string' ? value : JSON.stringify(value)}`;
}

/** The scenario of one run: the entry's JSON plus a design point's values, validated. */
export function prepareScenario(loaded: LoadedScenario, values: Record<string, ParamValue> | null): Scenario {
  const raw = clone(loaded.raw) as Record<string, unknown>;
  const sets = values ? Object.entries(values).map(([k, v]) => assignment(k, v)) : [];
  for (const s of sets) applySet(raw, s, loaded.file);
  return parseScenario(raw, sets.length ? `${loaded.file} (with ${sets.join(' ')})` : loaded.file);
}

function nestIssues(error: unknown, path: string): Issue[] {
  if (error instanceof InputError) {
    return error.issues.map((i) => ({ path, message: `${error.file}: ${i.path ? `${i.path}: ` : ''}${i.message}` }));
  }
  throw error;
}

/**
 * Resolves a spec: loads and checks every scenario with its overrides and with every design
 * point, resolves the design and the kept measures. Throws InputError naming the spec file,
 * the field and what was expected.
 */
export function resolveBatch(spec: BatchSpec, opts: ResolveOptions): { batch: ResolvedBatch; scenarios: BatchScenarios } {
  const { file } = opts;
  const design = spec.design ? resolveDesign(spec.design, spec.seed, opts.designText, file) : null;
  const issues: Issue[] = [];

  const measures = spec.measures.map(keptMeasureOf);
  const fixed = new Set(['runId', 'scenario', 'strategy', 'design', 'replicate', 'seed', 'ticks', 'tick', ...(design?.params ?? [])]);
  const seen = new Map<string, number>();
  measures.forEach((m, i) => {
    const key = `${m.keep === 'series' ? 'series' : 'runs'}:${m.column}`;
    if (seen.has(key)) issues.push({ path: `measures[${i}]`, message: `column '${m.column}' is already kept by measures[${seen.get(key)}]; give one a different 'name' or remove it` });
    else if (fixed.has(m.column)) issues.push({ path: `measures[${i}].name`, message: `'${m.column}' is a reserved column name; choose another 'name'` });
    seen.set(key, i);
  });

  const scenarios: BatchScenarios = {};
  const resolvedScenarios: ResolvedScenario[] = [];
  spec.scenarios.forEach((entry, i) => {
    const id = scenarioEntryId(entry);
    let loaded: LoadedScenario;
    let scenario: Scenario;
    try {
      const base = opts.loadScenario(entry.scenario);
      const raw = clone(base.raw);
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
        throw new InputError(base.file, [{ path: '', message: 'expected a JSON object (a scenario)' }]);
      }
      for (const s of entry.set) applySet(raw as Record<string, unknown>, s, base.file);
      loaded = { raw, file: entry.set.length ? `${base.file} (with ${entry.set.join(' ')})` : base.file };
      scenario = parseScenario(raw, loaded.file);
    } catch (e) {
      if (!(e instanceof InputError)) {
        issues.push({ path: `scenarios[${i}].scenario`, message: (e as Error).message });
        return;
      }
      issues.push(...nestIssues(e, `scenarios[${i}]`));
      return;
    }
    // Every strategy's events must name what exists in every scenario it runs on.
    spec.strategies.forEach((st, j) => {
      for (const issue of eventIssues(scenario, st.events, { prefix: `strategies[${j}].events` })) {
        issues.push({ path: issue.path, message: `${issue.message} (in scenario '${id}')` });
      }
    });
    for (const pt of design?.points ?? []) {
      try {
        prepareScenario(loaded, pt.values);
      } catch (e) {
        issues.push(...nestIssues(e, `design (point d${pad(pt.index)}, scenario '${id}')`));
        if (issues.length > 20) break;
      }
    }
    const ticks = opts.ticks ?? spec.ticks ?? scenario.ticks;
    measures.forEach((m, j) => {
      if (m.keep === 'mean' && !windowOf(m, ticks)) {
        issues.push({ path: `measures[${j}]`, message: `window ticks ${m.from ?? 0}–${m.to ?? ticks} does not fit runs of ${ticks} ticks (scenario '${id}'); use 'last' for a window at the end of any run length` });
      }
    });
    scenarios[id] = loaded;
    resolvedScenarios.push({ id, source: entry.scenario, sets: entry.set, ticks, title: scenario.title.en, hash: deriveSeed(0, JSON.stringify(loaded.raw)) });
  });
  if (issues.length) throw new InputError(file, issues);

  const strategies: ResolvedStrategy[] = spec.strategies.map((s) => ({
    id: s.id,
    label: s.label ?? (s.preset && !s.rules && !s.events.length ? PRESETS.find((p) => p.id === s.preset)!.title.en : s.id),
    preset: s.preset ?? null,
    rules: s.rules ?? null,
    events: s.events,
  }));

  const batch: ResolvedBatch = {
    format: BATCH_FORMAT,
    engineVersion: ENGINE_VERSION,
    id: spec.id,
    title: spec.title ?? null,
    description: spec.description ?? null,
    seed: spec.seed,
    // Only when set, so manifests of batches without it keep their fingerprint.
    ...(spec.commonSeeds ? { commonSeeds: true as const } : {}),
    replications: opts.replications ?? spec.replications,
    scenarios: resolvedScenarios,
    strategies,
    design,
    measures,
    seriesEvery: spec.seriesEvery,
    statistics: spec.statistics,
    ...(spec.actors ? { actors: { every: spec.actors.every } } : {}),
  };
  return { batch, scenarios };
}

/**
 * What results depend on, as text: the batch without its wording (labels, titles), so that
 * --resume and merge accept directories whose only difference is how a measure is described.
 */
export function batchFingerprint(batch: ResolvedBatch): string {
  return JSON.stringify({
    ...batch,
    title: null,
    description: null,
    scenarios: batch.scenarios.map((s) => ({ ...s, title: '' })),
    strategies: batch.strategies.map((s) => ({ ...s, label: '' })),
    measures: batch.measures.map((m) => ({ ...m, label: '' })),
  });
}

/** One run of the batch. */
export interface RunPlan {
  /** Position in the full, ordered run list (0-based); files are written in this order. */
  index: number;
  runId: string;
  scenario: string;
  strategy: string;
  /** Design point index (1-based), or null without a design. */
  design: number | null;
  /** The design point's parameter values ({} without a design). */
  params: Record<string, ParamValue>;
  /** 1-based. */
  replicate: number;
  seed: number;
  ticks: number;
}

/** Zero-padded to at least 3 digits; wider numbers keep their digits (r999, r1000). */
export const pad = (i: number) => String(i).padStart(3, '0');

export function runIdOf(scenario: string, strategy: string, design: number | null, replicate: number): string {
  return [scenario, strategy, ...(design === null ? [] : [`d${pad(design)}`]), `r${pad(replicate)}`].join('__');
}

/**
 * The full run list: scenario, then strategy, then design point, then replicate. Seeds come
 * from the runId, or with `commonSeeds` from the runId without its design part.
 */
export function expandRuns(batch: ResolvedBatch): RunPlan[] {
  const plans: RunPlan[] = [];
  const points = batch.design?.points ?? [null];
  for (const sc of batch.scenarios) {
    for (const st of batch.strategies) {
      for (const pt of points) {
        for (let r = 1; r <= batch.replications; r++) {
          const runId = runIdOf(sc.id, st.id, pt ? pt.index : null, r);
          const seedLabel = batch.commonSeeds ? runIdOf(sc.id, st.id, null, r) : runId;
          plans.push({
            index: plans.length, runId, scenario: sc.id, strategy: st.id, design: pt ? pt.index : null,
            params: pt ? pt.values : {}, replicate: r, seed: deriveSeed(batch.seed, seedLabel), ticks: sc.ticks,
          });
        }
      }
    }
  }
  return plans;
}

export interface Shard { k: number; n: number }

/** Shard k of n (k = 1 … n): the runs whose list index ≡ k − 1 (mod n), so shards interleave. */
export function selectShard(plans: readonly RunPlan[], shard: Shard | null): RunPlan[] {
  if (!shard || shard.n === 1) return plans.slice();
  return plans.filter((p) => p.index % shard.n === shard.k - 1);
}

/** Parses 'k/n' (1 ≤ k ≤ n); throws a RangeError with the expectation. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const k = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || n < 1 || k < 1 || k > n) throw new RangeError(`expected k/n with 1 ≤ k ≤ n (e.g. 2/8), got '${text}'`);
  return { k, n };
}
