import { describe, expect, it } from 'vitest';
import { magnitude, varghaDelaneyA } from '../../sim/analysis/stats/index.ts';

describe('varghaDelaneyA', () => {
  it('x=[1,2,3], y=[1,2]: enumerate the 6 pairs', () => {
    // (x,y): (1,1)=½ (1,2)=0 (2,1)=1 (2,2)=½ (3,1)=1 (3,2)=1 → 4 of 6 ⇒ A = 2/3.
    // Via ranks: pooled 1,1,2,2,3 → midranks 1.5,1.5,3.5,3.5,5; R1 = 1.5+3.5+5 = 10,
    // U1 = 10 − 3·4/2 = 4, A = 4/(3·2) = 2/3.
    expect(varghaDelaneyA([1, 2, 3], [1, 2])).toBeCloseTo(2 / 3, 15);
    // Reverse: pairs (y,x) where y wins = 0 + ½·2 ties + (2 vs 1) = 2 of 6 ⇒ 1/3.
    expect(varghaDelaneyA([1, 2], [1, 2, 3])).toBeCloseTo(1 / 3, 15);
  });

  it('complete separation and complete ties', () => {
    expect(varghaDelaneyA([3, 4], [1, 2])).toBe(1);
    expect(varghaDelaneyA([1, 2], [3, 4])).toBe(0);
    expect(varghaDelaneyA([5, 5], [5, 5, 5])).toBe(0.5);
  });

  it('order of the inputs does not matter', () => {
    expect(varghaDelaneyA([3, 1, 2], [2, 1])).toBeCloseTo(2 / 3, 15);
  });

  it('empty sample gives NaN; NaN values throw', () => {
    expect(Number.isNaN(varghaDelaneyA([], [1]))).toBe(true);
    expect(Number.isNaN(varghaDelaneyA([1], []))).toBe(true);
    expect(() => varghaDelaneyA([1, NaN], [1])).toThrow(RangeError);
  });

  it('accepts typed arrays', () => {
    expect(varghaDelaneyA(new Float64Array([1, 2, 3]), Int32Array.from([1, 2]))).toBeCloseTo(2 / 3, 15);
  });
});

describe('magnitude (Vargha & Delaney 2000 thresholds 0.56 / 0.64 / 0.71)', () => {
  it('classifies both sides of 0.5, boundaries belonging to the larger class', () => {
    const cases: Array<[number, string]> = [
      [0.5, 'negligible'], [0.55, 'negligible'], [0.45, 'negligible'],
      [0.56, 'small'], [0.44, 'small'], [0.63, 'small'], [0.37, 'small'],
      [0.64, 'medium'], [0.36, 'medium'], [0.7, 'medium'], [0.3, 'medium'],
      [0.71, 'large'], [0.29, 'large'], [1, 'large'], [0, 'large'],
    ];
    for (const [A, want] of cases) expect(magnitude(A), `A = ${A}`).toBe(want);
  });

  it('rejects values outside [0, 1]', () => {
    expect(() => magnitude(NaN)).toThrow(RangeError);
    expect(() => magnitude(1.2)).toThrow(RangeError);
    expect(() => magnitude(-0.1)).toThrow(RangeError);
  });
});
