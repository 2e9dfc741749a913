// The sensitivity spec (docs/CALIBRATION.md §1): one scenario (and optionally one strategy),
// the parameters to vary with their bounds, the measures to analyse, the method's sample size,
// and the seeds every design point is run with. Validated with zod; errors name the file, the
// field and what was expected. Scenario, strategy and measure entries are batch spec entries.
import { z } from 'zod';
import { keptMeasureSchema, runTimeoutSchema, scenarioEntrySchema, strategyEntrySchema } from '../batch/spec.ts';
import { InputError, issuesOf } from '../../schema/validate.ts';

export const METHODS = ['morris', 'sobol'] as const;
export type SensitivityMethod = (typeof METHODS)[number];

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const parameterSchema = z.object({
  min: z.number(),
  max: z.number(),
  /** Whole numbers only (implied for integer model parameters). */
  integer: z.boolean().optional(),
}).strict().refine((p) => p.min < p.max, { message: 'min must be below max' });

export const sensitivitySpecSchema = z.object({
  $schema: z.string().optional(),
  id: z.string().regex(ID, 'lowercase letters and digits, words joined by single dashes'),
  title: z.string().optional(),
  description: z.string().optional(),
  scenario: scenarioEntrySchema,
  /** Rules and levers of every run; default the scenario's own rules. */
  strategy: strategyEntrySchema.optional(),
  parameters: z.record(z.string().min(1), parameterSchema)
    .refine((p) => Object.keys(p).length >= 1, { message: 'at least one parameter' }),
  /** Scalar measures (final or window mean); each is analysed on its own. */
  measures: z.array(keptMeasureSchema).min(1, 'at least one measure'),
  /** Default method; `--method` overrides it. */
  method: z.enum(METHODS).optional(),
  morris: z.object({
    /** r, the number of trajectories (each D + 1 design points); `--points` overrides it. */
    trajectories: z.number().int().min(2).max(10_000).default(10),
    /** p, the grid's levels: an even number. */
    levels: z.number().int().min(2).max(100).refine((p) => p % 2 === 0, { message: 'an even number (Δ = p / (2(p − 1)) lies on the grid only then)' }).default(4),
    /** Draw this many candidate trajectories and keep the r most spread out (Campolongo et al. 2007); omit for plain trajectories. */
    candidates: z.number().int().min(2).max(1000).optional(),
  }).strict().default({ trajectories: 10, levels: 4 }),
  sobol: z.object({
    /** N, base samples (best a power of 2); `--points` overrides it. Design points: N·(D + 2), or N·(2D + 2) with second order. */
    samples: z.number().int().min(2).max(1_000_000).default(64),
    /** Add the BA rows of a second-order design (for SALib's S2 on design.csv; samenspel reports S1 and ST). */
    secondOrder: z.boolean().default(false),
  }).strict().default({ samples: 64, secondOrder: false }),
  /** Runs per design point, with the same seeds at every point; averaged per point. `--seeds` overrides it. */
  seeds: z.number().int().min(1).max(10_000).default(5),
  /** Base seed of the runs, the design and the bootstrap. */
  seed: z.union([z.number(), z.string()]).default(1),
  /** Ticks per run; default the scenario's own. */
  ticks: z.number().int().min(1).max(100_000).optional(),
  /** Seconds one run may take, as in a batch spec (CLI: --run-timeout). */
  runTimeout: runTimeoutSchema,
  statistics: z.object({
    resamples: z.number().int().min(100).max(100_000).default(1000),
    level: z.number().gt(0).lt(1).default(0.95),
  }).strict().default({ resamples: 1000, level: 0.95 }),
}).strict().superRefine((s, ctx) => {
  s.measures.forEach((m, i) => {
    if (m.keep === 'threshold' || m.keep === 'series') {
      ctx.addIssue({ code: 'custom', path: ['measures', i, 'keep'], message: `'${m.keep}' gives no single number every run; use 'final' or 'mean'` });
    }
  });
});

export type SensitivitySpec = z.output<typeof sensitivitySpecSchema>;

export function parseSensitivitySpec(value: unknown, file = '<sensitivity spec>'): SensitivitySpec {
  const r = sensitivitySpecSchema.safeParse(value);
  if (!r.success) throw new InputError(file, issuesOf(r.error));
  return r.data;
}
