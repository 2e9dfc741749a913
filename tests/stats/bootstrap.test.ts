import { median } from 'simple-statistics';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { bootstrapCI } from '../../sim/analysis/stats/index.ts';

/** A random source replaying a fixed list (cycling), for hand-checkable resamples. */
function scripted(seq: number[]): () => number {
  let i = 0;
  return () => seq[i++ % seq.length];
}

const throwingRandom = (): number => {
  throw new Error('random() should not be called');
};

describe('bootstrapCI', () => {
  it('hand-computed percentile interval with a scripted random source', () => {
    // values [0, 10]; index = floor(u·2), so u = 0 → 0 and u = 0.9 → 10.
    // Pairs of draws → resamples: (0,0)→[0,0] mean 0, (0,.9)→[0,10] 5, (.9,.9)→10,
    // (.9,0)→5, (0,.9)→5. Sorted means s = [0, 5, 5, 5, 10], B = 5.
    // level 0.8 ⇒ q = 0.1 and 0.9. R-7: h = (B−1)q.
    //   lo: h = 0.4 → s[0] + 0.4·(s[1] − s[0]) = 2
    //   hi: h = 3.6 → s[3] + 0.6·(s[4] − s[3]) = 8
    const random = scripted([0, 0, 0, 0.9, 0.9, 0.9, 0.9, 0, 0, 0.9]);
    const ci = bootstrapCI([0, 10], { random, resamples: 5, level: 0.8 });
    expect(ci.estimate).toBe(5);
    expect(ci.lo).toBeCloseTo(2, 12);
    expect(ci.hi).toBeCloseTo(8, 12);
  });

  it('custom statistic (median), hand-computed', () => {
    // values [1, 2, 4]; index = floor(u·3): u=0→1, u=0.5→2, u=0.9→4.
    // Draw triples: (0,0,.5)→median 1; (.5,.9,.9)→4; (0,.5,.9)→2; (.9,.9,.9)→4.
    // Sorted medians [1, 2, 4, 4]; level 0.5 ⇒ q = 0.25, 0.75; h = 3q = 0.75, 2.25.
    //   lo = 1 + 0.75·(2 − 1) = 1.75;  hi = 4 + 0.25·(4 − 4) = 4.
    const random = scripted([0, 0, 0.5, 0.5, 0.9, 0.9, 0, 0.5, 0.9, 0.9, 0.9, 0.9]);
    const statistic = (xs: Float64Array): number => median(Array.from(xs));
    const ci = bootstrapCI([1, 2, 4], { random, resamples: 4, level: 0.5, statistic });
    expect(ci).toEqual({ estimate: 2, lo: 1.75, hi: 4 });
  });

  it('constant sample ⇒ lo = hi = estimate = value', () => {
    const ci = bootstrapCI(new Array(10).fill(7.25), { random: seedrandom.alea('c') });
    expect(ci).toEqual({ estimate: 7.25, lo: 7.25, hi: 7.25 });
  });

  it('n = 0 ⇒ NaNs; n = 1 ⇒ lo = hi = estimate without drawing randomness', () => {
    const empty = bootstrapCI([], { random: throwingRandom });
    expect(Number.isNaN(empty.estimate) && Number.isNaN(empty.lo) && Number.isNaN(empty.hi)).toBe(true);
    expect(bootstrapCI([3.5], { random: throwingRandom })).toEqual({ estimate: 3.5, lo: 3.5, hi: 3.5 });
  });

  it('is deterministic for a given seed', () => {
    const data = Array.from({ length: 40 }, (_, i) => (i * 37) % 11);
    const a = bootstrapCI(data, { random: seedrandom.alea('same') });
    const b = bootstrapCI(data, { random: seedrandom.alea('same') });
    const c = bootstrapCI(data, { random: seedrandom.alea('other') });
    expect(a).toEqual(b);
    expect(c.estimate).toBe(a.estimate);
    expect(c.lo !== a.lo || c.hi !== a.hi).toBe(true);
  });

  it('contains the sample mean and narrows as n grows (seeded data)', () => {
    const gen = seedrandom.alea('data');
    const sample = (n: number): number[] => Array.from({ length: n }, () => gen());
    const widths: number[] = [];
    for (const n of [10, 100, 1000]) {
      const xs = sample(n);
      const ci = bootstrapCI(xs, { random: seedrandom.alea(`boot-${n}`) });
      const m = xs.reduce((s, v) => s + v, 0) / n;
      expect(ci.estimate).toBeCloseTo(m, 12);
      expect(ci.lo).toBeLessThan(m);
      expect(ci.hi).toBeGreaterThan(m);
      widths.push(ci.hi - ci.lo);
    }
    expect(widths[1]).toBeLessThan(widths[0]);
    expect(widths[2]).toBeLessThan(widths[1]);
    // Sanity vs theory: for U(0,1), sd = 1/√12, so width ≈ 2·1.96/√(12n) ≈ 0.0358 at n=1000.
    expect(widths[2]).toBeGreaterThan(0.0358 * 0.8);
    expect(widths[2]).toBeLessThan(0.0358 * 1.2);
  });

  it('reuses one buffer for all resamples and draws n·B random numbers', () => {
    const seen = new Set<Float64Array>();
    let draws = 0;
    const gen = seedrandom.alea('buf');
    const random = (): number => { draws++; return gen(); };
    bootstrapCI([1, 2, 3, 4], {
      random,
      resamples: 50,
      statistic: (xs) => { seen.add(xs); return xs[0]; },
    });
    expect(seen.size).toBe(1);
    expect(draws).toBe(4 * 50);
  });

  it('rejects bad options and bad random output', () => {
    const random = seedrandom.alea('x');
    expect(() => bootstrapCI([1, 2], { random, level: 1 })).toThrow(RangeError);
    expect(() => bootstrapCI([1, 2], { random, level: 0 })).toThrow(RangeError);
    expect(() => bootstrapCI([1, 2], { random, resamples: 0 })).toThrow(RangeError);
    expect(() => bootstrapCI([1, 2], { random, resamples: 2.5 })).toThrow(RangeError);
    expect(() => bootstrapCI([1, 2], { random: () => 1 })).toThrow(RangeError);
  });
});
