// Save and restore: a run's whole state as plain JSON (typed arrays as {type, data}), so a
// run can be continued bit for bit in another process, thread or browser.
import type { Params } from '../schema/params.ts';
import type { Rules } from '../schema/rules.ts';
import type { Scenario, ScenarioEvent } from '../schema/scenario.ts';
import type { LogEntry } from './log.ts';
import type { RngState } from './rng.ts';
import type { State } from './state.ts';

export interface SavedRun {
  version: string;
  scenario: Scenario;
  seed: number | string;
  /** The rules the run started with (before any rules event or intervention); absent in
   * runs saved before it was recorded, which then restore with `rules`. */
  startRules: Rules;
  rules: Rules;
  params: Params;
  events: ScenarioEvent[];
  eventCursor: number;
  interventions: ScenarioEvent[];
  log: LogEntry[];
  rng: RngState;
  state: Record<string, number | { type: string; data: number[] }>;
  measures: number[];
}

const TYPED: Record<string, new (d: number[]) => ArrayBufferView> = {
  Float64Array, Float32Array, Int32Array, Uint8Array, Uint16Array,
};

/** The state's numbers and typed arrays as plain JSON values. */
export function stateToJson(state: State): SavedRun['state'] {
  const out: SavedRun['state'] = {};
  for (const [key, v] of Object.entries(state)) {
    if (typeof v === 'number') out[key] = v;
    else if (ArrayBuffer.isView(v)) out[key] = { type: v.constructor.name, data: Array.from(v as unknown as ArrayLike<number>) };
  }
  return out;
}

export function stateFromJson(saved: SavedRun['state']): State {
  const state = {} as Record<string, unknown>;
  for (const [key, v] of Object.entries(saved)) {
    if (typeof v === 'number') state[key] = v;
    else {
      const Typed = TYPED[v.type];
      if (!Typed) throw new RangeError(`saved state field '${key}' has an unknown array type '${v.type}'`);
      state[key] = new Typed(v.data);
    }
  }
  return state as unknown as State;
}
