// The NK landscape (sim/engine/landscape; ODD.md (Docking: the NK landscape)): enumeration
// against brute force, scales, turbulence, polarities, search primitives, and exact numbers
// pinned for a seed.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng } from '../../sim/engine/rng.ts';
import {
  aspectOptimum, aspectSum, copyIfBetter, createLandscape, drawPolarity, enumerate, favouredSetting, isLocalPeak, projectApproach, projectValues,
  scaledWorth, tryVariant, turbulence, untriedKnob, withinCount, worth, worthSum, WORTH_SCALES, type Landscape,
} from '../../sim/engine/landscape/index.ts';

/** W(x)·N written out independently of worth.ts: knob i reads its own bit and its deps' bits. */
function bruteSum(land: Landscape, x: number): number {
  let s = 0;
  for (let i = 0; i < land.n; i++) {
    let t = (x >> i) & 1;
    for (let p = 0; p < land.k; p++) t += ((x >> land.deps[i * land.k + p]) & 1) * 2 ** (p + 1);
    s += land.tables[i * land.size + t];
  }
  return s;
}

function brute(land: Landscape) {
  let max = -Infinity, best = -1, total = 0;
  for (let x = 0; x < 2 ** land.n; x++) {
    const s = bruteSum(land, x);
    total += s;
    if (s > max) { max = s; best = x; }
  }
  return { max, best, mean: total / 2 ** land.n };
}

const specArb = fc.record({
  perAspect: fc.integer({ min: 1, max: 5 }),
  aspects: fc.integer({ min: 1, max: 3 }),
  kShare: fc.double({ min: 0, max: 1, noNaN: true }),
  withinShare: fc.double({ min: 0, max: 1, noNaN: true }),
  seed: fc.integer({ min: 0, max: 1_000_000 }),
}).map(({ perAspect, aspects, kShare, withinShare, seed }) => {
  const n = perAspect * aspects;
  return { perAspect, aspects, k: Math.min(n - 1, Math.floor(kShare * n)), withinShare, seed };
});

const make = (s: { perAspect: number; aspects: number; k: number; withinShare: number; seed: number }) =>
  createLandscape({ perAspect: s.perAspect, aspects: s.aspects, k: s.k, withinShare: s.withinShare }, createRng(s.seed));

describe('landscape: exact numbers for seed 1 (pinned)', () => {
  it('N = 8 (two aspects of 4), κ = 3, withinShare 2/3', () => {
    const land = createLandscape({ perAspect: 4, aspects: 2, k: 3, withinShare: 2 / 3 }, createRng(1));
    expect(Array.from(land.deps)).toEqual(PINNED.deps);
    expect([land.wMax, land.wMean, land.best]).toEqual(PINNED.summary);
    expect([worth(land, 0), worth(land, 0b10110101), worth(land, 255)]).toEqual(PINNED.worths);
  });
});

