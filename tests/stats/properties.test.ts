import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { wilcoxonRankSum } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import {
  bootstrapCI, magnitude, mannWhitney, normalCdf, rankSummary, varghaDelaneyA,
} from '../../sim/analysis/stats/index.ts';

// Small integers force plenty of ties; bounded doubles exercise the no-tie path.
const tieHeavy = fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 25 });
const doubles = fc.array(
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  { minLength: 1, maxLength: 30 },
);
const sample = fc.oneof(tieHeavy, doubles);

/** Independent O(n·m) definition: P(X > Y) + ½ P(X = Y). */
function bruteA(x: number[], y: number[]): number {
  let s = 0;
  for (const a of x) for (const b of y) s += a > b ? 1 : a === b ? 0.5 : 0;
  return s / (x.length * y.length);
}

/** Independent exact two-sided p: enumerate every rank set of x (no ties). */
function bruteExactP(n1: number, n2: number, u: number): number {
  const n = n1 + n2;
  let lower = 0, upper = 0, total = 0;
  for (let mask = 0; mask < 1 << n; mask++) {
    let bits = 0, sumRanks = 0;
    for (let r = 0; r < n; r++) if (mask & (1 << r)) { bits++; sumRanks += r; }
    if (bits !== n1) continue;
    const U = sumRanks - (n1 * (n1 - 1)) / 2; // 0-based ranks ⇒ #y below each x
    total++;
    if (U <= u) lower++;
    if (U >= u) upper++;
  }
  return Math.min(1, (2 * Math.min(lower, upper)) / total);
}

describe('properties', () => {
  it('A(x,y) + A(y,x) = 1 and A ∈ [0,1]', () => {
    fc.assert(fc.property(sample, sample, (x, y) => {
      const a = varghaDelaneyA(x, y);
      expect(a).toBeGreaterThanOrEqual(0);
      expect(a).toBeLessThanOrEqual(1);
      expect(a + varghaDelaneyA(y, x)).toBeCloseTo(1, 12);
    }));
  });

  it('rank-based A equals the brute-force pair count', () => {
    fc.assert(fc.property(sample, sample, (x, y) => {
      expect(varghaDelaneyA(x, y)).toBeCloseTo(bruteA(x, y), 12);
    }));
  });

  it('rank sum of x matches simple-statistics wilcoxonRankSum', () => {
    fc.assert(fc.property(sample, sample, (x, y) => {
      expect(rankSummary(x, y).rankSumX).toBeCloseTo(wilcoxonRankSum(x, y), 6);
    }));
  });

  it('U1 + U2 = n1·n2 and p ∈ [0,1], symmetric in the two samples', () => {
    fc.assert(fc.property(sample, sample, (x, y) => {
      const r1 = mannWhitney(x, y);
      const r2 = mannWhitney(y, x);
      expect(r1.U + r2.U).toBe(x.length * y.length);
      expect(r1.p).toBeGreaterThanOrEqual(0);
      expect(r1.p).toBeLessThanOrEqual(1);
      expect(r1.p).toBeCloseTo(r2.p, 12);
      expect(r1.z).toBeCloseTo(-r2.z, 12);
    }));
  });

  it('exact p equals brute-force enumeration for small tie-free samples', () => {
    const distinct = fc.uniqueArray(fc.integer({ min: -50, max: 50 }), { minLength: 2, maxLength: 12 });
    fc.assert(fc.property(distinct, fc.integer({ min: 1, max: 11 }), (vals, cut) => {
      const k = Math.min(cut, vals.length - 1);
      const x = vals.slice(0, k);
      const y = vals.slice(k);
      const r = mannWhitney(x, y);
      expect(r.exact).toBe(true);
      expect(r.p).toBeCloseTo(bruteExactP(x.length, y.length, r.U), 14);
    }));
  });

  it('magnitude is symmetric around 0.5', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1000 }), (k) => {
      const A = k / 1000;
      expect(magnitude(A)).toBe(magnitude(1 - A));
    }));
  });

  it('normalCdf is monotone and in [0,1]', () => {
    fc.assert(fc.property(
      fc.double({ min: -40, max: 40, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (z, dz) => {
        const a = normalCdf(z);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeLessThanOrEqual(1);
        expect(normalCdf(z + dz)).toBeGreaterThanOrEqual(a);
      },
    ));
  });

  it('bootstrap: lo ≤ hi, within the data range, same seed ⇒ same CI', () => {
    fc.assert(fc.property(doubles, fc.string(), (xs, seed) => {
      const a = bootstrapCI(xs, { random: seedrandom.alea(seed), resamples: 200 });
      const b = bootstrapCI(xs, { random: seedrandom.alea(seed), resamples: 200 });
      expect(a).toEqual(b);
      expect(a.lo).toBeLessThanOrEqual(a.hi);
      const tol = 1e-9 * Math.max(1, ...xs.map(Math.abs));
      expect(a.lo).toBeGreaterThanOrEqual(Math.min(...xs) - tol);
      expect(a.hi).toBeLessThanOrEqual(Math.max(...xs) + tol);
    }), { numRuns: 50 });
  });
});
