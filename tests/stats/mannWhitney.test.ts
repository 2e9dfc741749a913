import { describe, expect, it } from 'vitest';
import { exactUCounts, mannWhitney } from '../../sim/analysis/stats/index.ts';

describe('mannWhitney: exact null distribution (n1, n2 ≤ 20, no ties)', () => {
  it('x=[1,2], y=[3,4,5]: U = 0, p = 2·(1/10)', () => {
    // No x beats any y ⇒ U = 0. Under H0 all C(5,2) = 10 rank sets for x are
    // equally likely; only {1,2} gives U = 0 ⇒ P(U ≤ 0) = 1/10, two-sided p = 0.2.
    const r = mannWhitney([1, 2], [3, 4, 5]);
    expect(r).toMatchObject({ U: 0, exact: true });
    expect(r.p).toBeCloseTo(0.2, 15);
    // Mirror: U for [3,4,5] vs [1,2] is 6 = n1·n2 − 0, same p.
    const m = mannWhitney([3, 4, 5], [1, 2]);
    expect(m.U).toBe(6);
    expect(m.p).toBeCloseTo(0.2, 15);
  });

  it('x=[1,3,5], y=[2,4,6,7]: U = 3, p = 0.4', () => {
    // U = #(x > y) = 0 (for 1) + 1 (3 > 2) + 2 (5 > 2, 4) = 3.
    // #orderings with U = u equals #partitions of u into ≤ 3 parts each ≤ 4:
    // u=0: 1, u=1: 1, u=2: 2 (2, 1+1), u=3: 3 (3, 2+1, 1+1+1) ⇒ P(U ≤ 3) = 7/35 = 0.2.
    // P(U ≥ 3) = 1 − 4/35 is larger, so p = 2·0.2 = 0.4 (R's wilcox.test agrees).
    const r = mannWhitney([1, 3, 5], [2, 4, 6, 7]);
    expect(r).toMatchObject({ U: 3, exact: true });
    expect(r.p).toBeCloseTo(0.4, 15);
  });

  it('U in the middle of the distribution gives p = 1 (capped)', () => {
    // x=[1,4], y=[2,3]: U = 2 = n1·n2/2; both tails ≥ ½ ⇒ 2·min ≥ 1 ⇒ p = 1.
    expect(mannWhitney([1, 4], [2, 3]).p).toBe(1);
  });

  it('exactUCounts(2,3) = partitions of u into ≤ 2 parts each ≤ 3', () => {
    // u: 0→{} 1→{1} 2→{2,1+1} 3→{3,2+1} 4→{3+1,2+2} 5→{3+2} 6→{3+3}; total 10 = C(5,2).
    expect(Array.from(exactUCounts(2, 3))).toEqual([1, 1, 2, 2, 2, 1, 1]);
    // Largest case: counts sum to C(40,20) exactly.
    const total = exactUCounts(20, 20).reduce((s, c) => s + c, 0);
    expect(total).toBe(137846528820);
  });
});

describe('mannWhitney: normal approximation', () => {
  it('tie correction, worked by hand: x=[1,2,2,3], y=[2,3,4]', () => {
    // Pooled sorted: 1x 2x 2x 2y 3x 3y 4y → ranks 1 | 2,3,4 → 3 | 5,6 → 5.5 | 7.
    // R1 = 1 + 3 + 3 + 5.5 = 12.5, U1 = 12.5 − 4·5/2 = 2.5 (U2 = 12 − 2.5 = 9.5).
    // Ties ⇒ normal approximation. Tie groups t=3 and t=2: Σ(t³−t) = 24 + 6 = 30.
    // σ² = 4·3/12 · ((7+1) − 30/(7·6)) = 8 − 5/7 = 51/7; μ = 6.
    // z = (2.5 − 6 + 0.5)/√(51/7) = −3/2.6992062... = −1.1114378604524226
    // p = 2Φ(z) = 0.26637992334248259 (mpmath; scipy mannwhitneyu asymptotic agrees).
    const r = mannWhitney([1, 2, 2, 3], [2, 3, 4]);
    expect(r.exact).toBe(false);
    expect(r.U).toBe(2.5);
    expect(r.z).toBeCloseTo(-3 / Math.sqrt(51 / 7), 14);
    expect(r.z).toBeCloseTo(-1.1114378604524226, 14);
    expect(Math.abs(r.p - 0.26637992334248259)).toBeLessThan(1e-12);
    expect(mannWhitney([2, 3, 4], [1, 2, 2, 3]).U).toBe(9.5);
  });

  it('n1 > 20 without ties: x = 1..21, y = 10.5..29.5', () => {
    // U = Σ over y=10.5+m (m=0..10) of #x ≥ 11+m = 11+10+…+1 = 66.
    // μ = 21·20/2 = 210, σ² = 420/12·42 = 1470 (no ties).
    // z = (66 − 210 + 0.5)/√1470 = −3.7427708096186351, p = 2Φ(z) = 1.8200221792309477e-4.
    const x = Array.from({ length: 21 }, (_, i) => i + 1);
    const y = Array.from({ length: 20 }, (_, m) => 10.5 + m);
    const r = mannWhitney(x, y);
    expect(r).toMatchObject({ U: 66, exact: false });
    expect(r.z).toBeCloseTo(-3.7427708096186351, 13);
    expect(Math.abs(r.p - 1.8200221792309477e-4)).toBeLessThan(1e-15);
  });

  it('every value tied: σ = 0 ⇒ z = 0, p = 1', () => {
    const r = mannWhitney([2, 2], [2, 2, 2]);
    expect(r).toEqual({ U: 3, z: 0, p: 1, exact: false });
  });

  it('empty sample ⇒ NaNs', () => {
    const r = mannWhitney([], [1, 2]);
    expect(Number.isNaN(r.U) && Number.isNaN(r.z) && Number.isNaN(r.p)).toBe(true);
    expect(r.exact).toBe(false);
  });
});
