// Records of tried variants that belong to an approach (F7), for projects and the chain: a
// re-formed project with the same approach does not try the same variants again. Open
// addressing over typed arrays (key = x + 1, 0 = empty), a bounded probe and eviction of the
// home slot when the probe finds neither: deterministic and allocation-free.
import type { State } from '../state.ts';

const PROBES = 16;

/** The slot holding approach x's record (created empty if absent). */
export function recordSlot(s: State, x: number): number {
  const keys = s.recordKey, mask = keys.length - 1, key = x + 1;
  const home = Math.imul(x + 1, 0x9e3779b1) >>> 0 & mask;
  for (let p = 0; p < PROBES; p++) {
    const slot = (home + p) & mask;
    if (keys[slot] === key) return slot;
    if (keys[slot] === 0) { keys[slot] = key; s.recordMask[slot] = 0; return slot; }
  }
  keys[home] = key;
  s.recordMask[home] = 0;
  return home;
}

/** Marks variant knob n of approach x as tried. */
export function markTried(s: State, x: number, n: number): void {
  const slot = recordSlot(s, x);
  s.recordMask[slot] |= 1 << n;
}
