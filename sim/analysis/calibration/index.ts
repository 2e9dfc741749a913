// Calibration by patterns (docs/CALIBRATION.md §6): optional Morris screening (stage 1), then a
// Latin hypercube over the (kept) parameter ranges,
// filtered by descriptive patterns, with the pattern experiments as held-out tests on what
// passes. Pure; the CLI (`samenspel calibrate`) does preregistration, files and workers.
export { calibrationSpecSchema, parseCalibrationSpec, type CalibrationSpec, type FilterSpec, type ScreeningSpec } from './spec.ts';
export { resolveCalibration, narrowCalibration, CALIBRATION_FORMAT, type ResolvedCalibration, type ResolvedFilter, type CalibrationOverrides } from './plan.ts';
export { evaluatePoints, passes, type PointVerdict } from './filters.ts';
export { pointScenario, wilson, summariseHeldout, type HeldoutPoint, type HeldoutRow } from './heldout.ts';
export { pointsCsv, acceptedCsv, heldoutCsv } from './csv.ts';
export { rankScreening, screeningCsv, type ScreeningRank } from './screening.ts';
