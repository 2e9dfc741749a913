// The one driver loop (Mesa's model.step() loop): create → record → step → record …, with
// events applied inside step(). The CLI's `run`, the batch workers, the app's worker and the
// pattern experiments all advance runs through `drive`, so the model runs headless exactly
// as it runs under the UI, by construction.
import { createRecorder, type Recorder } from './recorder.ts';
import { createRun, ENGINE_VERSION, type Run, type RunConfig } from './run.ts';
import { MEASURE_KEYS } from '../schema/measures.ts';
import type { LogEntry } from './log.ts';
import type { Rules } from '../schema/rules.ts';
import type { Scenario, ScenarioEvent } from '../schema/scenario.ts';
import type { SavedRun } from './saved.ts';

/** Called with the run after every tick (and, from `simulate`, once before the first). */
export type TickObserver = (run: Run) => void;
/** A stop condition, asked after every tick: true ends the drive early. */
export type StopCondition = (run: Run) => boolean;

/**
 * Steps `run` up to `ticks` times, calling `observe` after each tick; stops early when
 * `until` says so. Returns the number of ticks run.
 */
export function drive(run: Run, ticks: number, observe: TickObserver, until?: StopCondition): number {
  for (let t = 0; t < ticks; t++) {
    run.step();
    observe(run);
    if (until !== undefined && until(run)) return t + 1;
  }
  return ticks;
}

export interface SimulateConfig extends RunConfig {
  ticks: number;
  /** After every tick, after the recorder (progress bars, per-actor samplers). */
  onTick?: TickObserver;
  until?: StopCondition;
}

/** A whole run, recorded from tick 0: what the CLI, batch and experiments call. */
export function simulate(config: SimulateConfig): { run: Run; recorder: Recorder } {
  const run = createRun(config);
  const recorder = createRecorder(config.ticks);
  const onTick = config.onTick;
  const observe: TickObserver = onTick ? (r) => { recorder.collect(r); onTick(r); } : (r) => recorder.collect(r);
  observe(run);
  drive(run, config.ticks, observe, config.until);
  return { run, recorder };
}

/** The run as JSON: everything needed to reproduce it exactly. */
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

export function runToJson(run: Run, recorder: Recorder): RunJson {
  const measures: Record<string, number> = {};
  MEASURE_KEYS.forEach((k, i) => { measures[k] = run.measures[i]; });
  return {
    scenario: run.scenario,
    rules: run.startRules,
    seed: run.seed,
    ticks: run.tick,
    version: ENGINE_VERSION,
    series: recorder.toObjects(),
    events: [...run.events],
    log: [...run.log],
    final: { tick: run.tick, measures, state: run.save() },
  };
}
