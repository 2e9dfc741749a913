// Sensitivity analysis (docs/CALIBRATION.md): Morris screening and Sobol' indices over a
// parameter design run as a batch. Pure and deterministic: designs and bootstrap CIs draw from
// seeded generators; the CLI (`samenspel sensitivity`) does the files and worker threads.
export { sensitivitySpecSchema, parseSensitivitySpec, METHODS, type SensitivitySpec, type SensitivityMethod } from './spec.ts';
export { valueFromSample, valueFromLevel, unitOf, INTEGER_RULES, type Problem, type SensitivityParameter } from './problem.ts';
export { createSobolSequence, directionIntegers, type SobolSequence } from './sobol-sequence.ts';
export { saltelliDesign, saltelliRowsPerSample, type SaltelliDesign } from './saltelli.ts';
export { sobolIndices, type SobolIndex } from './sobol-indices.ts';
export { morrisDesign, spreadOut, unitStep, type MorrisDesign, type MorrisOptions } from './morris.ts';
export { elementaryEffects, morrisIndices, type MorrisIndex } from './elementary-effects.ts';
export { bootstrapHalfWidth, forEachResample, confHalfWidth, sampleSd, type ConfOptions } from './bootstrap-conf.ts';
export {
  resolveSensitivity, problemOf, SENSITIVITY_FORMAT, DESIGN_FILE, OWN_RULES,
  type ResolvedSensitivity, type SensitivityRecord, type SensitivityOverrides,
} from './plan.ts';
export { pointMeans, sensitivityIndices, INDEX_COLUMNS, type IndexRow, type PointMeans } from './analyse.ts';
export { indicesCsv } from './csv.ts';
