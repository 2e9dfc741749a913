// Ties as fixed-capacity slot lists per actor (structure of arrays). Trust is directed:
// slot (i → j) holds how far i trusts j. A meeting ensures both directions exist.
import type { State } from './state.ts';

/** Slot index of i's tie to j, or −1. O(degree). */
export function findTie(s: State, i: number, j: number): number {
  const base = i * s.cap;
  const end = base + s.degree[i];
  const to = s.tieTo;
  for (let q = base; q < end; q++) if (to[q] === j) return q;
  return -1;
}

/** Slot q if it still holds i's tie to j (a later replacement may have reused it), else a
 * fresh search. */
export function slotOf(s: State, q: number, i: number, j: number): number {
  return q >= 0 && s.tieTo[q] === j && q >= i * s.cap && q < i * s.cap + s.degree[i] ? q : findTie(s, i, j);
}

/** i's trust in j (0 when there is no tie). */
export function trustOf(s: State, i: number, j: number): number {
  const q = findTie(s, i, j);
  return q < 0 ? 0 : s.tieTrust[q];
}

/**
 * Ensures the tie i → j exists; returns its slot, or −1 when i's slots are full of ties
 * stronger than `trust` (the weakest is replaced otherwise).
 */
export function ensureTie(s: State, i: number, j: number, trust: number): number {
  const q = findTie(s, i, j);
  if (q >= 0) return q;
  const base = i * s.cap;
  const d = s.degree[i];
  if (d < s.cap) {
    s.tieTo[base + d] = j;
    s.tieTrust[base + d] = trust;
    s.tieOwed[base + d] = 0;
    s.degree[i] = d + 1;
    return base + d;
  }
  let weakest = base;
  for (let r = base + 1; r < base + d; r++) if (s.tieTrust[r] < s.tieTrust[weakest]) weakest = r;
  if (s.tieTrust[weakest] >= trust) return -1;
  s.tieTo[weakest] = j;
  s.tieTrust[weakest] = trust;
  s.tieOwed[weakest] = 0;
  return weakest;
}

/** Removes slot q of actor i by moving i's last slot into it. */
export function removeSlot(s: State, i: number, q: number): void {
  const last = i * s.cap + s.degree[i] - 1;
  s.tieTo[q] = s.tieTo[last];
  s.tieTrust[q] = s.tieTrust[last];
  s.tieOwed[q] = s.tieOwed[last];
  s.tieTo[last] = -1;
  s.tieTrust[last] = 0;
  s.tieOwed[last] = 0;
  s.degree[i]--;
}

/** Unused ties fade: every trust shrinks by `decay`; ties below `dropBelow` are removed. */
export function decayTies(s: State, decay: number, dropBelow: number): void {
  const keep = 1 - decay;
  const n = s.n;
  for (let i = 0; i < n; i++) {
    const base = i * s.cap;
    for (let q = base + s.degree[i] - 1; q >= base; q--) {
      const t = s.tieTrust[q] * keep;
      if (t < dropBelow) removeSlot(s, i, q);
      else s.tieTrust[q] = t;
    }
  }
}

/** Removes every tie to and from actor i (an actor leaving). O(degree · cap). */
export function dropActorTies(s: State, i: number): void {
  const base = i * s.cap;
  for (let q = base + s.degree[i] - 1; q >= base; q--) {
    const j = s.tieTo[q];
    const r = findTie(s, j, i);
    if (r >= 0) removeSlot(s, j, r);
    removeSlot(s, i, q);
  }
}
