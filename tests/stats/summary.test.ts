import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { comparePair, describe as describeSample, formatP, MIN_CI_RUNS, noCiReason } from '../../sim/analysis/stats/index.ts';

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('formatP', () => {
  it('uses "< 0.001" below 0.001 and 3 decimals otherwise', () => {
    expect(formatP(0.0004)).toBe('p < 0.001');
    expect(formatP(0)).toBe('p < 0.001');
    expect(formatP(0.001)).toBe('p = 0.001');
    expect(formatP(0.0123)).toBe('p = 0.012');
    expect(formatP(0.64)).toBe('p = 0.640');
    expect(formatP(1)).toBe('p = 1.000');
  });
});

describe('describe', () => {
  it('x = [1,2,3,4]: mean 2.5, median 2.5, sd √(5/3), CI around the mean', () => {
    // sd: deviations ±1.5, ±0.5 → Σ² = 2·2.25 + 2·0.25 = 5, /(n−1) = 5/3.
    const d = describeSample([4, 1, 3, 2], seedrandom.alea('d'));
    expect(d).toMatchObject({ n: 4, mean: 2.5, median: 2.5 });
    expect(d.sd).toBeCloseTo(Math.sqrt(5 / 3), 15);
    expect(d.lo).toBeLessThan(2.5);
    expect(d.hi).toBeGreaterThan(2.5);
    expect(d.lo).toBeGreaterThanOrEqual(1);
    expect(d.hi).toBeLessThanOrEqual(4);
  });

  it('edge cases: empty ⇒ NaNs; fewer than 3 values ⇒ no CI (and no draws), with the reason', () => {
    const e = describeSample([], seedrandom.alea('e'));
    expect(e.n).toBe(0);
    expect([e.mean, e.median, e.sd, e.lo, e.hi].every(Number.isNaN)).toBe(true);
    const one = describeSample([3], seedrandom.alea('e'));
    expect(one).toMatchObject({ n: 1, mean: 3, median: 3 });
    expect([one.sd, one.lo, one.hi].every(Number.isNaN)).toBe(true);
    let draws = 0;
    const two = describeSample([1, 2], () => { draws++; return 0.5; });
    expect(two).toMatchObject({ n: 2, mean: 1.5, median: 1.5 });
    expect([two.lo, two.hi].every(Number.isNaN)).toBe(true);
    expect(draws).toBe(0);
    const three = describeSample([1, 2, 6], seedrandom.alea('e'));
    expect(three.lo).toBeLessThan(three.hi);
    expect(MIN_CI_RUNS).toBe(3);
    expect([0, 1, 2, 3].map(noCiReason)).toEqual(['no runs', 'no CI: 1 run, at least 3 needed', 'no CI: 2 runs, at least 3 needed', null]);
  });
});

describe('comparePair', () => {
  // faciliterend = 11..40, keten = 1..30 (30 runs each, 20 tied values 11..30).
  // A: for a in 11..30 it beats a−1 keten runs and ties one: Σ(a − ½) = 410 − 10 = 400;
  // for a in 31..40 it beats all 30: 300. A = 700/900 = 0.777… → "0.78", |A−½| ≥ 0.21 ⇒ large.
  // Mann–Whitney (ties ⇒ normal): U = 700, μ = 450, σ² = 75·(61 − 120/3540) = 4572.4576,
  // z = 249.5/σ = 3.6897, p = 2.2448e-4 < 0.001 (scipy asymptotic: 2.2448380595775603e-4).
  const fac = range(11, 40);
  const ket = range(1, 30);

  it('clear winner as first argument', () => {
    const c = comparePair('faciliterend', fac, 'keten', ket, 'impact');
    expect(c.A).toBeCloseTo(7 / 9, 15);
    expect(Math.abs(c.p - 2.2448380595775603e-4)).toBeLessThan(1e-12);
    expect(c).toMatchObject({
      a: 'faciliterend', b: 'keten', measure: 'impact', nA: 30, nB: 30,
      magnitude: 'large', winner: 'faciliterend',
      verdict: 'faciliterend > keten on impact: A(faciliterend, keten) = 0.78 (large; faciliterend ahead), p < 0.001, 30 runs each',
    });
  });

  it('clear winner as second argument: the verdict quotes A(a, b) as the A field does, and names who is ahead', () => {
    const c = comparePair('keten', ket, 'faciliterend', fac, 'impact');
    expect(c.A).toBeCloseTo(2 / 9, 15);
    expect(c.winner).toBe('faciliterend');
    expect(c.verdict).toBe('faciliterend > keten on impact: A(keten, faciliterend) = 0.22 (large; faciliterend ahead), p < 0.001, 30 runs each');
    expect(c.verdict).toContain(`= ${c.A.toFixed(2)}`);
  });

  it('no clear difference: large A but p ≥ 0.05 ⇒ winner null', () => {
    // [1,3,5] vs [2,4,6,7]: U = 3 ⇒ A = 3/12 = 0.25; exact p = 0.4 (see mannWhitney test).
    const c = comparePair('X', [1, 3, 5], 'Y', [2, 4, 6, 7], 'impact');
    expect(c).toMatchObject({ A: 0.25, winner: null, magnitude: 'large', nA: 3, nB: 4 });
    expect(c.p).toBeCloseTo(0.4, 15);
    expect(c.verdict).toBe('no clear difference between X and Y on impact: A(X, Y) = 0.25, p = 0.400, 3 vs 4 runs');
  });

  it('throws when a side has no runs', () => {
    expect(() => comparePair('X', [], 'Y', [1], 'impact')).toThrow(RangeError);
  });
});
