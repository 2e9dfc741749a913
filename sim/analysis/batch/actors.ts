// Per-actor output (Mesa's agent reporters): an observer of the driver loop that writes one
// CSV row per actor every `every` ticks, in the columns of sim/schema/actorColumns.ts. The
// rows go to a sink (the CLI appends them to a file; a batch worker returns them as text).
import { actorColumnNames } from '../../schema/actorColumns.ts';
import { CORE, OUTSIDE, PERIPHERY } from '../../engine/state.ts';
import type { Run } from '../../engine/run.ts';

const POSITION: Record<number, string> = { [OUTSIDE]: 'outside', [PERIPHERY]: 'periphery', [CORE]: 'core' };

/** CSV cell: shortest round-trip numbers, empty for NaN; names quoted when they need it. */
const num = (x: number) => (Number.isFinite(x) ? String(x) : '');
const text = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function actorHeader(run: Pick<Run, 'scenario'>): string {
  return actorColumnNames(run.scenario.aspects.map((a) => a.id)).join(',') + '\n';
}

/** Every actor's row at the run's current tick, as CSV text (no header). */
export function actorRows(run: Run, runLabel: string): string {
  const s = run.state;
  const { names } = run.meta;
  const sectors = run.scenario.sectors.map((x) => x.id);
  const k = s.k;
  const label = text(runLabel);
  const lines: string[] = [];
  for (let i = 0; i < s.n; i++) {
    const d = s.degree[i];
    let trust = 0;
    for (let q = i * s.cap, end = q + d; q < end; q++) trust += s.tieTrust[q];
    const cells = [
      label, String(run.tick), String(i), text(names[i]), text(sectors[s.sector[i]]), POSITION[s.position[i]] ?? String(s.position[i]),
      String(s.present[i]), num(s.engagement[i]), num(s.resources[i]), d > 0 ? num(trust / d) : '', String(d), num(s.coreness[i]),
      approachText(s.approach[i], s.knobs), s.knobs > 0 ? num(s.approachWorth[i]) : '',
    ];
    for (let a = 0; a < k; a++) cells.push(num(s.pref[i * k + a]));
    for (let a = 0; a < k; a++) cells.push(num(s.belief[i * k + a]));
    lines.push(cells.join(','));
  }
  return lines.join('\n') + '\n';
}

/**
 * A driver-loop observer that samples every `every` ticks (tick 0 included when called on the
 * fresh run); `sink` receives each sample's rows.
 */
export function actorSampler(every: number, runLabel: string, sink: (rows: string) => void): (run: Run) => void {
  if (!(Number.isInteger(every) && every >= 1)) throw new RangeError(`actor sampling needs a whole number of ticks ≥ 1, got ${every}`);
  return (run) => { if (run.tick % every === 0) sink(actorRows(run, runLabel)); };
}

/** An approach as its knob settings, knob 0 first ('' without knobs): a string, so 0110 keeps its zeros. */
function approachText(x: number, knobs: number): string {
  let out = '';
  for (let n = 0; n < knobs; n++) out += (x >> n) & 1;
  return out;
}
