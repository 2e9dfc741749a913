import { describe, expect, it } from 'vitest';
import { saltelliDesign } from '../../sim/analysis/sensitivity/saltelli.ts';
import { sobolIndices } from '../../sim/analysis/sensitivity/sobol-indices.ts';
import type { Problem } from '../../sim/analysis/sensitivity/problem.ts';
import { createRng } from '../../sim/engine/rng.ts';

// SALib's Ishigami test function (Ishigami & Homma 1990) with a = 7, b = 0.1 on [−π, π]³.
const A = 7, B = 0.1, PI = Math.PI;
const ishigami = ([x1, x2, x3]: number[]) => Math.sin(x1) + A * Math.sin(x2) ** 2 + B * x3 ** 4 * Math.sin(x1);
// Analytic variances (Sobol' & Levitan 1999): V1 = ½(1 + bπ⁴/5)², V2 = a²/8, V13 = b²π⁸(1/18 − 1/50).
const V1 = 0.5 * (1 + (B * PI ** 4) / 5) ** 2;
const V2 = A ** 2 / 8;
const V13 = B ** 2 * PI ** 8 * (1 / 18 - 1 / 50);
const V = V1 + V2 + V13;
const S1 = [V1 / V, V2 / V, 0];
const ST = [(V1 + V13) / V, V2 / V, V13 / V];
const problem: Problem = { parameters: ['x1', 'x2', 'x3'].map((name) => ({ name, min: -PI, max: PI, integer: false })) };

describe('Sobol indices (Saltelli 2010 S1, Jansen ST) on the Ishigami function', () => {
  it('the analytic values are the published ones', () => {
    expect(S1.map((s) => Number(s.toFixed(4)))).toEqual([0.3139, 0.4424, 0]);
    expect(ST.map((s) => Number(s.toFixed(4)))).toEqual([0.5576, 0.4424, 0.2437]);
  });

  for (const seed of [1, 2, 3]) {
    it(`N = 1024, shifted design seed ${seed}: every analytic index lies inside its 95 % bootstrap CI`, () => {
      const design = saltelliDesign(problem, 1024, { random: createRng(seed) });
      expect(design.values).toHaveLength(1024 * 5);
      const y = design.values.map(ishigami);
      const indices = sobolIndices(y, 3, design.step, { random: createRng(`boot${seed}`), resamples: 1000, level: 0.95 });
      indices.forEach((ix, j) => {
        expect(Math.abs(ix.S1 - S1[j])).toBeLessThanOrEqual(ix.S1_conf);
        expect(Math.abs(ix.ST - ST[j])).toBeLessThanOrEqual(ix.ST_conf);
        // The CIs are informative, not wide enough to hold anything.
        expect(ix.S1_conf).toBeLessThan(0.1);
        expect(ix.ST_conf).toBeLessThan(0.1);
      });
    });
  }

  it('pins the estimates for one seed (regression)', () => {
    const design = saltelliDesign(problem, 1024, { random: createRng(1) });
    const indices = sobolIndices(design.values.map(ishigami), 3, design.step, { random: createRng('boot1'), resamples: 1000, level: 0.95 });
    const r = (x: number) => Number(x.toFixed(4));
    expect(indices.map((ix) => [r(ix.S1), r(ix.S1_conf), r(ix.ST), r(ix.ST_conf)])).toEqual([
      [0.325, 0.0608, 0.5586, 0.0901],
      [0.4405, 0.0543, 0.4431, 0.0412],
      [0.0104, 0.0564, 0.2421, 0.0272],
    ]);
  });

  it('centring: an output offset by a constant gives the same indices (the estimator sees deviations only)', () => {
    const design = saltelliDesign(problem, 256, { random: createRng(4) });
    const conf = () => ({ random: createRng(4), resamples: 200, level: 0.95 });
    const y = design.values.map(ishigami);
    const plain = sobolIndices(y, 3, design.step, conf());
    const shifted = sobolIndices(y.map((v) => v + 1000), 3, design.step, conf());
    shifted.forEach((ix, j) => {
      expect(ix.S1).toBeCloseTo(plain[j].S1, 9);
      expect(ix.ST).toBeCloseTo(plain[j].ST, 9);
      expect(ix.S1_conf).toBeCloseTo(plain[j].S1_conf, 9);
    });
  });

  it('a second-order design (2D + 2 rows) gives the same S1 and ST from its A, AB and B rows', () => {
    const first = saltelliDesign(problem, 256, { random: createRng(5) });
    const second = saltelliDesign(problem, 256, { random: createRng(5), secondOrder: true });
    expect(second.values).toHaveLength(256 * 8);
    const conf = () => ({ random: createRng(9), resamples: 200, level: 0.95 });
    const a = sobolIndices(first.values.map(ishigami), 3, first.step, conf());
    const b = sobolIndices(second.values.map(ishigami), 3, second.step, conf());
    expect(b).toEqual(a);
  });

  it('a constant output has no indices (NaN → empty cells); a wrong row count is refused', () => {
    const design = saltelliDesign(problem, 8, { random: createRng(1) });
    const ix = sobolIndices(design.values.map(() => 3), 3, design.step, { random: createRng(1), resamples: 100, level: 0.95 });
    expect(ix.every((i) => Number.isNaN(i.S1) && Number.isNaN(i.ST))).toBe(true);
    expect(() => sobolIndices([1, 2, 3], 3, 5, { random: createRng(1), resamples: 100, level: 0.95 })).toThrow(/whole number of base samples/);
  });

  it('integer parameters are sampled uniformly over their whole numbers', () => {
    const p: Problem = { parameters: [{ name: 'k', min: 2, max: 5, integer: true }, { name: 'x', min: 0, max: 1, integer: false }] };
    const design = saltelliDesign(p, 64, { random: createRng(3) });
    const counts = new Map<number, number>();
    for (const row of design.values) counts.set(row[0], (counts.get(row[0]) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([2, 3, 4, 5]);
    // Columns of A and of B are each stratified: exactly N/4 per value in each.
    const aRows = design.values.filter((_, i) => i % design.step === 0);
    expect([2, 3, 4, 5].map((v) => aRows.filter((r) => r[0] === v).length)).toEqual([16, 16, 16, 16]);
  });
});
