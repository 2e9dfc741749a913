// The shock experiments of P3 and P10: twin runs with the same seed, one with the shock and
// one without. P3 (roles change as interests, characteristics and contexts change) takes the
// scenario's own resource cuts, stake shifts and trait shifts; P10 (a resource shock) its own
// resource cuts. A scenario without them gets a standard shock at a third of the run, on the
// most affected sector: a 25 % resource cut (P10), plus a +0.3 stake shift on the first aspect
// (P3). The twin drops the same events and keeps everything else.
import type { Scenario, ScenarioEvent } from '../../schema/scenario.ts';
import type { Recorder } from '../../engine/recorder.ts';
import { runArm, seedsFor } from './arms.ts';
import type { Prepared } from './prepare.ts';

export const WINDOW = 30;

export type ShockKind = 'context' | 'resources';

const KINDS: Record<ShockKind, readonly ScenarioEvent['type'][]> = {
  context: ['resourceCut', 'stakeShift', 'shift'],
  resources: ['resourceCut'],
};

export interface ShockDesign {
  shocked: Scenario; twin: Scenario;
  /** The first shock's tick. */
  t0: number;
  /** The ticks after the shocks: WINDOW ticks from each shock tick, merged, within the run. */
  after: number[];
  what: string;
}

function windows(starts: number[], ticks: number): number[] {
  const set = new Set<number>();
  for (const t of starts) for (let u = t; u < t + WINDOW && u <= ticks; u++) set.add(u);
  return [...set].sort((a, b) => a - b);
}

function describe(e: ScenarioEvent): string {
  switch (e.type) {
    case 'resourceCut': return `cut ${Math.round(e.cut * 100)} % ${e.target} t${e.tick}`;
    case 'stakeShift': return `stake shift ${e.target} t${e.tick}`;
    case 'shift': return `${e.trait} shift ${e.target} t${e.tick}`;
    default: return `${e.type} t${e.tick}`;
  }
}

export function shockDesign(prep: Prepared, kind: ShockKind): ShockDesign {
  const sc = prep.scenario;
  const isShock = (e: ScenarioEvent) => KINDS[kind].includes(e.type);
  const own = sc.events.filter((e) => isShock(e) && e.tick >= 1 && e.tick < prep.ticks - 5);
  const twin = { ...sc, events: sc.events.filter((e) => !isShock(e)) };
  if (own.length) {
    const t0 = Math.min(...own.map((e) => e.tick));
    const shocked = { ...sc, events: sc.events.filter((e) => !isShock(e) || own.includes(e)) };
    return { shocked, twin, t0, after: windows(own.map((e) => e.tick), prep.ticks), what: `own: ${own.map(describe).join(', ')}` };
  }
  const t0 = Math.floor(prep.ticks / 3);
  let sector = sc.sectors[0];
  for (const x of sc.sectors) if (x.affectedness > sector.affectedness) sector = x;
  const events: ScenarioEvent[] = [{ tick: t0, type: 'resourceCut', target: `sector:${sector.id}`, cut: 0.25 }];
  if (kind === 'context') events.push({ tick: t0, type: 'stakeShift', target: `sector:${sector.id}`, aspect: sc.aspects[0].id, by: 0.3 });
  return {
    shocked: { ...twin, events: [...twin.events, ...events] }, twin, t0, after: windows([t0], prep.ticks),
    what: `standard: ${events.map(describe).join(', ')}`,
  };
}

/** Sum of a per-tick measure over the given ticks. */
export function sumOver(rec: Recorder, key: string, ticks: readonly number[]): number {
  const col = rec.column(key);
  let s = 0;
  for (const t of ticks) s += col[t];
  return s;
}

export interface ShockRuns { design: ShockDesign; shocked: Recorder[]; twin: Recorder[] }

export function shockRuns(prep: Prepared, kind: ShockKind, experiment: string, seeds: number, base: number | string): ShockRuns {
  const design = shockDesign(prep, kind);
  const shocked: Recorder[] = [], twin: Recorder[] = [];
  for (const seed of seedsFor(base, experiment, prep, seeds)) {
    shocked.push(runArm({ scenario: design.shocked }, seed, prep.ticks).rec);
    twin.push(runArm({ scenario: design.twin }, seed, prep.ticks).rec);
  }
  return { design, shocked, twin };
}
