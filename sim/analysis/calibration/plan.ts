// From a calibration spec to a batch: a seeded Latin hypercube over the parameter ranges (the
// batch's own `lhs` design), every measure the filters read as a kept measure, seeds per point.
// The batch machinery runs it; filters, acceptance and held-out tests come after (filters.ts,
// heldout.ts).
import { InputError } from '../../schema/validate.ts';
import { keptMeasureOf, type KeptMeasure } from '../batch/keep.ts';
import type { BatchSpecInput, KeptMeasureSpec } from '../batch/spec.ts';
import { problemOf } from '../sensitivity/plan.ts';
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
  problem: Problem;
  filters: ResolvedFilter[];
  batchSpec: BatchSpecInput;
  samples: number;
  seeds: number;
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
  const batchSpec: BatchSpecInput = {
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
    measures: [...kept.values()].map((k) => k.spec),
    statistics: { resamples: 100, level: spec.statistics.level, by: [] },
  };
  return { problem, filters, batchSpec, samples, seeds };
}
