// P9 (“De drie functies van opgavenetwerken”): a network comes about when someone works on six domains — agenda-setting,
// facilitating interaction, mobilising actors, creating a platform, co-steering, legitimation.
// Test (ODD.md §1): the domains as levers a trainer applies; each lever's effect on final
// impact vs a twin without it (same seed), applied at a quarter of the run. The lever's own
// domain measure (mean over the rest of the run) is reported as a manipulation check.
// Co-steering has no lever of its own in the engine (it is the decision rule), so it is not
// tested here. Lever targets are chosen from the scenario, not tuned: mobilise and broker act
// on sectors (the most affected; the two whose mean stakes lie furthest apart), the mandate
// goes to the most proactive actor ("first on the field").
import { createRun } from '../../engine/run.ts';
import { MEASURE_INDEX } from '../../schema/measures.ts';
import type { ScenarioEvent } from '../../schema/scenario.ts';
import { runArm, seedsFor, windowMean } from './arms.ts';
import type { Prepared } from './prepare.ts';
import { ciText, f3, mean, pairedA, verdictOf } from './stats.ts';
import type { PatternRow } from './types.ts';

interface Lever { id: string; measure: string; event: ScenarioEvent | null; what: string }

function levers(prep: Prepared, t: number): Lever[] {
  const sc = prep.scenario;
  const probe = createRun({ scenario: sc, seed: 0 });
  const s = probe.state;
  let mostAffected = sc.sectors[0];
  for (const x of sc.sectors) if (x.affectedness > mostAffected.affectedness) mostAffected = x;
  let lead = 0;
  for (let i = 1; i < s.n; i++) if (s.proactiveness[i] > s.proactiveness[lead]) lead = i;
  // Sector mean stakes (from the probe's initial state, which does not depend on the seed's
  // run but on its draws; seed 0 is fixed).
  const S = sc.sectors.length, k = s.k;
  const meanStake = Array.from({ length: S }, () => new Array<number>(k).fill(0)), count = new Array<number>(S).fill(0);
  for (let i = 0; i < s.n; i++) { count[s.sector[i]]++; for (let x = 0; x < k; x++) meanStake[s.sector[i]][x] += s.stake[i * k + x]; }
  let pair: [number, number] | null = null, best = -1;
  for (let a = 0; a < S; a++) for (let b = a + 1; b < S; b++) {
    if (!count[a] || !count[b]) continue;
    let d = 0;
    for (let x = 0; x < k; x++) { const v = meanStake[a][x] / count[a] - meanStake[b][x] / count[b]; d += v * v; }
    if (d > best) { best = d; pair = [a, b]; }
  }
  const name = probe.meta.names[lead];
  return [
    { id: 'agendering', measure: 'agendering', event: { tick: t, type: 'agendering', amount: 0.3 }, what: 'urgency +0.3' },
    { id: 'platform', measure: 'platform', event: { tick: t, type: 'platform', amount: 5 }, what: 'platform budget 5' },
    { id: 'mobilise', measure: 'mobilisation', event: { tick: t, type: 'mobilise', target: `sector:${mostAffected.id}`, amount: 0.3 }, what: `mobilise sector ${mostAffected.id}` },
    { id: 'mandate', measure: 'legitimation', event: { tick: t, type: 'mandate', target: name, amount: 0.3 }, what: `mandate +0.3 to ${name}` },
    {
      id: 'broker', measure: 'interaction',
      event: pair ? { tick: t, type: 'broker', target: `sector:${sc.sectors[pair[0]].id}`, with: `sector:${sc.sectors[pair[1]].id}` } : null,
      what: pair ? `broker ${sc.sectors[pair[0]].id} – ${sc.sectors[pair[1]].id}` : 'one sector only',
    },
  ];
}

export function p9(prep: Prepared, seeds: number, base: number | string): PatternRow[] {
  const T = prep.ticks, t = Math.max(1, Math.floor(T / 4));
  const list = levers(prep, t);
  const seedList = seedsFor(base, 'P9', prep, seeds);
  const twin = seedList.map((seed) => runArm({ scenario: prep.scenario }, seed, T).rec);
  const IMPACT = MEASURE_INDEX.impact;
  return list.map((lever): PatternRow => {
    if (!lever.event) {
      return {
        pattern: `P9-${lever.id}`, scenario: prep.id, compared: `lever ${lever.id}: ${lever.what}`,
        effect: { kind: 'A', estimate: NaN, lo: NaN, hi: NaN }, verdict: 'not applicable', runs: 0, detail: 'no second sector to broker with',
      };
    }
    const withLever = seedList.map((seed) => runArm({ scenario: prep.scenario, events: [lever.event!] }, seed, T).rec);
    const x = withLever.map((r) => r.row(r.length - 1)[IMPACT]), y = twin.map((r) => r.row(r.length - 1)[IMPACT]);
    const m = (r: (typeof twin)[number]) => windowMean(r, lever.measure, t, T);
    const effect = pairedA(x, y, `P9:${lever.id}:${prep.id}`);
    const check = pairedA(withLever.map(m), twin.map(m), `P9:${lever.id}:check:${prep.id}`);
    return {
      pattern: `P9-${lever.id}`, scenario: prep.id,
      compared: `final impact with lever ${lever.id} (${lever.what}, tick ${t}) vs twin without`,
      effect, verdict: verdictOf(effect), runs: 2 * seeds,
      detail: `impact ${f3(mean(x))} vs ${f3(mean(y))}; manipulation check, ${lever.measure}: ${ciText(check)}`,
    };
  });
}
