import { describe, expect, it } from 'vitest';
import { untriedKnob } from '../../sim/engine/landscape/search.ts';
function ref(tried: number, n: number, rng: () => number): number {
  let open = 0;
  for (let i = 0; i < n; i++) if (((tried >> i) & 1) === 0) open++;
  if (open === 0) return -1;
  let r = Math.floor(rng() * open);
  for (let i = 0; i < n; i++) if (((tried >> i) & 1) === 0 && r-- === 0) return i;
  return -1;
}
describe('untriedKnob', () => {
  it('picks the same knob as the loop over the n knobs it replaced (bit-identical runs)', () => {
    let seed = 1;
    const u = () => { seed = (seed * 16807) % 2147483647; return (seed - 1) / 2147483646; };
    for (let t = 0; t < 200000; t++) {
      const n = 1 + Math.floor(u() * 20);
      const tried = Math.floor(u() * (1 << n)) | (u() < 0.2 ? (1 << n) - 1 : 0) | (u() < 0.1 ? 0x7ff00000 : 0);
      const r = u();
      expect(untriedKnob(tried, n, () => r)).toBe(ref(tried, n, () => r));
    }
  });
});
