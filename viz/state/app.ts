// The app's run state in one place: the run (meta, tick, playing, interventions, end), its
// rules (one value: panels and views read it here), its series and log, and the room's
// selection (highlighted tick, pinned actor). main.ts writes it from the worker's frames;
// views and controls read it. Plain data plus a few functions, no DOM: unit-tested in
// tests/viz/appState.test.ts.
import { createSeries, type Series } from './series.ts';
import type { Frame, RunMeta } from '../../workers/app-protocol.ts';
import type { LogEntry, Rules, ScenarioEvent } from '../../sim/meta.ts';

export interface AppState {
  /** The run the worker holds, or null before the first one exists. */
  meta: RunMeta | null;
  tick: number;
  /** What the play button shows (the worker follows; see controlSeq). */
  playing: boolean;
  /** Counts play/pause commands; a frame requested before the latest one does not set `playing`. */
  controlSeq: number;
  interventions: ScenarioEvent[];
  /** The rules in force: the only copy on this thread. */
  rules: Rules | null;
  readonly series: Series;
  log: LogEntry[];
  /** The log's marked entries (scheduled events, interventions): flags on the time axis. */
  marks: LogEntry[];
  lastFrame: Frame | null;
  /** The original of a "wat als hier?" branch (drawn faint), or null. */
  ghost: Series | null;
  /** The tick clicked on the chart or in the log. */
  highlight: number | null;
  /** The actor the trainer pinned. */
  pinned: number | null;
}

export function createAppState(): AppState {
  return {
    meta: null, tick: 0, playing: false, controlSeq: 0, interventions: [], rules: null,
    series: createSeries(), log: [], marks: [], lastFrame: null, ghost: null, highlight: null, pinned: null,
  };
}

/** A new run (or branch) from the worker: everything run-bound starts over from its meta. */
export function adoptRun(state: AppState, meta: RunMeta): void {
  state.meta = meta;
  state.series.clear();
  state.log = [];
  state.marks = [];
  state.interventions = meta.interventions.slice();
  state.tick = 0;
  state.highlight = null;
  state.lastFrame = null;
  state.rules = meta.rules;
  state.pinned = null;
}

/** The run's last tick: the scenario's length, or `end` when the trainer chose to go on (the link's `end=`). */
export function endTick(state: AppState, end: number | null): number {
  return end ?? state.meta?.scenario.ticks ?? 0;
}

/** Log entries from index `from` on: a `from` below the current length replaces from there. */
/** A frame's log entries from index `logFrom` on, taken into the state; returns the entries that
 * were new. Frames may overlap (a control's frame and one asked for before it, both in flight):
 * the entries the state already holds are the same ones (a run's log only grows) and are not
 * taken twice. */
export function takeFrameLog(state: AppState, logFrom: number, entries: readonly LogEntry[]): LogEntry[] {
  const known = Math.max(0, state.log.length - logFrom);
  if (entries.length <= known) return [];
  const fresh = entries.slice(known);
  appendLog(state, logFrom + known, fresh);
  return fresh;
}

export function appendLog(state: AppState, from: number, entries: readonly LogEntry[]): void {
  if (from < state.log.length) {
    state.log = state.log.slice(0, from);
    state.marks = state.log.filter((e) => e.marked);
  }
  for (const e of entries) {
    state.log.push(e);
    if (e.marked) state.marks.push(e);
  }
}

/** Takes the rules a frame reports; true when they differ from the ones held. */
export function takeRules(state: AppState, rules: Rules): boolean {
  if (JSON.stringify(rules) === JSON.stringify(state.rules)) return false;
  state.rules = rules;
  return true;
}

/** Clicking the highlighted tick again clears it. */
export function toggleHighlight(state: AppState, tick: number | null): number | null {
  state.highlight = state.highlight === tick ? null : tick;
  return state.highlight;
}

/** Ticks of interventions still to come (drawn as pending flags). */
export function pendingTicks(state: AppState): number[] {
  return state.interventions.filter((e) => e.tick > state.tick).map((e) => e.tick);
}

/** Whether "wat als hier?" can branch at the highlighted tick. */
export function canBranch(state: AppState): boolean {
  return state.highlight !== null && state.highlight <= state.tick && state.meta !== null;
}

/** The time axis' right end: the run's end, the tick reached, or the original's last tick. */
export function axisEnd(state: AppState, end: number | null): number {
  const g = state.ghost;
  return Math.max(endTick(state, end), state.tick, g && g.length ? g.tick(g.length - 1) : 0);
}
