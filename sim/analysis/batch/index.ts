// Batch comparison of strategies: the pure core shared by the CLI (`samenspel batch`, `merge`,
// `report`) and the app's Compare panel. No Node APIs: callers read files and start workers.
//
// Typical use (docs/BATCH.md):
//   const spec = parseBatchSpec(JSON.parse(text), 'my-batch.json');          // zod, InputError
//   const { batch, scenarios } = resolveBatch(spec, { file, loadScenario }); // checks everything
//   const plans = expandRuns(batch);                                        // fixed, ordered runs
//   const runner = createRunner(batch, scenarios);                          // in a worker
//   const results = plans.map((p) => runner.run(p));                        // RunResult per run
//   const summary = summarise(batch, plans, results);                       // cells + pair verdicts
//   runsCsv(batch, plans, results); summaryCsv(batch, summary); formatSummaryText(batch, summary);
export {
  batchSpecSchema, parseBatchSpec, defaultScenarioId, scenarioEntryId, MAX_TICKS,
  type BatchSpec, type BatchSpecInput, type ScenarioEntry, type StrategyEntry, type DesignSpec, type KeptMeasureSpec,
} from './spec.ts';
export {
  keptMeasureOf, createKeeper, scalarMeasures, seriesMeasures, windowOf,
  type KeptMeasure, type KeepKind, type Keeper,
} from './keep.ts';
export {
  factorialPoints, lhsPoints, parseDesignCsv, prototypeKey, resolveDesign, paramValueProblem, modelParamOf,
  type DesignPoint, type ParamValue, type ResolvedDesign,
} from './design.ts';
export {
  resolveBatch, batchFingerprint, expandRuns, selectShard, parseShard, runIdOf, prepareScenario, assignment, pad, BATCH_FORMAT,
  type ResolvedBatch, type ResolvedScenario, type ResolvedStrategy, type RunPlan, type Shard,
  type LoadedScenario, type BatchScenarios, type ResolveOptions,
} from './plan.ts';
export { executeRun, createRunner, strategyRules, type RunResult, type BatchRunner } from './execute.ts';
export { summarise, holmAdjust, type BatchSummary, type SummaryRow, type PairRow } from './summary.ts';
export { seriesBands, normalQuantile, type SeriesBand } from './bands.ts';
export { runsCsv, seriesCsv, summaryCsv, pairsCsv, failuresCsv, type RunFailure } from './csv.ts';
export { formatSummaryText, formatStat } from './table.ts';
export { actorHeader, actorRows, actorSampler } from './actors.ts';
export { parseUntil, untilCondition, untilMet, UNTIL_OPS, type UntilCondition, type UntilOp } from './until.ts';
