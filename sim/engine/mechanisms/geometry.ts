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

/** Effectiveness of a unit of action (solo actor, deal, chain or project) — F8 without
 * coordination: (K_know/K)·ω(x) + (1/K)·Σ_value acceptance_k(d_k), with x the approach as the
 * unit executes it (executedApproach) and d the direction row `row` of `dir` on value aspects.
 * On value aspects that need reach (or formal authority) a unit below `accessNeeded`
 * (`mandateNeeded`) loses acceptance in proportion (ODD.md §7.5: the requirements hold for
 * every route); on knowledge aspects it keeps their knobs at the status quo instead. */
export function unitEffectiveness(
  s: State, omega: Float64Array, x: number, dir: Float64Array, row: number,
  access: number, mandate: number, accessNeeded: number, mandateNeeded: number,
): number {
  return withKnowledge(s, omega[x], valueAcceptance(s, dir, row, access, mandate, accessNeeded, mandateNeeded));
}

/** Σ over value aspects of acceptance_k(d_k), with the access and mandate scaling: the part of
 * F8 that does not depend on the approach (a unit comparing two approaches computes it once). */
export function valueAcceptance(
  s: State, dir: Float64Array, row: number, access: number, mandate: number, accessNeeded: number, mandateNeeded: number,
): number {
  const k = s.k;
  let sum = 0;
  for (let a = 0; a < k; a++) {
    if (s.isKnowledge[a]) continue;
    let c = acceptance(s, a, dir[row * k + a]);
    if (s.requiresAccess[a] && access < accessNeeded) c *= access / accessNeeded;
    if (s.requiresMandate[a] && mandate < mandateNeeded) c *= mandate / mandateNeeded;
    sum += c;
  }
  return sum;
}

/** F8 from its two parts: (K_know·ω + Σ_value acceptance) / K. */
export function withKnowledge(s: State, omega: number, valueSum: number): number {
  return (valueSum + s.knowAspect.length * omega) / s.k;
}

/** How far the approach actor i would now try falls short: 1 − ω (0 without knowledge aspects). */
export function beliefError(s: State, i: number): number {
  return s.knobs > 0 ? 1 - s.approachWorth[i] : 0;
}

export const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);
