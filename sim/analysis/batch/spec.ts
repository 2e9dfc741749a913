// The batch spec (docs/BATCH.md): which scenarios (the uncertainties), which strategies (rule
// presets, rule sets and scheduled levers), which parameter design, how many replications,
// and which measures to keep. Validated with zod; errors name the file, field and expectation.
import { z } from 'zod';
import { MEASURE_KEYS } from '../../schema/measures.ts';
import { partialRulesSchema, PRESETS } from '../../schema/rules.ts';
import { eventSchema } from '../../schema/scenario.ts';
import { InputError, issuesOf } from '../../schema/validate.ts';
import { prototypeKey } from './design.ts';

/** The longest run, in ticks: the scenario schema's own cap on `ticks` (tests/cli/input.test.ts keeps them equal). */
export const MAX_TICKS = 100_000;

/** Ids become parts of runIds (`scenario__strategy__d003__r017`), so no underscores. */
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const idSchema = z.string().regex(ID, 'lowercase letters and digits, words joined by single dashes (e.g. "laat-faciliteren")');
const presetIds = PRESETS.map((p) => p.id) as [string, ...string[]];
const setSchema = z.string().regex(/^[^=]+=.*$/, 'a --set style assignment key.path=value, e.g. "actors=300"');

/** A scenario: a shipped name or a path (relative to the spec file), with optional overrides. */
export const scenarioEntrySchema = z.preprocess(
  (v) => (typeof v === 'string' ? { scenario: v } : v),
  z.object({
    /** Column value and runId part; default: the name, or the file's base name. */
    id: idSchema.optional(),
    scenario: z.string().min(1, 'a shipped scenario name (e.g. "jeugdhulp") or a path to a scenario .json file'),
    set: z.array(setSchema).default([]),
  }).strict(),
);

/** A strategy: a preset and/or partial rules, plus scheduled interventions (levers). */
export const strategyEntrySchema = z.preprocess(
  (v) => (typeof v === 'string' ? { id: v, preset: v } : v),
  z.object({
    id: idSchema,
    label: z.string().min(1).optional(),
    preset: z.enum(presetIds).optional(),
    rules: partialRulesSchema.optional(),
    /** Scheduled interventions (the six-domain levers, rule changes, shocks), as in an events file. */
    events: z.array(eventSchema).default([]),
  }).strict(),
);

const paramValue = z.union([z.number(), z.string(), z.boolean()]);

const designSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('factorial'),
    /** Every combination of these values (last parameter varies fastest). */
    params: z.record(z.string().min(1), z.array(paramValue).min(1, 'at least one value')),
  }).strict(),
  z.object({
    type: z.literal('lhs'),
    /** Latin hypercube samples: each range cut into `samples` strata, each stratum used once. */
    samples: z.number().int().min(1).max(100_000),
    params: z.record(z.string().min(1), z.object({
      min: z.number(),
      max: z.number(),
      /** Round to whole numbers (implied for integer model parameters). */
      integer: z.boolean().optional(),
    }).strict().refine((r) => r.min <= r.max, { message: 'min must not exceed max' })),
  }).strict(),
  z.object({
    type: z.literal('csv'),
    /** A design file (e.g. from SALib): a header row of parameter names, then one row per sample. */
    file: z.string().min(1),
  }).strict(),
]);

const windowFields = {
  /** First tick of the window (inclusive; tick 0 is the initial state). */
  from: z.number().int().min(0).optional(),
  /** Last tick of the window (inclusive; default the final tick). */
  to: z.number().int().min(0).optional(),
  /** The last `last` ticks (instead of from/to); clamped to the run's length. */
  last: z.number().int().min(1).optional(),
};
const measureKey = z.enum(MEASURE_KEYS as [string, ...string[]]);
const columnName = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'a column name: a letter, then letters, digits, _ . or -');

export const keptMeasureSchema = z.preprocess(
  (v) => (typeof v === 'string' ? { measure: v, keep: 'final' } : v),
  z.discriminatedUnion('keep', [
    z.object({ keep: z.literal('final'), measure: measureKey, name: columnName.optional() }).strict(),
    z.object({ keep: z.literal('mean'), measure: measureKey, name: columnName.optional(), ...windowFields }).strict()
      .refine((m) => !(m.last !== undefined && (m.from !== undefined || m.to !== undefined)), {
        message: "give either 'last' or 'from'/'to', not both",
      })
      .refine((m) => m.from === undefined || m.to === undefined || m.from <= m.to, { message: "'from' must not exceed 'to'" }),
    z.object({
      keep: z.literal('threshold'), measure: measureKey, name: columnName.optional(),
      /** First tick at which measure ≥ above … */
      above: z.number().optional(),
      /** … or ≤ below. Never reached: an empty cell (NA). */
      below: z.number().optional(),
    }).strict().refine((m) => (m.above === undefined) !== (m.below === undefined), {
      message: "give exactly one of 'above' (first tick with value ≥ above) or 'below' (first tick with value ≤ below)",
    }),
    z.object({ keep: z.literal('series'), measure: measureKey }).strict(),
  ]),
);

/** Seconds one run may take; a run past it is stopped and recorded in failures.csv (CLI: --run-timeout). Also in sensitivity and calibration specs. */
export const runTimeoutSchema = z.number().positive().max(1_000_000).optional();

