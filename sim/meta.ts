// The engine's metadata, safe for the UI thread: rule options and presets, parameter,
// measure and event metadata, and the event checks. No tick pipeline is reachable from
// here, so the app's main bundle never loads the engine: that runs in the worker.
export { PRESETS, DEFAULT_RULES, RULE_OPTIONS, RULE_LABELS, OPTION_LABELS, type Rules, type PartialRules, type RulesChange, type BehaviourMix, type Preset } from './schema/rules.ts';
export { PARAMS, type ParamSpec, type ParamKey, type Params, type Bilingual } from './schema/params.ts';
export { MEASURES, MEASURE_KEYS, MEASURE_INDEX, type MeasureSpec } from './schema/measures.ts';
export { ACTOR_OUTPUT_COLUMNS, ACTOR_ASPECT_COLUMNS, actorColumnNames, type ColumnSpec } from './schema/actorColumns.ts';
export { dataDictionary, MEASURE_DICTIONARY, type DictionaryEntry } from './schema/dictionary.ts';
export type { ScenarioEvent, Scenario, LandscapeLiveKey } from './schema/scenario.ts';
export { LANDSCAPE_LIVE, MAX_KNOBS_TURBULENT } from './schema/scenario.ts';
export type { LogEntry } from './engine/log.ts';
export type { Intervention } from './engine/run.ts';
export { parseEvents, InputError } from './schema/validate.ts';
export { actorNames, checkEvents, eventIssues } from './schema/events.ts';
