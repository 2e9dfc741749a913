// Problem complexity, as ODD.md §2 defines it: how spread initial beliefs are (beliefNoise),
// how wrong (beliefBias, a shared per-sector error), and how far the hidden solution s* lies
// from the mean stake. Three levels set all three together: s* of every knowledge aspect is
// put at distance 0, 0.2 or 0.4 from the actors' mean stake on it, on the side with more room
// (docs/SCENARIOS.md lists the resulting values for keten-of-netwerk). P5 and P6 compare two
// arms at each.
import type { Dist, Scenario } from '../../schema/scenario.ts';

export const LEVELS = [
  { name: 'low', beliefNoise: 0.05, beliefBias: 0.05, distance: 0 },
  { name: 'mid', beliefNoise: 0.25, beliefBias: 0.2, distance: 0.2 },
  { name: 'high', beliefNoise: 0.45, beliefBias: 0.4, distance: 0.4 },
] as const;

const centre = (d: Dist) => (typeof d === 'number' ? d : 'mean' in d ? d.mean : (d.min + d.max) / 2);

/** The actors' mean stake on aspect x (groups weighted by their counts, at their centres). */
export function meanStake(sc: Scenario, x: number): number {
  const id = sc.aspects[x].id;
  const at = <T>(v: Record<string, T> | T[]) => (Array.isArray(v) ? v[x] : v[id]);
  let sum = 0, count = 0;
  for (const a of sc.actors) { sum += at(a.stake); count++; }
  for (const g of sc.groups) { sum += g.count * centre(at(g.stake)); count += g.count; }
  return count > 0 ? sum / count : 0.5;
}

export function atLevel(sc: Scenario, level: (typeof LEVELS)[number]): Scenario {
  const aspects = sc.aspects.map((a, x) => {
    if (a.kind !== 'knowledge') return a;
    const m = meanStake(sc, x);
    return { ...a, solution: m <= 0.5 ? m + level.distance : m - level.distance };
  });
  return { ...sc, aspects, opgave: { ...sc.opgave, beliefNoise: level.beliefNoise, beliefBias: level.beliefBias } };
}
