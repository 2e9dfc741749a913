// Which scenarios each pattern runs on, at what size. Scenarios arrive as raw JSON objects
// (the driver reads scenarios/); every pattern runs on the baseline scenario and on every
// scenario whose `patterns` field lists it. Sizes and ticks are capped so the whole table stays
// within minutes: generated groups are scaled down proportionally (at least 2 per group).
import { parseScenario } from '../../schema/validate.ts';
import type { Scenario } from '../../schema/scenario.ts';

export const PATTERN_IDS = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9', 'P10'] as const;
export type PatternId = (typeof PATTERN_IDS)[number];

export const BASELINE = 'synthetisch';
export const MAX_ACTORS = 80;
export const MAX_TICKS = 150;

export interface RawScenario { file: string; json: Record<string, unknown> }

export interface Prepared { id: string; scenario: Scenario; ticks: number; patterns: string[]; note: string }

/** The scenario at validation size: ≤ MAX_ACTORS actors (named actors kept, groups scaled),
 * ≤ MAX_TICKS ticks. */
export function prepare(raw: RawScenario, maxActors = MAX_ACTORS, maxTicks = MAX_TICKS): Prepared {
  const json = structuredClone(raw.json) as Record<string, unknown>;
  const full = parseScenario(structuredClone(raw.json), raw.file);
  const named = full.actors.length;
  const generated = full.groups.reduce((a, g) => a + g.count, 0);
  const room = Math.max(0, maxActors - named);
  let note = '';
  if (generated > room && generated > 0) {
    const factor = room / generated;
    const groups = (json.groups as Record<string, unknown>[] | undefined) ?? [];
    full.groups.forEach((g, i) => {
      if (g.count === 0) return;
      groups[i] = { ...groups[i], count: Math.max(2, Math.round(g.count * factor)) };
      delete (groups[i] as { share?: number }).share;
    });
    delete json.population;
    json.groups = groups;
    note = `${named + generated} → ${named + full.groups.reduce((a, g) => a + (g.count === 0 ? 0 : Math.max(2, Math.round(g.count * factor))), 0)} actors`;
  }
  const ticks = Math.min(full.ticks, maxTicks);
  json.ticks = ticks;
  const scenario = parseScenario(json, raw.file);
  return { id: scenario.id, scenario, ticks, patterns: scenario.patterns, note };
}

/** For each pattern, the scenarios it runs on: the baseline first, then those listing it. */
export function plan(prepared: readonly Prepared[], only?: readonly string[]): { pattern: PatternId; scenarios: Prepared[] }[] {
  const sorted = [...prepared].sort((a, b) => (a.id === BASELINE ? -1 : b.id === BASELINE ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const baseline = sorted.find((p) => p.id === BASELINE) ?? sorted[0];
  return PATTERN_IDS.filter((p) => !only || only.includes(p)).map((pattern) => ({
    pattern,
    scenarios: sorted.filter((p) => p === baseline || p.patterns.includes(pattern)),
  }));
}
