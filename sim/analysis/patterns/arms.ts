// Running one arm of an experiment: a scenario, rules, extra events and a seed, stepped for
// a number of ticks through the ordinary engine, with an optional hook after every tick.
import type { Run } from '../../engine/run.ts';
import type { Recorder } from '../../engine/recorder.ts';
import { simulate } from '../../engine/driver.ts';
import { deriveSeed } from '../../engine/rng.ts';
import type { RulesChange } from '../../schema/rules.ts';
import type { Scenario, ScenarioEvent } from '../../schema/scenario.ts';
import type { Prepared } from './prepare.ts';

export interface Arm {
  scenario: Scenario;
  rules?: RulesChange;
  events?: ScenarioEvent[];
}

export interface ArmResult { run: Run; rec: Recorder }

/** Runs made since the last reset (for the table's footnote; shared twins count once). */
let made = 0;
export const runCounter = { reset: () => { made = 0; }, count: () => made, add: (k = 1) => { made += k; } };

export function runArm(arm: Arm, seed: number, ticks: number, hook?: (run: Run) => void): ArmResult {
  made++;
  const { run, recorder } = simulate({ scenario: arm.scenario, rules: arm.rules, events: arm.events, seed, ticks, onTick: hook });
  // The hook sees the starting state and every tick after it (simulate calls onTick for both).
  return { run, rec: recorder };
}

/** The seeds of one experiment on one scenario: derived from the base seed, the experiment
 * and the scenario, so adding a scenario or a pattern never changes another row. */
export function seedsFor(base: number | string, experiment: string, prep: Prepared, count: number): number[] {
  return Array.from({ length: count }, (_, i) => deriveSeed(base, `${experiment}:${prep.id}:${i}`));
}

/** Mean of a recorded measure over ticks from..to (inclusive, clipped to the run). */
export function windowMean(rec: Recorder, key: string, from: number, to: number): number {
  const col = rec.column(key);
  let sum = 0, c = 0;
  for (let t = Math.max(0, from); t <= Math.min(col.length - 1, to); t++) { sum += col[t]; c++; }
  return c > 0 ? sum / c : NaN;
}

/** A cumulative measure's gain over ticks from..to. */
export function gain(rec: Recorder, key: string, from: number, to: number): number {
  const col = rec.column(key);
  return col[Math.min(col.length - 1, to)] - col[Math.max(0, from)];
}

/** The scenario's own rules are a network structure (not a chain). */
export function isNetwork(sc: Scenario): boolean {
  const r = sc.rules;
  if (typeof r === 'string') return r !== 'keten';
  return r.structure !== 'chain' && r.preset !== 'keten';
}
