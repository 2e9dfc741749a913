import { describe, expect, it } from 'vitest';
import { createSobolSequence, directionIntegers } from '../../sim/analysis/sensitivity/sobol-sequence.ts';
import { JOE_KUO } from '../../sim/analysis/sensitivity/joe-kuo.ts';
import { createRng } from '../../sim/engine/rng.ts';

const take = (d: number, n: number, random?: () => number) => {
  const s = createSobolSequence(d, random);
  return Array.from({ length: n }, () => s.next());
};

describe("Sobol' sequence (Joe & Kuo direction numbers)", () => {
  it('starts with the rows of new-joe-kuo-6.21201 for dimensions 2–10', () => {
    // d = 2 … 10 as printed in the published table: s, a, m_1 … m_s.
    expect(JOE_KUO.slice(0, 9)).toEqual([
      [1, 0, 1], [2, 1, 1, 3], [3, 1, 1, 3, 1], [3, 2, 1, 1, 1], [4, 1, 1, 1, 3, 3],
      [4, 4, 1, 3, 5, 13], [5, 2, 1, 1, 5, 5, 17], [5, 4, 1, 1, 5, 5, 5], [5, 7, 1, 1, 7, 11, 19],
    ]);
  });

  it('equals scipy.stats.qmc.Sobol(d=6, scramble=False).random(16)', () => {
    expect(take(6, 16)).toEqual([
      [0, 0, 0, 0, 0, 0], [0.5, 0.5, 0.5, 0.5, 0.5, 0.5], [0.75, 0.25, 0.25, 0.25, 0.75, 0.75],
      [0.25, 0.75, 0.75, 0.75, 0.25, 0.25], [0.375, 0.375, 0.625, 0.875, 0.375, 0.125],
      [0.875, 0.875, 0.125, 0.375, 0.875, 0.625], [0.625, 0.125, 0.875, 0.625, 0.625, 0.875],
      [0.125, 0.625, 0.375, 0.125, 0.125, 0.375], [0.1875, 0.3125, 0.9375, 0.4375, 0.5625, 0.3125],
      [0.6875, 0.8125, 0.4375, 0.9375, 0.0625, 0.8125], [0.9375, 0.0625, 0.6875, 0.1875, 0.3125, 0.5625],
      [0.4375, 0.5625, 0.1875, 0.6875, 0.8125, 0.0625], [0.3125, 0.1875, 0.3125, 0.5625, 0.9375, 0.4375],
      [0.8125, 0.6875, 0.8125, 0.0625, 0.4375, 0.9375], [0.5625, 0.4375, 0.0625, 0.8125, 0.1875, 0.6875],
      [0.0625, 0.9375, 0.5625, 0.3125, 0.6875, 0.1875],
    ]);
  });

  it('equals scipy in high dimensions and later points (d = 128, points 37, 63, 777, 1000)', () => {
    const pts = take(128, 1001);
    expect([0, 9, 40, 99, 127].map((j) => pts[63][j])).toEqual([0.015625, 0.578125, 0.671875, 0.078125, 0.640625]);
    expect([5, 60, 127].map((j) => pts[37][j])).toEqual([0.296875, 0.078125, 0.671875]);
    expect([0, 1, 2, 9, 40, 99, 127].map((j) => pts[1000][j])).toEqual([0.2197265625, 0.0966796875, 0.5185546875, 0.0693359375, 0.9130859375, 0.1865234375, 0.5439453125]);
    expect([3, 64, 126].map((j) => pts[777][j])).toEqual([0.2744140625, 0.9384765625, 0.0947265625]);
  });

  it('is a (0, m, d)-net in every dimension: each of the first 2^m points sits in its own 1/2^m stratum', () => {
    const pts = take(40, 256);
    for (let j = 0; j < 40; j++) {
      const strata = new Set(pts.map((p) => Math.floor(p[j] * 256)));
      expect(strata.size).toBe(256);
    }
  });

  it('a digital shift keeps the stratification, differs per seed and repeats for a seed', () => {
    const a = take(8, 64, createRng(7));
    const b = take(8, 64, createRng(7));
    const c = take(8, 64, createRng(8));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    for (let j = 0; j < 8; j++) expect(new Set(a.map((p) => Math.floor(p[j] * 64))).size).toBe(64);
    expect(a.every((p) => p.every((x) => x >= 0 && x < 1))).toBe(true);
  });

  it('direction integers of dimension 1 are the van der Corput ones; the range is checked', () => {
    expect(directionIntegers(0)[1]).toBe(2 ** 31);
    expect(() => createSobolSequence(129)).toThrow(/1…128/);
    expect(() => createSobolSequence(0)).toThrow(RangeError);
  });
});
