import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { morrisDesign, spreadOut } from '../../sim/analysis/sensitivity/morris.ts';
import { elementaryEffects, morrisIndices } from '../../sim/analysis/sensitivity/elementary-effects.ts';
import type { Problem } from '../../sim/analysis/sensitivity/problem.ts';
import { createRng } from '../../sim/engine/rng.ts';

const conf = (seed: number | string) => ({ random: createRng(seed), resamples: 500, level: 0.95 });

describe('Morris trajectories', () => {
  it('every step changes exactly one parameter by ±Δ on the grid; each parameter once per trajectory', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 6 }), fc.integer({ min: 2, max: 8 }), fc.constantFrom(2, 4, 6, 8), fc.integer({ min: 0, max: 1e6 }), fc.boolean(),
      (d, r, levels, seed, optimise) => {
        const problem: Problem = { parameters: Array.from({ length: d }, (_, j) => ({ name: `p${j}`, min: 0, max: 1, integer: false })) };
        const design = morrisDesign(problem, { trajectories: r, levels, random: createRng(seed), candidates: optimise ? 3 * r : undefined });
        const delta = levels / (2 * (levels - 1));
        expect(design.unit).toHaveLength(r * (d + 1));
        for (let t = 0; t < r; t++) {
          const seen = new Set<number>();
          for (let k = 1; k <= d; k++) {
            const row = t * (d + 1) + k;
            const diff = design.unit[row].map((x, j) => x - design.unit[row - 1][j]);
            const moved = diff.map((x, j) => (Math.abs(x) > 1e-12 ? j : -1)).filter((j) => j >= 0);
            expect(moved).toEqual([design.changed[row]]);
            expect(Math.abs(Math.abs(diff[moved[0]]) - delta)).toBeLessThan(1e-12);
            seen.add(moved[0]);
          }
          expect(seen.size).toBe(d);
          expect(design.changed[t * (d + 1)]).toBe(-1);
        }
        for (const row of design.unit) {
          for (const x of row) {
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(1);
            expect(Math.abs(x * (levels - 1) - Math.round(x * (levels - 1)))).toBeLessThan(1e-9);
          }
        }
      },
    ), { numRuns: 60 });
  });

  it('optimised trajectories are more spread out than the first r candidates', () => {
    const problem: Problem = { parameters: Array.from({ length: 5 }, (_, j) => ({ name: `p${j}`, min: 0, max: 1, integer: false })) };
    const spread = (unit: number[][], r: number, d: number) => {
      const t = Array.from({ length: r }, (_, i) => unit.slice(i * (d + 1), (i + 1) * (d + 1)));
      let sum = 0;
      for (let i = 0; i < r; i++) for (let j = i + 1; j < r; j++) {
        let dist = 0;
        for (const p of t[i]) for (const q of t[j]) dist += Math.sqrt(p.reduce((s, x, k) => s + (x - q[k]) ** 2, 0));
        sum += dist * dist;
      }
      return sum;
    };
    const plain = morrisDesign(problem, { trajectories: 6, levels: 4, random: createRng(11) });
    const optimised = morrisDesign(problem, { trajectories: 6, levels: 4, random: createRng(11), candidates: 40 });
    expect(optimised.optimised).toBe(true);
    expect(spread(optimised.unit, 6, 5)).toBeGreaterThan(spread(plain.unit, 6, 5));
    expect(spreadOut([[[0]], [[1]], [[0.1]], [[0.9]]], 2)).toEqual([0, 1]);
  });

  it('refuses odd levels and integer ranges with fewer values than levels', () => {
    const p: Problem = { parameters: [{ name: 'k', min: 1, max: 3, integer: true }] };
    expect(() => morrisDesign(p, { trajectories: 4, levels: 3, random: createRng(1) })).toThrow(/even/);
    expect(() => morrisDesign(p, { trajectories: 4, levels: 4, random: createRng(1) })).toThrow(/k has 3 values/);
  });
});

describe('elementary effects', () => {
  it('a linear function: mu = mu_star = c·(max − min) (signed mu), sigma = 0', () => {
    // y = 2a − 3b + 0.5c with a ∈ [0, 1], b ∈ [10, 20], c ∈ [−4, 4]: EE per unit of range = 2, −30, 4.
    const problem: Problem = { parameters: [
      { name: 'a', min: 0, max: 1, integer: false },
      { name: 'b', min: 10, max: 20, integer: false },
      { name: 'c', min: -4, max: 4, integer: false },
    ] };
    const design = morrisDesign(problem, { trajectories: 10, levels: 4, random: createRng(3) });
    const y = design.values.map(([a, b, c]) => 2 * a - 3 * b + 0.5 * c);
    const ix = morrisIndices(problem, design, y, conf(1));
    [[2, 2], [-30, 30], [4, 4]].forEach(([mu, muStar], j) => {
      expect(ix[j].mu).toBeCloseTo(mu, 9);
      expect(ix[j].mu_star).toBeCloseTo(muStar, 9);
      expect(ix[j].sigma).toBeCloseTo(0, 9);
      expect(ix[j].mu_star_conf).toBeCloseTo(0, 9);
    });
  });

  it('hand-computed effects of one trajectory, with an integer parameter', () => {
    // y = a·k: a ∈ [0, 1] continuous, k ∈ {0 … 9}; levels 4 → k takes 0, 3, 6, 9.
    const problem: Problem = { parameters: [{ name: 'a', min: 0, max: 1, integer: false }, { name: 'k', min: 0, max: 9, integer: true }] };
    const values = [[0, 3], [2 / 3, 3], [2 / 3, 9]];
    const design = { values, changed: [-1, 0, 1] };
    const y = values.map(([a, k]) => a * k);
    // a: (2 − 0)/(2/3) = 3; k: (6 − 2)/((9 − 3)/9) = 6.
    const ee = elementaryEffects(problem, design, y);
    expect(ee[0][0]).toBeCloseTo(3, 12);
    expect(ee[1][0]).toBeCloseTo(6, 12);
    const generated = morrisDesign(problem, { trajectories: 5, levels: 4, random: createRng(2) });
    expect(generated.values.every((r) => Number.isInteger(r[1]) && [0, 3, 6, 9].includes(r[1]))).toBe(true);
  });

  it("Sobol's g-function (a = 0, 1, 4.5, 9, 99, 99, 99, 99): mu_star ranks the parameters as their importance", () => {
    const a = [0, 1, 4.5, 9, 99, 99, 99, 99];
    const g = (x: number[]) => x.reduce((p, xi, i) => p * (Math.abs(4 * xi - 2) + a[i]) / (1 + a[i]), 1);
    const problem: Problem = { parameters: a.map((_, j) => ({ name: `x${j + 1}`, min: 0, max: 1, integer: false })) };
    const design = morrisDesign(problem, { trajectories: 20, levels: 4, random: createRng(17), candidates: 60 });
    const ix = morrisIndices(problem, design, design.values.map(g), conf(2));
    const muStar = ix.map((i) => i.mu_star);
    expect(muStar[0]).toBeGreaterThan(muStar[1]);
    expect(muStar[1]).toBeGreaterThan(muStar[2]);
    expect(muStar[2]).toBeGreaterThan(muStar[3]);
    expect(muStar[3]).toBeGreaterThan(Math.max(...muStar.slice(4)));
    // The unimportant ones are screened out: their upper CI end lies below x1's lower end.
    for (let j = 4; j < 8; j++) expect(muStar[j] + ix[j].mu_star_conf).toBeLessThan(muStar[0] - ix[0].mu_star_conf);
  });
});
