// Docking (ODD.md (Docking)): each mechanism, run alone through the engine, reproduces its
// published model. Tolerances are stated with each published number; see docs/VALIDATION.md.
import { describe, expect, it } from 'vitest';
import {
  fitCoreness, normalThresholds, randomDegroot, runDeffuant, runDegroot, runGolubJackson, runGranovetter, runHk, stationary,
} from '../../sim/docking/index.ts';
import { createRun, parseScenario } from '../../sim/index.ts';
import { findTie } from '../../sim/engine/ties.ts';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

describe('Deffuant et al. (2000) / Weisbuch et al. (2002): bounded confidence, K = 1, μ = 0.5', () => {
  for (const eps of [0.1, 0.15, 0.25]) {
    it(`ε = ${eps}: about ⌊1/(2ε)⌋ = ${Math.floor(1 / (2 * eps))} major clusters (each run within ±1, and the mean)`, () => {
      const expected = Math.floor(1 / (2 * eps));
      const counts = SEEDS.map((seed) => runDeffuant({ n: 1000, epsilon: eps, mu: 0.5, ticks: 2000, seed }).clusters);
      for (const c of counts) expect(Math.abs(c - expected), `clusters ${counts.join(', ')}`).toBeLessThanOrEqual(1);
      const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
      expect(Math.abs(mean - expected), `clusters ${counts.join(', ')}`).toBeLessThanOrEqual(1);
    });
  }
  it('ε = 0.5: one cluster holding everyone, at the centre', () => {
    for (const seed of SEEDS.slice(0, 4)) {
      const r = runDeffuant({ n: 500, epsilon: 0.5, mu: 0.5, ticks: 2000, seed });
      expect(r.clusters).toBe(1);
      expect(r.sizes[0]).toBe(500);
      expect(Math.abs(r.positions[0] - 0.5)).toBeLessThan(0.05);
      expect(r.converged).toBe(true);
    }
  });
  it('a tiny ε moves nobody: the first tick already changes nothing', () => {
    const r = runDeffuant({ n: 10, epsilon: 1e-6, mu: 0.5, ticks: 50, seed: 1 });
    expect(r.converged).toBe(true);
    expect(r.ticks).toBe(1);
  });
});

describe('Hegselmann & Krause (2002): synchronous bounded averaging (dialogueRule bounded-average)', () => {
  it('converges in finite time; ε = 0.3 gives consensus, ε = 0.1 fragments; final clusters lie ≥ ε apart', () => {
    for (const seed of SEEDS.slice(0, 4)) {
      const wide = runHk({ n: 100, epsilon: 0.3, ticks: 500, seed });
      expect(wide.converged).toBe(true);
      expect(wide.clusters).toBe(1);
      expect(wide.minor).toBe(0);
      const narrow = runHk({ n: 100, epsilon: 0.1, ticks: 500, seed });
      expect(narrow.converged).toBe(true);
      expect(narrow.ticks).toBeLessThan(50);
      expect(narrow.clusters).toBeGreaterThanOrEqual(3);
      const all = Float64Array.from(narrow.opinions).sort();
      const distinct = [all[0]];
      for (const x of all) if (x - distinct[distinct.length - 1] > 1e-9) distinct.push(x);
      for (let i = 1; i < distinct.length; i++) expect(distinct[i] - distinct[i - 1]).toBeGreaterThanOrEqual(0.1);
    }
  });
});

describe('DeGroot (1974): consensus = stationary-weighted average of the initial beliefs', () => {
  const W = [[1 / 3, 1 / 3, 1 / 3], [1 / 2, 1 / 2, 0], [0, 1 / 4, 3 / 4]];
  it('the 3-actor matrix has s = (3/11, 4/11, 4/11)', () => {
    const s = stationary(W);
    [3 / 11, 4 / 11, 4 / 11].forEach((v, i) => expect(s[i]).toBeCloseTo(v, 12));
  });
  it('the engine reaches s·x(0) for several starting beliefs', () => {
    for (const x0 of [[0.9, 0.1, 0.5], [0, 1, 0], [0.2, 0.2, 0.9]]) {
      const r = runDegroot(W, x0);
      expect(r.spread).toBeLessThan(1e-11);
      expect(Math.abs(r.consensus - (3 * x0[0] + 4 * x0[1] + 4 * x0[2]) / 11)).toBeLessThan(1e-10);
      expect(Math.abs(r.consensus - r.predicted)).toBeLessThan(1e-10);
    }
  });
  it('random positive row-stochastic matrices: consensus = prediction', () => {
    for (const [n, seed] of [[5, 1], [20, 2], [40, 3]] as const) {
      const { W: M, x0 } = randomDegroot(n, seed);
      const r = runDegroot(M, x0);
      expect(Math.abs(r.consensus - r.predicted)).toBeLessThan(1e-10);
    }
  });
  it('a stubborn actor (W_ii = 1) carries the consensus', () => {
    const r = runDegroot([[1, 0, 0], [0.5, 0.5, 0], [0, 0.5, 0.5]], [0.8, 0.1, 0.3]);
    expect(r.consensus).toBeCloseTo(0.8, 9);
  });
});

