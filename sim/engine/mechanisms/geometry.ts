// Distances and effectiveness in interest space [0,1]^K. Module-level functions over typed
// arrays with offsets, so V8 keeps one specialised version for every run.
import type { State } from '../state.ts';

/** ‖a − b‖ / √K for rows a[ia·k …] and b[ib·k …]: 0 = identical, 1 = opposite corners. */
export function normDist(a: Float64Array, ia: number, b: Float64Array, ib: number, k: number): number {
  let sum = 0;
  const oa = ia * k, ob = ib * k;
  for (let x = 0; x < k; x++) {
    const d = a[oa + x] - b[ob + x];
    sum += d * d;
  }
  return Math.sqrt(sum / k);
}

/** Per-sector affectedness-weighted mean stakes: what "acceptance by those affected" is
 * measured against. O(actors · K). */
export function updateSectorStakes(s: State): void {
  const k = s.k, S = s.sectors;
  s.sectorStake.fill(0);
  s.sectorCount.fill(0);
  for (let i = 0; i < s.n; i++) {
    if (!s.present[i]) continue;
    const sec = s.sector[i];
    s.sectorCount[sec] += 1;
    for (let x = 0; x < k; x++) s.sectorStake[sec * k + x] += s.stake[i * k + x];
  }
  for (let sec = 0; sec < S; sec++) {
    const c = s.sectorCount[sec];
    s.sectorWeight[sec] = c > 0 ? s.sectorAffect[sec] : 0;
    if (c > 0) for (let x = 0; x < k; x++) s.sectorStake[sec * k + x] /= c;
  }
}

/** Acceptance of value `d` on aspect x by the affected sectors. */
export function acceptance(s: State, x: number, d: number): number {
  let num = 0, den = 0;
  const k = s.k;
  for (let sec = 0; sec < s.sectors; sec++) {
    const w = s.sectorWeight[sec];
    if (w === 0) continue;
    num += w * (1 - Math.abs(d - s.sectorStake[sec * k + x]));
    den += w;
  }
  return den > 0 ? num / den : 0.5;
}

/** Closeness of one aspect: to s* on knowledge aspects, acceptance on value aspects. */
export function aspectCloseness(s: State, x: number, d: number): number {
  return s.isKnowledge[x] ? 1 - Math.abs(d - s.solution[x]) : acceptance(s, x, d);
}

/** Mean closeness of direction row `row` of `dir` over all aspects. */
export function closeness(s: State, dir: Float64Array, row: number): number {
  let sum = 0;
  const k = s.k;
  for (let x = 0; x < k; x++) sum += aspectCloseness(s, x, dir[row * k + x]);
  return sum / k;
}

/** Mean closeness of direction row `row` for a unit of action (solo actor, deal, chain or
 * project) with the given best access and mandate: on aspects that need reach (or formal
 * authority), a unit below `accessNeeded` (`mandateNeeded`) loses effectiveness in proportion
 * (ODD.md §7.5: the requirements hold for every route). */
export function unitCloseness(
  s: State, dir: Float64Array, row: number, access: number, mandate: number, accessNeeded: number, mandateNeeded: number,
): number {
  let sum = 0;
  const k = s.k;
  for (let x = 0; x < k; x++) {
    let c = aspectCloseness(s, x, dir[row * k + x]);
    if (s.requiresAccess[x] && access < accessNeeded) c *= access / accessNeeded;
    if (s.requiresMandate[x] && mandate < mandateNeeded) c *= mandate / mandateNeeded;
    sum += c;
  }
  return sum / k;
}

/** Mean absolute belief error on knowledge aspects (0 when there are none). */
export function beliefError(s: State, i: number): number {
  let sum = 0, c = 0;
  const k = s.k;
  for (let x = 0; x < k; x++) {
    if (!s.isKnowledge[x]) continue;
    sum += Math.abs(s.belief[i * k + x] - s.solution[x]);
    c++;
  }
  return c > 0 ? sum / c : 0;
}

export const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);
