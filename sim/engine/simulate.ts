// The headless driver every front end shares: create, step T ticks, collect. The CLI, the
// batch workers and the app's worker all call this (or step() themselves, identically).
import { createRecorder, type Recorder } from './recorder.ts';
import { createRun, ENGINE_VERSION, type Run, type RunConfig } from './run.ts';
import { MEASURE_KEYS } from '../schema/measures.ts';
import type { LogEntry } from './log.ts';
import type { Rules } from '../schema/rules.ts';
import type { Scenario, ScenarioEvent } from '../schema/scenario.ts';
import type { SavedRun } from './run.ts';

export interface SimulateConfig extends RunConfig { ticks: number }

export function simulate(config: SimulateConfig, onTick?: (run: Run) => void): { run: Run; recorder: Recorder } {
  const run = createRun(config);
  const recorder = createRecorder(config.ticks);
  recorder.collect(run);
  for (let t = 0; t < config.ticks; t++) {
    run.step();
    recorder.collect(run);
    onTick?.(run);
  }
  return { run, recorder };
}

/** The run as JSON: everything needed to reproduce it exactly (ODD.md §3, last line). */
export interface RunJson {
  scenario: Scenario;
  rules: Rules;
  seed: number | string;
  ticks: number;
  version: string;
  series: Record<string, number>[];
  /** Scheduled events and interventions, as an `--events` file would hold them. */
  events: ScenarioEvent[];
  /** The plain-language log. */
  log: LogEntry[];
  final: { tick: number; measures: Record<string, number>; state: SavedRun };
}

export function runToJson(run: Run, recorder: Recorder, initialRules: Rules): RunJson {
  const measures: Record<string, number> = {};
  MEASURE_KEYS.forEach((k, i) => { measures[k] = run.measures[i]; });
  return {
    scenario: run.scenario,
    rules: initialRules,
    seed: run.seed,
    ticks: run.tick,
    version: ENGINE_VERSION,
    series: recorder.toObjects(),
    events: [...run.events],
    log: [...run.log],
    final: { tick: run.tick, measures, state: run.save() },
  };
}
