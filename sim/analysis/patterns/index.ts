// The pattern experiments of ODD.md §1 (P1–P10), each as a batch comparison over seeds,
// run through the ordinary engine. Drivers (cli/commands/patterns.ts, tests) call
// runPatterns with the scenarios' raw JSON; everything here is pure and deterministic.
import { ENGINE_VERSION } from '../../engine/run.ts';
import { p1 } from './p1Balance.ts';
import { p2 } from './p2Core.ts';
import { p3 } from './p3Churn.ts';
import { p4 } from './p4Crossing.ts';
import { p5, p6 } from './p5p6Contingency.ts';
import { p7 } from './p7Leadership.ts';
import { p8 } from './p8Identity.ts';
import { p9 } from './p9Levers.ts';
import { p10 } from './p10Shift.ts';
import { MAX_ACTORS, MAX_TICKS, plan, prepare, type PatternId, type Prepared, type RawScenario } from './prepare.ts';
import { runCounter } from './arms.ts';
import type { PatternRow } from './types.ts';

export { PATTERN_IDS, BASELINE, MAX_ACTORS, MAX_TICKS, prepare, plan, type PatternId, type Prepared, type RawScenario } from './prepare.ts';
export { markdownTable, replaceSection, sectionOf, seedsOf, effectText, BEGIN, END } from './table.ts';
export type { PatternRow, Effect, Verdict } from './types.ts';

export const DEFAULT_SEEDS = 20;
export const BASE_SEED = 'samenspel-validation';

type Experiment = (prep: Prepared, seeds: number, base: number | string) => PatternRow[];

export const EXPERIMENTS: Record<PatternId, Experiment> = { P1: p1, P2: p2, P3: p3, P4: p4, P5: p5, P6: p6, P7: p7, P8: p8, P9: p9, P10: p10 };

/** What each experiment claims and how its verdict is decided (stated before running). */
export const RULES: Record<PatternId, string> = {
  P1: 'reproduced if the CI of the standardised β of balance lies above 0',
  P2: 'P2a: reproduced if the CI of A(observed fit, null fit) lies above 0.5; P2b: if the CI of the mean ρ lies above 0',
  P3: 'reproduced if the CI of A(churn after the shocks, shocked vs twin) lies above 0.5',
  P4: 'over 400 ticks: reproduced only if early A < 0.5 and late A > 0.5 (first and last 100 ticks), each CI excluding 0.5 (a crossing); reversed if the opposite crossing',
  P5: 'at 100 ticks (P5a) and 300 ticks (P5b): reproduced if the CI of the mean change in log(network impact / chain impact) from κ = 0 to κ = 7 lies above 0; reversed if below',
  P6: 'at 100 ticks (P6a) and 300 ticks (P6b): reproduced if the CI of the mean change in log(facilitating impact / directing impact) from κ = 0 to κ = 7 lies above 0; reversed if below',
  P7: 'reproduced if the CI of A(net impact with leadership, impact without) lies above 0.5',
  P8: 'reproduced if the CI of the mean ρ(identity fit, project participation) lies above 0',
  P9: 'per lever: reproduced if the CI of A(impact with lever, twin) lies above 0.5',
  P10: 'P10a: reproduced if the CI of A(handelen after the resource shock, shocked vs twin) lies above 0.5; P10b: if the CI of ρ(shift, impact) lies above 0',
};

export interface PatternResult {
  seeds: number;
  base: number | string;
  engine: string;
  maxActors: number;
  maxTicks: number;
  scenarios: { id: string; actors: number; ticks: number; note: string; patterns: string[] }[];
  rows: PatternRow[];
  runs: number;
}

export interface PatternOptions {
  scenarios: RawScenario[];
  seeds?: number;
  base?: number | string;
  only?: string[];
  onProgress?: (message: string) => void;
}

export function runPatterns(o: PatternOptions): PatternResult {
  const seeds = o.seeds ?? DEFAULT_SEEDS, base = o.base ?? BASE_SEED;
  const prepared = o.scenarios.map((raw) => prepare(raw));
  runCounter.reset();
  const rows: PatternRow[] = [];
  const used = new Set<Prepared>();
  for (const { pattern, scenarios } of plan(prepared, o.only)) {
    for (const prep of scenarios) {
      o.onProgress?.(`${pattern} on ${prep.id}`);
      used.add(prep);
      rows.push(...EXPERIMENTS[pattern](prep, seeds, base));
    }
  }
  const runs = runCounter.count();
  return {
    seeds, base, engine: ENGINE_VERSION, maxActors: MAX_ACTORS, maxTicks: MAX_TICKS,
    scenarios: [...used].map((p) => ({
      id: p.id, ticks: p.ticks, note: p.note, patterns: p.patterns,
      actors: p.scenario.actors.length + p.scenario.groups.reduce((a, g) => a + g.count, 0),
    })),
    rows, runs,
  };
}
