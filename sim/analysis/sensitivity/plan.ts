// From a sensitivity spec to a batch: the problem (parameters, bounds, integer flags), the
// design generated from the spec's seed, and a batch spec whose design is that list of explicit
// points (a `csv` design, as SALib users feed batch) with common seeds across points. The batch
// machinery then runs, stores, resumes, shards and merges it; nothing here runs anything.
import { deriveSeed, createRng } from '../../engine/rng.ts';
import { InputError, type Issue } from '../../schema/validate.ts';
import { modelParamOf, paramValueProblem } from '../batch/design.ts';
import type { BatchSpecInput } from '../batch/spec.ts';
import { keptMeasureOf } from '../batch/keep.ts';
import { morrisDesign, type MorrisDesign } from './morris.ts';
import { INTEGER_RULES, type Problem } from './problem.ts';
import { saltelliDesign, saltelliRowsPerSample, type SaltelliDesign } from './saltelli.ts';
import { JOE_KUO_DIMENSIONS } from './joe-kuo.ts';
import type { SensitivityMethod, SensitivitySpec } from './spec.ts';

export const SENSITIVITY_FORMAT = 'samenspel-sensitivity/1';
/** The design file inside the output folder (also readable by SALib). */
export const DESIGN_FILE = 'design.csv';
/** Strategy id when the spec gives none: the scenario's own rules. */
export const OWN_RULES = 'eigen';

export interface SensitivityOverrides {
  method?: SensitivityMethod;
  /** Trajectories (Morris) or base samples (Sobol). */
  points?: number;
  seeds?: number;
}

/** What the manifest records about the analysis: everything its indices depend on. */
export interface SensitivityRecord {
  format: typeof SENSITIVITY_FORMAT;
  method: SensitivityMethod;
  parameters: Problem['parameters'];
  integerRule: string;
  design: Record<string, unknown>;
  designPoints: number;
  seeds: number;
  seed: number | string;
  commonRandomNumbers: true;
  measures: string[];
  statistics: { resamples: number; level: number };
}

export interface ResolvedSensitivity {
  method: SensitivityMethod;
  problem: Problem;
  design: MorrisDesign | SaltelliDesign;
  /** A batch spec (validate with parseBatchSpec) whose csv design is `designCsv`. */
  batchSpec: BatchSpecInput;
  designCsv: string;
  record: SensitivityRecord;
}

/** The problem: bounds checked against the model parameters' ranges; integer parameters flagged. */
export function problemOf(spec: SensitivitySpec, file: string): Problem {
  const issues: Issue[] = [];
  const parameters = Object.entries(spec.parameters).map(([name, p]) => {
    const model = modelParamOf(name);
    if (model?.spec.kind === 'enum') issues.push({ path: `parameters.${name}`, message: `${model.key} takes options (${model.spec.options.join(', ')}), not a range; vary it with a batch's factorial design` });
    else for (const end of ['min', 'max'] as const) {
      const problem = paramValueProblem(name, p[end]);
      if (problem) issues.push({ path: `parameters.${name}.${end}`, message: problem });
    }
    if (p.integer === false && model?.spec.kind === 'integer') issues.push({ path: `parameters.${name}.integer`, message: `${model.key} is a whole-number parameter` });
    const integer = p.integer ?? model?.spec.kind === 'integer';
    if (integer && (!Number.isInteger(p.min) || !Number.isInteger(p.max))) issues.push({ path: `parameters.${name}`, message: 'an integer parameter needs whole-number bounds' });
    return { name, min: p.min, max: p.max, integer };
  });
  if (issues.length) throw new InputError(file, issues);
  return { parameters };
}

const designCsvOf = (problem: Problem, values: number[][]) =>
  [problem.parameters.map((p) => p.name).join(','), ...values.map((row) => row.map((v) => String(v)).join(','))].join('\n') + '\n';

export function resolveSensitivity(spec: SensitivitySpec, file: string, overrides: SensitivityOverrides = {}): ResolvedSensitivity {
  const method = overrides.method ?? spec.method;
  if (!method) throw new InputError(file, [{ path: 'method', message: "no method: give --method morris|sobol or \"method\" in the spec" }]);
  const problem = problemOf(spec, file);
  const d = problem.parameters.length;
  const seeds = overrides.seeds ?? spec.seeds;
  let design: MorrisDesign | SaltelliDesign;
  let describe: Record<string, unknown>;
  try {
    if (method === 'morris') {
      const trajectories = overrides.points ?? spec.morris.trajectories;
      design = morrisDesign(problem, {
        trajectories, levels: spec.morris.levels, candidates: spec.morris.candidates,
        random: createRng(deriveSeed(spec.seed, 'design:morris')),
      });
      describe = {
        trajectories, levels: design.levels, delta: design.delta, optimised: design.optimised, candidates: design.candidates,
        rows: `trajectories × (D + 1) = ${trajectories} × ${d + 1}`, generator: "alea seeded deriveSeed(seed, 'design:morris')",
      };
    } else {
      if (2 * d > JOE_KUO_DIMENSIONS) throw new RangeError(`a Sobol design here takes at most ${JOE_KUO_DIMENSIONS / 2} parameters, got ${d}`);
      const samples = overrides.points ?? spec.sobol.samples;
      design = saltelliDesign(problem, samples, { secondOrder: spec.sobol.secondOrder, random: createRng(deriveSeed(spec.seed, 'design:sobol')) });
      describe = {
        samples, secondOrder: design.secondOrder, rowsPerSample: saltelliRowsPerSample(d, design.secondOrder),
        rows: `N × (${design.secondOrder ? '2D + 2' : 'D + 2'}) = ${samples} × ${design.step}`,
        sequence: "Sobol' (Joe & Kuo new-joe-kuo-6.21201), 2D dimensions, digital shift from alea seeded deriveSeed(seed, 'design:sobol')",
        estimators: 'S1: Saltelli et al. (2010); ST: Jansen (1999)',
      };
    }
  } catch (e) {
    if (e instanceof RangeError) throw new InputError(file, [{ path: method, message: e.message }]);
    throw e;
  }
  const designCsv = designCsvOf(problem, design.values);
  const strategy = spec.strategy ?? { id: OWN_RULES, label: "the scenario's own rules", events: [] };
  const batchSpec: BatchSpecInput = {
    id: spec.id,
    title: spec.title,
    description: spec.description,
    scenarios: [spec.scenario],
    strategies: [strategy],
    design: { type: 'csv', file: DESIGN_FILE },
    replications: seeds,
    ticks: spec.ticks,
    seed: spec.seed,
    commonSeeds: true,
    measures: spec.measures,
    statistics: { resamples: spec.statistics.resamples, level: spec.statistics.level, by: [] },
  };
  const record: SensitivityRecord = {
    format: SENSITIVITY_FORMAT,
    method,
    parameters: problem.parameters,
    integerRule: method === 'morris' ? INTEGER_RULES.level : INTEGER_RULES.sample,
    design: describe,
    designPoints: design.values.length,
    seeds,
    seed: spec.seed,
    commonRandomNumbers: true,
    measures: spec.measures.map((m) => keptMeasureOf(m).column),
    statistics: spec.statistics,
  };
  return { method, problem, design, batchSpec, designCsv, record };
}
