import { describe, expect, it } from 'vitest';
import { expDet, normalCdf, normalPdf } from '../../sim/analysis/stats/index.ts';

// Reference values: mpmath.ncdf at 30 significant digits (independent
// arbitrary-precision implementation), rounded to 17 digits.
const PHI_REFERENCE: Array<[number, number]> = [
  [1.96, 0.97500210485177956],
  [-3, 0.0013498980316300945],
  [-1, 0.15865525393145705],
  [-0.5, 0.30853753872598690],
  [0.3, 0.61791142218895263],
  [2.5, 0.99379033467422386],
  [-2.9999, 0.0013503412829549249], // just inside the series regime (|z| < 3)
  [-3.0001, 0.0013494549132607172], // just inside the continued-fraction regime
  [-5, 2.8665157187919391e-7],
  [-8, 6.2209605742717841e-16],
  [-10, 7.619853024160526e-24],
  [-20, 2.7536241186062337e-89],
];

describe('expDet (exp from + − × ÷ only)', () => {
  it('matches Math.exp to ~1 ulp over the normal range', () => {
    for (let x = -700; x <= 700; x += 0.37) {
      const want = Math.exp(x); // Math.exp is fine in tests, not in sim/
      expect(Math.abs(expDet(x) - want) / want).toBeLessThan(1e-15);
    }
    for (let x = -2; x <= 2; x += 0.001) {
      expect(Math.abs(expDet(x) - Math.exp(x)) / Math.exp(x)).toBeLessThan(1e-15);
    }
  });

  it('handles special and extreme arguments', () => {
    expect(expDet(0)).toBe(1);
    expect(expDet(1)).toBeCloseTo(Math.E, 15);
    expect(expDet(-800)).toBe(0);
    expect(expDet(800)).toBe(Infinity);
    expect(expDet(-Infinity)).toBe(0);
    expect(Number.isNaN(expDet(NaN))).toBe(true);
    // Subnormal results: within one unit of the smallest subnormal.
    expect(Math.abs(expDet(-740) - Math.exp(-740))).toBeLessThanOrEqual(5e-324);
    // Near overflow (k = 1024 takes the two-step 2^k scaling path).
    for (const x of [709.0, 709.5, 709.78]) {
      expect(Math.abs(expDet(x) / Math.exp(x) - 1)).toBeLessThan(1e-15);
    }
  });
});

describe('normalCdf', () => {
  it('matches high-precision reference values', () => {
    for (const [z, want] of PHI_REFERENCE) {
      const got = normalCdf(z);
      expect(Math.abs(got - want)).toBeLessThan(1e-15); // absolute
      expect(Math.abs(got - want) / want).toBeLessThan(1e-13); // relative, incl. deep tails
    }
  });

  it('the values quoted in the brief', () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 15);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 15);
  });

  it('is exact at 0 and at ±∞, symmetric, and NaN-propagating', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(Number.isNaN(normalCdf(NaN))).toBe(true);
    for (let z = 0; z < 9; z += 0.05) {
      expect(Math.abs(normalCdf(z) + normalCdf(-z) - 1)).toBeLessThan(2e-16);
    }
  });

  it('is monotone across the series / continued-fraction switch at |z| = 3', () => {
    let prev = 0;
    for (let z = -3.01; z <= -2.99; z += 0.0001) {
      const v = normalCdf(z);
      expect(v).toBeGreaterThan(prev);
      prev = v;
    }
  });

  it('normalPdf(0) = 1/√(2π)', () => {
    expect(normalPdf(0)).toBe(0.3989422804014327);
  });
});
