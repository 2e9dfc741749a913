// The engine's public face for drivers (cli/, workers/, bench/, tests/); the app's UI thread imports
// sim/meta.ts instead, so the tick pipeline loads only in its worker.
export { PARAMS, defaultParams, type Params, type ParamKey, type ParamSpec, type Bilingual } from './schema/params.ts';
export {
  PRESETS, DEFAULT_RULES, RULE_OPTIONS, RULE_LABELS, OPTION_LABELS, findPreset, resolveRules, rulesSchema, partialRulesSchema,
  type Rules, type PartialRules, type RulesChange, type Preset, type BehaviourMix,
} from './schema/rules.ts';
export {
  scenarioSchema, eventSchema, eventsFileSchema, ARCHETYPES, TRAITS, knobsPerAspect, MAX_KNOBS, MAX_KNOBS_TURBULENT,
  type Scenario, type ScenarioInput, type ScenarioEvent, type EventType, type Archetype,
} from './schema/scenario.ts';
export { actorNames, checkEvents, eventIssues, type EventCheckOptions } from './schema/events.ts';
export { InputError, parseScenario, parseEvents, parseJsonText, applySet, parseSetValue, validSetKeysText, issuesOf, type Issue } from './schema/validate.ts';
export { MEASURES, MEASURE_KEYS, MEASURE_INDEX, type MeasureSpec } from './schema/measures.ts';
export { ACTOR_OUTPUT_COLUMNS, ACTOR_ASPECT_COLUMNS, actorColumnNames, type ColumnSpec } from './schema/actorColumns.ts';
export { dataDictionary, MEASURE_DICTIONARY, type DictionaryEntry } from './schema/dictionary.ts';
export {
  createRun, restoreRun, scenarioRules, scenarioParams, ENGINE_VERSION,
  type Run, type RunConfig, type SavedRun, type Intervention,
} from './engine/run.ts';
export { createRecorder, seriesToCsv, type Recorder } from './engine/recorder.ts';
export type { LogEntry } from './engine/log.ts';
export { createRng, deriveSeed, type Rng } from './engine/rng.ts';
export { OUTSIDE, PERIPHERY, CORE, NETWERKER, TRANSACTIONEEL, MEELIFTER, type State, type ActorMeta } from './engine/state.ts';
export { drive, simulate, runToJson, type SimulateConfig, type RunJson, type TickObserver, type StopCondition } from './engine/driver.ts';
export * as batch from './analysis/batch/index.ts';
export * as canonical from './docking/index.ts';
export * as patterns from './analysis/patterns/index.ts';
export * as sensitivity from './analysis/sensitivity/index.ts';
export * as calibration from './analysis/calibration/index.ts';
export { importActorAnalysis, scenarioJsonText, decodeText, columnsHelp, ACTOR_COLUMNS, TIE_COLUMNS, type ActorAnalysisInput } from './import/index.ts';
export * from './analysis/batch/index.ts';
