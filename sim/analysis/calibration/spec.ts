// The calibration spec (docs/CALIBRATION.md §6): parameter ranges, descriptive filter patterns
// (each a condition on kept measures of one run), the share of seeds that must pass them, the
// held-out tests (pattern experiments, run only on accepted points), seeds and budget.
import { z } from 'zod';
import { keptMeasureSchema, runTimeoutSchema, scenarioEntrySchema, strategyEntrySchema } from '../batch/spec.ts';
import { PATTERN_IDS } from '../patterns/prepare.ts';
import { InputError, issuesOf } from '../../schema/validate.ts';

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const idSchema = z.string().regex(ID, 'lowercase letters and digits, words joined by single dashes');

const parameterSchema = z.object({ min: z.number(), max: z.number(), integer: z.boolean().optional() }).strict()
  .refine((p) => p.min < p.max, { message: 'min must be below max' });

/** A filter: a kept measure within (min, max), or compared with a number or another kept measure. */
const filterSchema = z.union([
  z.object({
    id: idSchema,
    description: z.string().optional(),
    measure: keptMeasureSchema,
    /** Passes when min < value < max (either bound may be left out). */
    min: z.number().optional(),
    max: z.number().optional(),
  }).strict().refine((f) => f.min !== undefined || f.max !== undefined, { message: "give 'min' and/or 'max'" }),
  z.object({
    id: idSchema,
    description: z.string().optional(),
    left: keptMeasureSchema,
    op: z.enum(['<', '>']),
    right: z.union([z.number(), keptMeasureSchema]),
  }).strict(),
]);

/** Stage 1 (optional): Morris screening over the spec's ranges; stage 2 varies only the kept parameters. */
const screeningSchema = z.object({
  method: z.literal('morris'),
  /** r, Morris trajectories (each D + 1 design points). */
  trajectories: z.number().int().min(2).max(10_000).default(10),
  /** p, the grid's levels: an even number. */
  levels: z.number().int().min(2).max(100).refine((p) => p % 2 === 0, { message: 'an even number (Δ = p / (2(p − 1)) lies on the grid only then)' }).default(4),
  /** Draw this many candidate trajectories and keep the r most spread out; omit for plain trajectories. */
  candidates: z.number().int().min(2).max(1000).optional(),
  /** Runs per design point (the same seeds at every point); default the spec's `seeds` (and `--seeds` overrides both). */
  seeds: z.number().int().min(1).max(10_000).optional(),
  /** Bootstrap resamples of mu_star's CI. */
  resamples: z.number().int().min(100).max(100_000).default(1000),
  /** The parameters kept for stage 2: the `count` best ranked, or those whose relative mu_star reaches `threshold` (0–1). */
  keep: z.union([
    z.object({ count: z.number().int().min(1) }).strict(),
    z.object({ threshold: z.number().min(0).max(1) }).strict(),
  ]),
}).strict();

export const calibrationSpecSchema = z.object({
  $schema: z.string().optional(),
  id: idSchema,
  title: z.string().optional(),
  description: z.string().optional(),
  scenario: scenarioEntrySchema,
  strategy: strategyEntrySchema.optional(),
  parameters: z.record(z.string().min(1), parameterSchema).refine((p) => Object.keys(p).length >= 1, { message: 'at least one parameter' }),
  filters: z.array(filterSchema).min(1, 'at least one filter pattern'),
  /** A point is accepted when at least this share of its seeds passes every filter. */
  accept: z.object({ share: z.number().gt(0).max(1) }).strict(),
  heldout: z.object({
    /** Pattern experiments (as `samenspel patterns`), run on every accepted point. */
    patterns: z.array(z.enum(PATTERN_IDS as unknown as [string, ...string[]])).min(1),
    /** Seeds per pattern experiment. */
    seeds: z.number().int().min(2).max(1000).default(10),
  }).strict(),
  screening: screeningSchema.optional(),
  /** Latin hypercube points; `--points` overrides it. */
  samples: z.number().int().min(1).max(100_000),
  /** Runs per point for the filters; `--seeds` overrides it. */
  seeds: z.number().int().min(1).max(10_000),
  seed: z.union([z.number(), z.string()]).default(1),
  ticks: z.number().int().min(1).max(100_000).optional(),
  /** Seconds one run of stage 1 or 2 may take, as in a batch spec (CLI: --run-timeout). */
  runTimeout: runTimeoutSchema,
  statistics: z.object({ level: z.number().gt(0).lt(1).default(0.95) }).strict().default({ level: 0.95 }),
}).strict().superRefine((s, ctx) => {
  const seen = new Set<string>();
  s.filters.forEach((f, i) => {
    if (seen.has(f.id)) ctx.addIssue({ code: 'custom', path: ['filters', i, 'id'], message: `duplicate filter id '${f.id}'` });
    seen.add(f.id);
    const kept = 'measure' in f ? [f.measure] : [f.left, ...(typeof f.right === 'number' ? [] : [f.right])];
    for (const m of kept) {
      if (m.keep === 'threshold' || m.keep === 'series') ctx.addIssue({ code: 'custom', path: ['filters', i], message: `a filter compares numbers; '${m.keep}' measures give none every run` });
    }
  });
});

export type CalibrationSpec = z.output<typeof calibrationSpecSchema>;
export type FilterSpec = CalibrationSpec['filters'][number];
export type ScreeningSpec = NonNullable<CalibrationSpec['screening']>;

export function parseCalibrationSpec(value: unknown, file = '<calibration spec>'): CalibrationSpec {
  const r = calibrationSpecSchema.safeParse(value);
  if (!r.success) throw new InputError(file, issuesOf(r.error));
  return r.data;
}
