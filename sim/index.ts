// The engine's public face. Drivers (cli/, workers/, viz/) import from here only.
export { PARAMS, defaultParams, type Params, type ParamKey, type ParamSpec, type Bilingual } from './params.ts';
export {
  PRESETS, DEFAULT_RULES, RULE_OPTIONS, RULE_LABELS, OPTION_LABELS, findPreset, resolveRules, rulesSchema, partialRulesSchema,
  type Rules, type PartialRules, type Preset, type BehaviourMix,
} from './rules.ts';
export {
  scenarioSchema, eventSchema, eventsFileSchema, ARCHETYPES, TRAITS,
  type Scenario, type ScenarioInput, type ScenarioEvent, type EventType, type Archetype,
} from './scenario.ts';
export { InputError, parseScenario, parseEvents, parseJsonText, applySet, parseSetValue, validSetKeysText, issuesOf, type Issue } from './validate.ts';
export { MEASURES, MEASURE_KEYS, MEASURE_INDEX, type MeasureSpec } from './measures.ts';
export {
  createRun, restoreRun, scenarioRules, scenarioParams, ENGINE_VERSION,
  type Run, type RunConfig, type SavedRun, type Intervention,
} from './run.ts';
export { createRecorder, seriesToCsv, type Recorder } from './recorder.ts';
export type { LogEntry } from './log.ts';
export { createRng, deriveSeed, type Rng } from './rng.ts';
export { OUTSIDE, PERIPHERY, CORE, NETWERKER, TRANSACTIONEEL, MEELIFTER, type State, type ActorMeta } from './state.ts';
export { simulate, runToJson, type SimulateConfig, type RunJson } from './simulate.ts';
export * as batch from './batch/index.ts';
export * as canonical from './canonical/index.ts';
export * as patterns from './patterns/index.ts';
export { importActorAnalysis, scenarioJsonText, decodeText, columnsHelp, ACTOR_COLUMNS, TIE_COLUMNS, type ActorAnalysisInput } from './import/index.ts';