describe('landscape: enumeration', () => {
  it('W_max, x* and W̄ equal brute force; Gray-code sums equal direct sums bit for bit', () => {
    fc.assert(fc.property(specArb, (s) => {
      const land = make(s);
      const b = brute(land);
      expect(land.maxSum).toBe(b.max);
      expect(worthSum(land, land.best)).toBe(b.max);
      expect(Math.abs(land.meanSum - b.mean)).toBeLessThan(1e-12);
      const sums = new Float64Array(2 ** land.n);
      enumerate(land, sums);
      let mismatches = 0;
      for (let x = 0; x < sums.length; x++) if (sums[x] !== worthSum(land, x)) mismatches++;
      expect(mismatches).toBe(0);
    }), { numRuns: 60 });
  });

  it('dependencies are distinct, never the knob itself, and withinCount of them lie in the own aspect', () => {
    fc.assert(fc.property(specArb, (s) => {
      const land = make(s);
      const within = withinCount(land.n, land.k, land.perAspect, land.withinShare);
      expect(within).toBeGreaterThanOrEqual(0);
      expect(within).toBeLessThanOrEqual(Math.min(land.k, land.perAspect - 1));
      for (let i = 0; i < land.n; i++) {
        const d = Array.from(land.deps.subarray(i * land.k, (i + 1) * land.k));
        expect(new Set(d).size).toBe(land.k);
        expect(d).not.toContain(i);
        const aspect = Math.floor(i / land.perAspect);
        expect(d.filter((j) => Math.floor(j / land.perAspect) === aspect).length).toBe(within);
      }
    }), { numRuns: 100 });
  });

  it('withinShare splits κ as stated: N = 12 in three aspects of 4, κ = 4', () => {
    expect(withinCount(12, 4, 4, 1)).toBe(3); // only 3 other knobs in the aspect
    expect(withinCount(12, 4, 4, 0.5)).toBe(2);
    expect(withinCount(12, 4, 4, 0)).toBe(0);
    expect(withinCount(4, 3, 4, 0)).toBe(3); // one aspect: everything is within
  });

  it('κ = 0: W_max is the sum of each knob\'s better setting', () => {
    const land = createLandscape({ perAspect: 12, aspects: 1, k: 0 }, createRng(5));
    let s = 0;
    for (let i = 0; i < 12; i++) s += Math.max(land.tables[2 * i], land.tables[2 * i + 1]);
    expect(land.maxSum).toBe(s);
  });

  it('2^20 approaches at κ = 5 enumerate in well under a second', () => {
    const land = createLandscape({ perAspect: 5, aspects: 4, k: 5, withinShare: 0.6 }, createRng(2));
    const t0 = performance.now();
    enumerate(land);
    expect(performance.now() - t0).toBeLessThan(1500);
    expect(worthSum(land, land.best)).toBe(land.maxSum);
  });

  it('the same seed draws the same landscape; another seed another', () => {
    const spec = { perAspect: 3, aspects: 3, k: 4, withinShare: 0.5 };
    const a = createLandscape(spec, createRng(9)), b = createLandscape(spec, createRng(9)), c = createLandscape(spec, createRng(10));
    expect(b.tables).toEqual(a.tables);
    expect(b.deps).toEqual(a.deps);
    expect(c.tables).not.toEqual(a.tables);
  });

  it('bad specifications are refused with the cause named', () => {
    expect(() => createLandscape({ perAspect: 7, aspects: 3, k: 2 }, createRng(1))).toThrow(/at most 20 knobs/);
    expect(() => createLandscape({ perAspect: 4, aspects: 1, k: 4 }, createRng(1))).toThrow(/κ must be/);
    expect(() => createLandscape({ perAspect: 4, aspects: 1, k: 1, withinShare: 2 }, createRng(1))).toThrow(/withinShare/);
  });
});

describe('landscape: worth scales', () => {
  it('W ∈ [0, 1); every scale ∈ [0, 1] and 1 at x*; above-mean is 0 at or below W̄', () => {
    fc.assert(fc.property(specArb, fc.integer({ min: 0, max: 2 ** 20 - 1 }), (s, raw) => {
      const land = make(s);
      const x = raw & (2 ** land.n - 1);
      const w = worth(land, x);
      expect(w).toBeGreaterThanOrEqual(0);
      expect(w).toBeLessThan(1);
      for (const scale of WORTH_SCALES) {
        const v = scaledWorth(land, worthSum(land, x), scale);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
        expect(scaledWorth(land, land.maxSum, scale)).toBe(1);
      }
      if (worthSum(land, x) <= land.meanSum) expect(scaledWorth(land, worthSum(land, x), 'above-mean')).toBe(0);
    }), { numRuns: 200 });
  });

  it('power8 is raw to the eighth power; above-mean is (W − W̄)/(W_max − W̄)', () => {
    const land = createLandscape({ perAspect: 10, aspects: 1, k: 2 }, createRng(3));
    const s = worthSum(land, 0b1010101010);
    const r = scaledWorth(land, s, 'raw');
    expect(r).toBeCloseTo(land.wMax > 0 ? worth(land, 0b1010101010) / land.wMax : 1, 14);
    expect(scaledWorth(land, s, 'power8')).toBeCloseTo(r ** 8, 14);
    const om = (worth(land, 0b1010101010) - land.wMean) / (land.wMax - land.wMean);
    expect(scaledWorth(land, s, 'above-mean')).toBeCloseTo(Math.max(0, om), 12);
  });
});

