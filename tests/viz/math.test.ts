// UI-side maths of the app: PCA for the interest space, the simplex of the balance
// triangle, the tie selection of the network view, the box-plot statistics.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quantile } from 'd3-array';
import { pca2, project, covariance } from '../../viz/math/pca.ts';
import { ternary, CORNERS } from '../../viz/math/ternary.ts';
import { strongest } from '../../viz/views/network.ts';
import { boxStats } from '../../viz/views/boxPlots.ts';

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((s, v, i) => s + v * b[i], 0);

describe('pca2', () => {
  it('finds the axis of a cloud stretched along a known direction', () => {
    // Points along (1, 1, 0)/√2 with a little spread on (0, 0, 1).
    const n = 50, k = 3, data = new Float64Array(n * k);
    for (let i = 0; i < n; i++) {
      const t = (i - 25) / 25;
      data[i * k] = 0.5 + 0.3 * t;
      data[i * k + 1] = 0.5 + 0.3 * t;
      data[i * k + 2] = 0.5 + 0.05 * ((i % 5) - 2) / 2;
    }
    const p = pca2(data, n, k);
    expect(Math.abs(dot(p.axes[0], [Math.SQRT1_2, Math.SQRT1_2, 0]))).toBeCloseTo(1, 3);
    expect(Math.abs(p.axes[1][2])).toBeCloseTo(1, 3);
    expect(p.explained[0]).toBeGreaterThan(0.9);
  });

  it('gives orthonormal axes whose variances are the leading eigenvalues, for any data', () => {
    fc.assert(fc.property(
      fc.integer({ min: 2, max: 6 }),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 60, maxLength: 60 }),
      (k, values) => {
        const n = Math.floor(values.length / k);
        const data = Float64Array.from(values.slice(0, n * k));
        const p = pca2(data, n, k);
        const { cov } = covariance(data, n, k);
        const norm0 = dot(p.axes[0], p.axes[0]);
        if (norm0 === 0) return true; // a cloud with no spread
        expect(norm0).toBeCloseTo(1, 6);
        expect(Math.abs(dot(p.axes[0], p.axes[1]))).toBeLessThan(1e-6);
        // The first axis' variance is at least that along any coordinate axis.
        const v0 = dot(p.axes[0], Array.from({ length: k }, (_, a) => dot(cov.subarray(a * k, a * k + k), p.axes[0])));
        for (let a = 0; a < k; a++) expect(v0).toBeGreaterThanOrEqual(cov[a * k + a] - 1e-9);
        return true;
      },
    ), { numRuns: 60 });
  });

  it('keeps the sign of its axes from frame to frame (no flipping view)', () => {
    const n = 40, k = 3, data = new Float64Array(n * k);
    for (let i = 0; i < n * k; i++) data[i] = ((i * 37) % 17) / 17;
    const first = pca2(data, n, k);
    const flipped = { ...first, axes: [first.axes[0].map((v) => -v), first.axes[1].map((v) => -v)] as [Float64Array, Float64Array] };
    const again = pca2(data, n, k, undefined, flipped);
    expect(dot(again.axes[0], flipped.axes[0])).toBeGreaterThan(0.99);
    expect(project(again, data, 0)[0]).toBeCloseTo(-project(first, data, 0)[0], 6);
  });
});

describe('ternary', () => {
  it('puts pure functions at the corners and equal ones at the centre', () => {
    expect(ternary(1, 0, 0)).toEqual(CORNERS[0]);
    expect(ternary(0, 2, 0)).toEqual(CORNERS[1]);
    expect(ternary(0, 0, 0.3)).toEqual(CORNERS[2]);
    const c = ternary(0.4, 0.4, 0.4)!;
    expect(c[0]).toBeCloseTo(0.5, 12);
    expect(c[1]).toBeCloseTo(CORNERS[0][1] / 3, 12);
    expect(ternary(0, 0, 0)).toBeNull();
  });
});

describe('strongest ties', () => {
  it('returns the `limit` most trusted ties, strongest first', () => {
    fc.assert(fc.property(fc.array(fc.float({ min: 0, max: 1, noNaN: true }), { maxLength: 300 }), fc.integer({ min: 1, max: 50 }), (trusts, limit) => {
      const trust = Float32Array.from(trusts);
      const got = strongest(trust, limit);
      const expected = Array.from(trust.keys()).sort((a, b) => trust[b] - trust[a] || a - b).slice(0, limit);
      expect(got.map((q) => trust[q])).toEqual(expected.map((q) => trust[q]));
    }), { numRuns: 100 });
  });
});

describe('boxStats', () => {
  it('matches d3 quartiles and keeps whiskers within 1.5 IQR', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 50 }), (xs) => {
      const s = boxStats(xs)!;
      const sorted = [...xs].sort((a, b) => a - b);
      expect(s.q1).toBeCloseTo(quantile(sorted, 0.25)!, 9);
      expect(s.median).toBeCloseTo(quantile(sorted, 0.5)!, 9);
      expect(s.q3).toBeCloseTo(quantile(sorted, 0.75)!, 9);
      expect(s.lo).toBeGreaterThanOrEqual(s.q1 - 1.5 * (s.q3 - s.q1) - 1e-9);
      expect(s.hi).toBeLessThanOrEqual(s.q3 + 1.5 * (s.q3 - s.q1) + 1e-9);
      expect(s.n).toBe(xs.length);
    }), { numRuns: 100 });
    expect(boxStats([])).toBeNull();
  });
});