export const batchSpecSchema = z.object({
  $schema: z.string().optional(),
  id: idSchema,
  title: z.string().optional(),
  description: z.string().optional(),
  scenarios: z.array(scenarioEntrySchema).min(1, 'at least one scenario'),
  strategies: z.array(strategyEntrySchema).min(1, 'at least one strategy'),
  design: designSchema.optional(),
  replications: z.number().int().min(1).max(1_000_000),
  /** Ticks per run; default each scenario's own `ticks`. */
  ticks: z.number().int().min(1).max(MAX_TICKS).optional(),
  /** Base seed; each run's seed is deriveSeed(seed, runId). */
  seed: z.union([z.number(), z.string()]).default(1),
  /**
   * Common random numbers: replicate r gets the same seed at every design point (the seed of
   * its runId without the design part), so differences between points are not seed noise.
   */
  commonSeeds: z.boolean().optional(),
  measures: z.array(keptMeasureSchema).min(1, 'at least one measure to keep'),
  runTimeout: runTimeoutSchema,
  /** Per-actor rows (actors.csv, long format) every `every` ticks, tick 0 included; see ACTOR_OUTPUT_COLUMNS. */
  actors: z.object({ every: z.number().int().min(1) }).strict().optional(),
  /** Keep every n-th tick of series measures (tick 0 included). */
  seriesEvery: z.number().int().min(1).default(1),
  statistics: z.object({
    /** Bootstrap resamples for the CIs. */
    resamples: z.number().int().min(100).max(100_000).default(2000),
    /** Confidence level of the CIs. */
    level: z.number().gt(0).lt(1).default(0.95),
    /** Design parameters to split summary cells and comparisons by (default: pool over the design). */
    by: z.array(z.string()).default([]),
  }).strict().default({ resamples: 2000, level: 0.95, by: [] }),
}).strict().superRefine((s, ctx) => {
  const dup = (ids: string[], field: string, hint: string) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [field, i, 'id'], message: `duplicate id '${id}'; ${hint}` });
      seen.add(id);
    });
  };
  dup(s.strategies.map((x) => x.id), 'strategies', 'every strategy needs its own id');
  s.scenarios.forEach((x, i) => {
    if (x.id === undefined && defaultScenarioId(x.scenario) === null) {
      ctx.addIssue({ code: 'custom', path: ['scenarios', i, 'id'], message: `cannot derive an id from '${x.scenario}'; give an 'id' (lowercase letters, digits, dashes)` });
    }
  });
  dup(s.scenarios.map((x) => x.id ?? defaultScenarioId(x.scenario) ?? ''), 'scenarios',
    "give each entry an 'id' (e.g. the same scenario with different 'set' overrides)");
  if (s.design && s.design.type !== 'csv') {
    for (const by of s.statistics.by) {
      if (!(by in s.design.params)) {
        ctx.addIssue({ code: 'custom', path: ['statistics', 'by'], message: `'${by}' is not a design parameter; design parameters: ${Object.keys(s.design.params).join(', ')}` });
      }
    }
  } else if (!s.design && s.statistics.by.length) {
    ctx.addIssue({ code: 'custom', path: ['statistics', 'by'], message: 'splitting by parameters needs a design' });
  }
  if (s.design && s.design.type !== 'csv') {
    for (const name of Object.keys(s.design.params)) {
      if (prototypeKey(name)) ctx.addIssue({ code: 'custom', path: ['design', 'params', name], message: `unknown parameter '${name}': not a model parameter or scenario field` });
    }
  }
  if (s.design && s.design.type !== 'csv' && Object.keys(s.design.params).length === 0) {
    ctx.addIssue({ code: 'custom', path: ['design', 'params'], message: 'at least one parameter' });
  }
});

export type BatchSpecInput = z.input<typeof batchSpecSchema>;
export type BatchSpec = z.output<typeof batchSpecSchema>;
export type ScenarioEntry = BatchSpec['scenarios'][number];
export type StrategyEntry = BatchSpec['strategies'][number];
export type DesignSpec = NonNullable<BatchSpec['design']>;
export type KeptMeasureSpec = BatchSpec['measures'][number];

/** `jeugdhulp` → `jeugdhulp`; `../x/mijn-wijk.json` → `mijn-wijk`; null if that is no valid id. */
export function defaultScenarioId(source: string): string | null {
  const base = source.replace(/\\/g, '/').split('/').pop()!.replace(/\.json$/i, '');
  return ID.test(base) ? base : null;
}

export function scenarioEntryId(entry: ScenarioEntry): string {
  return entry.id ?? defaultScenarioId(entry.scenario)!;
}

/** Validates a parsed JSON value as a batch spec; throws InputError naming file, field and expectation. */
export function parseBatchSpec(value: unknown, file = '<batch spec>'): BatchSpec {
  // zod silently drops a "__proto__" key; name it instead, as the unknown parameter it is.
  const protoPaths: string[] = [];
  const walk = (v: unknown, path: string) => {
    if (!v || typeof v !== 'object' || protoPaths.length > 20) return;
    for (const key of Object.keys(v)) {
      const here = Array.isArray(v) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (prototypeKey(key)) protoPaths.push(here);
      else walk((v as Record<string, unknown>)[key], here);
    }
  };
  walk(value, '');
  if (protoPaths.length) {
    throw new InputError(file, protoPaths.map((path) => ({ path, message: `unknown parameter or field '${path.split('.').pop()}'` })));
  }
  const r = batchSpecSchema.safeParse(value);
  if (!r.success) throw new InputError(file, issuesOf(r.error));
  return r.data;
}
