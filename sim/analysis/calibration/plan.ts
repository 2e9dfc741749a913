// From a calibration spec to a batch: a seeded Latin hypercube over the parameter ranges (the
// batch's own `lhs` design), every measure the filters read as a kept measure, seeds per point.
// The batch machinery runs it; filters, acceptance and held-out tests come after (filters.ts,
// heldout.ts).
import { InputError } from '../../schema/validate.ts';
import { keptMeasureOf, type KeptMeasure } from '../batch/keep.ts';
import type { BatchSpecInput, KeptMeasureSpec } from '../batch/spec.ts';
import { problemOf, resolveSensitivity, type ResolvedSensitivity } from '../sensitivity/plan.ts';
import type { Problem } from '../sensitivity/problem.ts';
import type { CalibrationSpec } from './spec.ts';

export const CALIBRATION_FORMAT = 'samenspel-calibration/1';
export const OWN_RULES = 'eigen';

export interface ResolvedFilter {
  id: string;
  description: string;
  /** Column of the kept measure compared. */
  left: string;
  op: '<' | '>' | 'between';
  /** A number, or the column of another kept measure. */
  right: number | string | null;
  min?: number;
  max?: number;
}

export interface CalibrationOverrides { points?: number; seeds?: number }

export interface ResolvedCalibration {
  /** Stage 2's problem: every spec parameter, or after screening only the kept ones. */
  problem: Problem;
  filters: ResolvedFilter[];
  /** The kept measures the filters read (stage 1 ranks on them, stage 2 filters on them). */
  measures: KeptMeasureSpec[];
  /** Stage 2's batch (a Latin hypercube over `problem`). */
  batchSpec: BatchSpecInput;
  samples: number;
  seeds: number;
  /** Stage 1, when the spec asks for screening: a Morris analysis over every spec parameter. */
  screening: ResolvedSensitivity | null;
  /** Parameters screened out: held at the scenario's values in stage 2 (spec order). */
  held: string[];
}

/** Stage 2's batch: a seeded Latin hypercube over `problem`'s parameters. */
function stage2BatchSpec(spec: CalibrationSpec, problem: Problem, measures: KeptMeasureSpec[], samples: number, seeds: number): BatchSpecInput {
  return {
    id: spec.id,
    title: spec.title,
    description: spec.description,
    scenarios: [spec.scenario],
    strategies: [spec.strategy ?? { id: OWN_RULES, label: "the scenario's own rules", events: [] }],
    design: {
      type: 'lhs', samples,
      params: Object.fromEntries(problem.parameters.map((p) => [p.name, { min: p.min, max: p.max, integer: p.integer }])),
    },
    replications: seeds,
    ticks: spec.ticks,
    seed: spec.seed,
    measures,
    statistics: { resamples: 100, level: spec.statistics.level, by: [] },
  };
}

/** Stage 1 as a sensitivity analysis (Morris, common random numbers) of the filters' measures. */
function screeningOf(spec: CalibrationSpec, file: string, measures: KeptMeasureSpec[], seeds: number, overrideSeeds: boolean): ResolvedSensitivity | null {
  const sc = spec.screening;
  if (!sc) return null;
  try {
    return resolveSensitivity({
      id: `${spec.id}-screening`, title: spec.title, description: spec.description,
      scenario: spec.scenario, strategy: spec.strategy, parameters: spec.parameters, measures,
      method: 'morris', morris: { trajectories: sc.trajectories, levels: sc.levels, candidates: sc.candidates },
      sobol: { samples: 64, secondOrder: false },
      seeds: overrideSeeds ? seeds : (sc.seeds ?? seeds), seed: spec.seed, ticks: spec.ticks,
      statistics: { resamples: sc.resamples, level: spec.statistics.level },
    }, file);
  } catch (e) {
    // The sensitivity planner names its own fields ('morris'); here they live under 'screening'.
    if (e instanceof InputError) throw new InputError(file, e.issues.map((i) => ({ ...i, path: i.path === 'morris' ? 'screening' : i.path })));
    throw e;
  }
}

/** Stage 2 after screening: the Latin hypercube over the kept parameters only (others held). */
export function narrowCalibration(spec: CalibrationSpec, resolved: ResolvedCalibration, kept: readonly string[]): ResolvedCalibration {
  const keep = new Set(kept);
  const all = resolved.screening?.problem.parameters ?? resolved.problem.parameters;
  const problem: Problem = { parameters: all.filter((p) => keep.has(p.name)) };
  if (!problem.parameters.length) throw new RangeError('screening kept no parameter');
  return {
    ...resolved, problem, held: all.filter((p) => !keep.has(p.name)).map((p) => p.name),
    batchSpec: stage2BatchSpec(spec, problem, resolved.measures, resolved.samples, resolved.seeds),
  };
}

export function resolveCalibration(spec: CalibrationSpec, file: string, overrides: CalibrationOverrides = {}): ResolvedCalibration {
  const problem = problemOf({ parameters: spec.parameters } as Parameters<typeof problemOf>[0], file);
  const kept = new Map<string, { spec: KeptMeasureSpec; measure: KeptMeasure }>();
  const use = (m: KeptMeasureSpec, path: string): string => {
    const measure = keptMeasureOf(m);
    const prior = kept.get(measure.column);
    if (prior && JSON.stringify(prior.spec) !== JSON.stringify(m)) {
      throw new InputError(file, [{ path, message: `column '${measure.column}' is already kept with another definition; give this one a different 'name'` }]);
    }
    kept.set(measure.column, { spec: m, measure });
    return measure.column;
  };
  const filters: ResolvedFilter[] = spec.filters.map((f, i) => {
    if ('measure' in f) {
      const left = use(f.measure, `filters[${i}].measure`);
      const bounds = [f.min !== undefined ? `${f.min} < ` : '', left, f.max !== undefined ? ` < ${f.max}` : ''].join('');
      return { id: f.id, description: f.description ?? bounds, left, op: 'between', right: null, min: f.min, max: f.max };
    }
    const left = use(f.left, `filters[${i}].left`);
    const right = typeof f.right === 'number' ? f.right : use(f.right, `filters[${i}].right`);
    return { id: f.id, description: f.description ?? `${left} ${f.op} ${right}`, left, op: f.op, right };
  });
  const samples = overrides.points ?? spec.samples;
  const seeds = overrides.seeds ?? spec.seeds;
  const measures = [...kept.values()].map((k) => k.spec);
  const batchSpec = stage2BatchSpec(spec, problem, measures, samples, seeds);
  const screening = screeningOf(spec, file, measures, seeds, overrides.seeds !== undefined);
  return { problem, filters, measures, batchSpec, samples, seeds, screening, held: [] };
}
