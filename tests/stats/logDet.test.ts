// The deterministic natural log (sim/analysis/stats/detMath.ts) against Math.log and exact values.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expDet, logDet } from '../../sim/analysis/stats/detMath.ts';

describe('logDet', () => {
  it('exact and special values', () => {
    expect(logDet(1)).toBe(0);
    expect(logDet(2)).toBeCloseTo(0.6931471805599453, 15);
    expect(logDet(0)).toBe(-Infinity);
    expect(logDet(-1)).toBeNaN();
    expect(logDet(Infinity)).toBe(Infinity);
  });

  it('agrees with Math.log to a relative 1e-14 over many magnitudes (property)', () => {
    fc.assert(fc.property(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), (x) => {
      const want = Math.log(x), got = logDet(x);
      return Math.abs(got - want) <= 1e-14 * Math.max(1, Math.abs(want));
    }), { numRuns: 2000 });
  });

  it('inverts expDet', () => {
    for (const x of [-20, -1.5, -1e-3, 0.25, 3, 40]) expect(logDet(expDet(x))).toBeCloseTo(x, 13);
  });
});
