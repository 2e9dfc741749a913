// Calibration by patterns (docs/CALIBRATION.md §6): a Latin hypercube over parameter ranges,
// filtered by descriptive patterns, with the pattern experiments as held-out tests on what
// passes. Pure; the CLI (`samenspel calibrate`) does preregistration, files and workers.
export { calibrationSpecSchema, parseCalibrationSpec, type CalibrationSpec, type FilterSpec } from './spec.ts';
export { resolveCalibration, CALIBRATION_FORMAT, type ResolvedCalibration, type ResolvedFilter, type CalibrationOverrides } from './plan.ts';
export { evaluatePoints, passes, type PointVerdict } from './filters.ts';
export { pointScenario, wilson, summariseHeldout, type HeldoutPoint, type HeldoutRow } from './heldout.ts';
export { pointsCsv, acceptedCsv, heldoutCsv } from './csv.ts';