describe('landscape: turbulence', () => {
  it('redraws the tables of round(share·N) knobs, keeps the dependencies, and recomputes W_max and W̄', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (seed, share) => {
      const land = createLandscape({ perAspect: 4, aspects: 3, k: 3, withinShare: 0.5 }, createRng(seed));
      const tables = land.tables.slice(), deps = land.deps.slice();
      const count = turbulence(land, share, createRng(seed + 1));
      expect(count).toBe(Math.round(share * 12));
      let changed = 0;
      for (let i = 0; i < 12; i++) {
        const a = tables.subarray(i * land.size, (i + 1) * land.size), b = land.tables.subarray(i * land.size, (i + 1) * land.size);
        if (a.some((v, t) => v !== b[t])) changed++;
      }
      expect(changed).toBe(count);
      expect(land.deps).toEqual(deps);
      const b = brute(land);
      expect(land.maxSum).toBe(b.max);
      expect(Math.abs(land.meanSum - b.mean)).toBeLessThan(1e-12);
    }), { numRuns: 25 });
  });

  it('refuses more than 16 knobs', () => {
    const land = createLandscape({ perAspect: 17, aspects: 1, k: 1 }, createRng(1));
    expect(() => turbulence(land, 0.1, createRng(2))).toThrow(/at most 16 knobs/);
  });
});

describe('landscape: polarities and the status quo (F4)', () => {
  it('x⁰ differs from x* on exactly round(δ·N) knobs, and x⁰ is what the dominant stakes favour', () => {
    fc.assert(fc.property(specArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }), (s, delta, stakes) => {
      const land = make(s);
      const dominant = stakes.slice(0, land.aspects);
      const p = drawPolarity(land, dominant, delta, createRng(s.seed + 7));
      let diff = 0;
      for (let i = 0; i < land.n; i++) if (((p.statusQuo ^ land.best) >> i) & 1) diff++;
      expect(diff).toBe(Math.round(delta * land.n));
      expect(p.wrong).toBe(diff);
      for (let i = 0; i < land.n; i++) {
        const o = dominant[Math.floor(i / land.perAspect)];
        if (o === 0.5) continue;
        expect(favouredSetting(p.polarity, i, o) > 0.5 ? 1 : 0).toBe((p.statusQuo >> i) & 1);
      }
    }), { numRuns: 150 });
  });

  it('P_k of an approach equals P_k of its knob values, and P_k(π) = 1, P_k(not π) = 0', () => {
    const land = createLandscape({ perAspect: 4, aspects: 3, k: 2 }, createRng(4));
    const { polarity } = drawPolarity(land, [0.9, 0.2, 0.6], 0.25, createRng(5));
    for (const x of [0, 0b101101011010, 4095, 1234]) {
      const v = Array.from({ length: 12 }, (_, i) => (x >> i) & 1);
      for (let a = 0; a < 3; a++) expect(projectValues(land, polarity, v, 0, a)).toBe(projectApproach(land, polarity, x, a));
    }
    for (let a = 0; a < 3; a++) {
      expect(projectApproach(land, polarity, polarity, a)).toBe(1);
      expect(projectApproach(land, polarity, ~polarity & 4095, a)).toBe(0);
    }
    expect(projectValues(land, polarity, new Float64Array(12).fill(0.5), 0, 1)).toBe(0.5);
  });

  it('bad input is refused with the cause named', () => {
    const land = createLandscape({ perAspect: 4, aspects: 2, k: 1 }, createRng(1));
    expect(() => drawPolarity(land, [0.5], 0.2, createRng(1))).toThrow(/one dominant stake per knowledge aspect/);
    expect(() => drawPolarity(land, [0.5, 0.5], 1.5, createRng(1))).toThrow(/δ must lie/);
  });
});