describe('Golub & Jackson (2010): wise crowds and dominant voices, through the learning mechanism', () => {
  it('no dominant voice: the consensus lands near the truth, far closer than individuals started', () => {
    // The consensus's error is the influence-weighted mean of independent initial errors (σ 0.2),
    // so its sd is 0.2·√Σs²; each seed within 4 sd, the mean over seeds well inside the
    // individuals' error, and no actor with a noticeable share of influence.
    const errors: number[] = [], initial: number[] = [];
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const r = runGolubJackson({ n: 200, seed, dominant: false });
      expect(r.spread).toBeLessThan(1e-9);
      expect(r.influenceNorm).toBeLessThan(0.1);
      expect(r.consensusError).toBeLessThan(4 * 0.2 * r.influenceNorm);
      expect(r.maxInfluence).toBeLessThan(0.02);
      expect(Math.abs(r.consensus - r.predicted)).toBeLessThan(1e-9);
      errors.push(r.consensusError); initial.push(r.meanInitialError);
    }
    const mean = (x: number[]) => x.reduce((a, b) => a + b, 0) / x.length;
    expect(mean(errors)).toBeLessThan(0.03);
    expect(mean(errors)).toBeLessThan(0.2 * mean(initial));
  });
  it("one dominant voice: the consensus is pulled to that actor's error", () => {
    for (const seed of [1, 2, 3]) {
      const crowd = runGolubJackson({ n: 200, seed, dominant: false });
      const r = runGolubJackson({ n: 200, seed, dominant: true, dominantError: 0.3 });
      expect(r.consensus).toBeGreaterThan(r.truth);
      expect(r.consensusError).toBeGreaterThan(0.5 * 0.3);
      expect(r.consensusError).toBeGreaterThan(5 * crowd.consensusError);
      expect(r.maxInfluence).toBeGreaterThan(0.5);
      expect(Math.abs(r.consensus - r.predicted)).toBeLessThan(1e-9);
    }
  });
});

describe('Granovetter (1978): thresholds, through project joining', () => {
  const uniform = () => Array.from({ length: 100 }, (_, i) => i);
  it('thresholds 0, 1, …, 99: all 100 act', () => {
    expect(runGranovetter(uniform()).active).toBe(100);
  });
  it('raise the threshold-1 actor to 2: only 1 acts', () => {
    const t = uniform();
    t[1] = 2;
    expect(runGranovetter(t).active).toBe(1);
  });
  it('normal thresholds, mean 25: few act at σ = 5, (nearly) all at σ = 20', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      expect(runGranovetter(normalThresholds(100, 25, 5, seed)).active).toBeLessThanOrEqual(5);
      expect(runGranovetter(normalThresholds(100, 25, 20, seed)).active).toBeGreaterThanOrEqual(95);
    }
  });
  it('nobody with threshold 0: nobody starts', () => {
    expect(runGranovetter([1, 1, 2, 3]).active).toBe(0);
  });
});

describe('Borgatti & Everett (2000): continuous core–periphery fit (sim/engine/mechanisms/coreness.ts)', () => {
  it('the ideal continuous pattern W_ij = c_i·c_j fits near 1 and the core is the top-c', () => {
    for (const b of [0.2, 0.5]) {
      const r = fitCoreness({ n: 40, core: 8, pCC: 0, pCP: 0, pPP: 0, seed: 1, peripheryCoreness: b });
      expect(r.fit).toBeGreaterThan(0.99);
      expect(r.recovered).toBe(1);
    }
  });
  it('a planted core–periphery network is recovered and fits far better than a random graph of equal density', () => {
    for (const seed of [1, 2, 3]) {
      const planted = fitCoreness({ n: 60, core: 12, pCC: 1, pCP: 0.5, pPP: 0.02, seed });
      const d = planted.density;
      const random = fitCoreness({ n: 60, core: 12, pCC: d, pCP: d, pPP: d, seed });
      expect(planted.recovered).toBe(1);
      expect(planted.fit).toBeGreaterThan(0.55);
      expect(random.fit).toBeLessThan(0.3);
      expect(planted.fit - random.fit).toBeGreaterThan(0.3);
    }
  });
});

describe('engine additions for docking keep their promises', () => {
  const base = {
    id: 'x', title: { nl: 'x', en: 'x' }, description: { nl: 'x', en: 'x' },
    aspects: [{ id: 'a', label: { nl: 'a', en: 'a' }, kind: 'knowledge', solution: 0.5 }],
    sectors: [{ id: 's', label: { nl: 's', en: 's' }, color: '#000000', affectedness: 1 }],
  };
  it('a directed tie exists in one direction only; selfWeight and belief are per actor', () => {
    const sc = parseScenario({
      ...base,
      actors: [
        { name: 'P', sector: 's', stake: [0.5], belief: [0.9], selfWeight: 7 },
        { name: 'Q', sector: 's', stake: [0.5] },
      ],
      ties: [{ from: 'P', to: 'Q', trust: 0.4, directed: true }],
    });
    const run = createRun({ scenario: sc, seed: 1 });
    const s = run.state;
    expect(s.tieTrust[findTie(s, 0, 1)]).toBe(0.4);
    expect(findTie(s, 1, 0)).toBe(-1);
    expect(s.selfWeight[0]).toBe(7);
    expect(s.selfWeight[1]).toBe(run.params.selfWeight);
    expect(s.belief[0]).toBe(0.9);
  });
  it('a belief for the wrong number of aspects is refused, naming the field', () => {
    expect(() => parseScenario({ ...base, actors: [{ name: 'P', sector: 's', stake: [0.5], belief: [0.1, 0.2] }] }, 'f.json'))
      .toThrow(/actors\[0\]\.belief/);
  });
});
