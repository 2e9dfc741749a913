// Refuse a scenario whose engine state would not fit in memory, before allocating it: a
// typed-array layout (sim/engine/state.ts) of a few hundred bytes per actor, per aspect, per
// tie slot and per meeting slot can pass validation at sizes that exhaust the machine.
import { freemem } from 'node:os';
import { defaultParams, knobsPerAspect, MAX_KNOBS, scenarioParams, type Params, type Scenario } from '../sim/index.ts';
import { UsageError } from './io.ts';

/**
 * Estimated bytes of one run's state: the typed arrays sim/engine/state.ts allocates per actor,
 * counted as 39 float64 fields, 5 float64 per aspect, 10 profile floats, 9 bytes of flags and
 * 6 int32, and per knob of the landscape 2 float64 (beliefs and their sums) plus 32 bytes of
 * approach state; tie slots (int32 + float64 + a byte each), meeting pairs (4 int32 each) and
 * project slots (one per two actors, with 2 float64 per knob), plus actor names and the worth
 * table (2 float64 per approach, 2^N). tests/cli/memory.test.ts compares it with
 * measured allocations.
 */
export function estimateRunBytes(scenario: Scenario): number {
  const p = scenarioParams(scenario);
  const n = scenario.actors.length + scenario.groups.reduce((a, g) => a + g.count, 0);
  const know = scenario.aspects.filter((a) => a.kind === 'knowledge').length;
  return layoutBytes(n, scenario.aspects.length, knobCount(know, scenario.opgave.landscape.knobs), p.maxTies, p.meetingMode === 'all-ties', p.maxMeetings);
}

/** N = m·K_know as the engine resolves it (raw JSON: an unusable knobs value counts as absent). */
function knobCount(know: number, perAspect: unknown): number {
  const given = typeof perAspect === 'number' && Number.isInteger(perAspect) && perAspect >= 1 ? Math.min(8, perAspect) : undefined;
  return Math.min(MAX_KNOBS, knobsPerAspect(know, given) * know);
}

function layoutBytes(n: number, k: number, knobs: number, cap: number, allTies: boolean, maxMeetings: number): number {
  const perActor = 39 * 8 + 5 * 8 * k + 10 * 8 + 9 + 6 * 4 + 64 + 16 * knobs + 32;
  const ties = n * cap * 13;
  const pairs = 16 * (allTies ? n * cap : n * (maxMeetings + 1));
  const projects = Math.ceil(n / 2) * (8 * (9 + 3 * k) + 22 + 16 * knobs + 21);
  return n * perActor + ties + pairs + projects + (knobs > 0 ? 16 * 2 ** knobs : 0);
}

/** Throws (exit 1) if the raw scenario's state clearly would not fit (see estimateRawBytes). */
export function checkRawMemory(raw: Record<string, unknown>, what: string, copies = 1, free = freemem()): void {
  const one = estimateRawBytes(raw);
  if (one !== null && one * copies > free * 0.8) refuse(what, one * copies, copies, free);
}

/**
 * The same estimate from a scenario's raw JSON (after --set, before validation), so a huge
 * scenario is refused before validation builds per-actor structures (e.g. every actor's name).
 * Returns null when the JSON is not shaped like a scenario: validation then says why.
 */
export function estimateRawBytes(raw: Record<string, unknown>): number | null {
  const actors = Array.isArray(raw.actors) ? raw.actors.length : 0;
  const groups = Array.isArray(raw.groups) ? raw.groups as Record<string, unknown>[] : [];
  const counted = groups.reduce((a, g) => a + (g && typeof g.count === 'number' && Number.isFinite(g.count) ? g.count : 0), 0);
  const shared = groups.some((g) => g && typeof g.share === 'number');
  const population = typeof raw.population === 'number' && Number.isFinite(raw.population) && shared ? raw.population : 0;
  const aspects = Array.isArray(raw.aspects) ? raw.aspects.length : 0;
  const know = Array.isArray(raw.aspects) ? raw.aspects.filter((a) => a && typeof a === 'object' && (a as Record<string, unknown>).kind === 'knowledge').length : 0;
  const opgave = raw.opgave && typeof raw.opgave === 'object' ? raw.opgave as Record<string, unknown> : {};
  const land = opgave.landscape && typeof opgave.landscape === 'object' ? opgave.landscape as Record<string, unknown> : {};
  const params = { ...defaultParams(), ...((raw.params && typeof raw.params === 'object' ? raw.params : {}) as Partial<Params>) };
  const cap = typeof params.maxTies === 'number' && Number.isFinite(params.maxTies) ? params.maxTies : defaultParams().maxTies;
  const meetings = typeof params.maxMeetings === 'number' && Number.isFinite(params.maxMeetings) ? params.maxMeetings : defaultParams().maxMeetings;
  return layoutBytes(actors + counted + population, aspects, knobCount(know, land.knobs), cap, params.meetingMode === 'all-ties', meetings);
}

const gb = (b: number) => (b >= 1e9 ? `${(b / 1e9).toFixed(1)} GB` : `${Math.max(1, Math.round(b / 1e6))} MB`);

/** Throws (exit 1) if `copies` runs of this scenario would not fit in the machine's free memory. */
export function checkMemory(scenario: Scenario, what: string, copies = 1, free = freemem()): void {
  const need = estimateRunBytes(scenario) * copies;
  if (need > free * 0.8) refuse(what, need, copies, free);
}

function refuse(what: string, need: number, copies: number, free: number): never {
  throw new UsageError(`${what}: its engine state needs about ${gb(need)}${copies > 1 ? ` (${copies} runs at once, one per worker)` : ''}, ` +
    `but this machine has ${gb(free)} of free memory; use fewer actors (or fewer tie slots, maxTies${copies > 1 ? ', or fewer --workers' : ''})`);
}