describe('landscape: search primitives', () => {
  it('κ = 0: x* is the only local peak', () => {
    const land = createLandscape({ perAspect: 8, aspects: 1, k: 0 }, createRng(11));
    for (let x = 0; x < 256; x++) expect(isLocalPeak(land, x)).toBe(x === land.best);
  });

  it('tryVariant never lowers the worth and changes one knob when it moves; copyIfBetter copies only a strictly better approach', () => {
    const land = createLandscape({ perAspect: 10, aspects: 1, k: 4 }, createRng(12));
    const rng = createRng(13);
    const x = new Int32Array([0, 1023]), sums = new Float64Array([worthSum(land, 0), worthSum(land, 1023)]);
    for (let t = 0; t < 200; t++) {
      const before = x[0], s = sums[0];
      const moved = tryVariant(land, x, sums, 0, rng);
      expect(sums[0]).toBeGreaterThanOrEqual(s);
      expect(sums[0]).toBe(worthSum(land, x[0]));
      if (moved) expect([1, 2, 4, 8, 16, 32, 64, 128, 256, 512]).toContain(before ^ x[0]);
      else expect(x[0]).toBe(before);
    }
    expect(isLocalPeak(land, x[0])).toBe(true); // 200 random tries of 10 knobs: stuck on a peak
    const better = sums[0] > sums[1] ? 0 : 1, worse = 1 - better;
    const toX = x.slice(), toSum = sums.slice();
    expect(copyIfBetter(toX, toSum, better, x, sums, worse)).toBe(false);
    expect(copyIfBetter(toX, toSum, worse, x, sums, better)).toBe(true);
    expect(toX[worse]).toBe(x[better]);
    expect(toSum[worse]).toBe(sums[better]);
    expect(copyIfBetter(toX, toSum, worse, x, sums, better)).toBe(false); // equal is not better
  });

  it('untriedKnob picks only untried knobs and says when none is left', () => {
    const rng = createRng(14);
    for (let t = 0; t < 100; t++) {
      const j = untriedKnob(0b1011011, 8, rng);
      expect([2, 5, 7]).toContain(j);
    }
    expect(untriedKnob(255, 8, rng)).toBe(-1);
  });
});

describe('landscape: silo expertise (aspectOptimum)', () => {
  it('changes only the aspect\'s knobs and beats every other setting of them on the aspect\'s own contributions', () => {
    fc.assert(fc.property(specArb, fc.integer({ min: 0, max: 2 ** 20 - 1 }), (s, raw) => {
      const land = make(s);
      const x = raw & (2 ** land.n - 1);
      for (let a = 0; a < land.aspects; a++) {
        const mask = (2 ** land.perAspect - 1) * 2 ** (a * land.perAspect);
        const y = aspectOptimum(land, a, x);
        expect(y & ~mask).toBe(x & ~mask);
        for (let setting = 0; setting < 2 ** land.perAspect; setting++) {
          const z = (x & ~mask) | (setting * 2 ** (a * land.perAspect));
          expect(aspectSum(land, a, z)).toBeLessThanOrEqual(aspectSum(land, a, y));
        }
      }
    }), { numRuns: 60 });
  });

  it('with one aspect and κ = 0 it is the best approach; with cross-aspect dependencies it can miss it', () => {
    const land = createLandscape({ perAspect: 10, aspects: 1, k: 0 }, createRng(21));
    expect(aspectOptimum(land, 0, 0)).toBe(land.best);
    let missed = 0;
    for (let seed = 0; seed < 20; seed++) {
      const l = createLandscape({ perAspect: 4, aspects: 3, k: 4, withinShare: 0.25 }, createRng(seed));
      let x = 0;
      for (let a = 0; a < 3; a++) x = aspectOptimum(l, a, x);
      if (x !== l.best) missed++;
    }
    expect(missed).toBeGreaterThan(0); // silo experts on their own do not assemble x*
  });
});

const PINNED = {
  deps: [2, 1, 5, 2, 0, 5, 0, 1, 5, 0, 1, 6, 7, 6, 3, 7, 6, 1, 4, 5, 3, 5, 4, 0],
  summary: [0.7597725316300057, 0.5540093223225995, 58],
  worths: [0.5823356833134312, 0.41170540725579485, 0.5295132981264032],
};
