// The engine's metadata for the UI thread: rule options, presets, parameter and measure
// tables. Imported from their own modules, not from sim/index.ts, so the tick pipeline
// (sim/run.ts and its mechanisms) is never loaded on the UI thread: it runs in the worker.
export { PRESETS, DEFAULT_RULES, RULE_OPTIONS, RULE_LABELS, OPTION_LABELS, type Rules, type PartialRules, type BehaviourMix } from '../sim/rules.ts';
export { PARAMS, type ParamSpec, type Bilingual } from '../sim/params.ts';
export { MEASURES, MEASURE_KEYS, MEASURE_INDEX } from '../sim/measures.ts';
export type { ScenarioEvent } from '../sim/scenario.ts';
export type { LogEntry } from '../sim/log.ts';
export type { Intervention } from '../sim/run.ts';
export { parseEvents, InputError } from '../sim/validate.ts';
