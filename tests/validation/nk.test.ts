// Docking of the NK landscape (ODD.md (Docking); docs/VALIDATION.md §1, "NK landscape"): Kauffman
// (1993) peak counts and Lazer & Friedman (2007), through the engine's landscape code.
// Tolerances are stated with each published number.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';
import { countPeaks, runLazerFriedman, runNkPeaks, landscapeRng } from '../../sim/docking/index.ts';
import { createLandscape, enumerate, isLocalPeak } from '../../sim/engine/landscape/index.ts';

describe('Kauffman (1993): local peaks of NK landscapes', () => {
  it('κ = 0: exactly one peak, x*, for every N tried (1 … 12, five landscapes each)', () => {
    for (let n = 1; n <= 12; n++) {
      const r = runNkPeaks({ n, k: 0, seed: n, landscapes: 5 });
      expect(r.counts).toEqual([1, 1, 1, 1, 1]);
      expect(r.expected).toBe(1);
    }
  });

  for (const [n, landscapes] of [[8, 600], [10, 200]] as const) {
    const expected = 2 ** n / (n + 1);
    it(`κ = N − 1, N = ${n}: mean over ${landscapes} landscapes within 4 % and 4 standard errors of 2^N/(N + 1) = ${expected.toFixed(2)}`, () => {
      const r = runNkPeaks({ n, k: n - 1, seed: 1, landscapes });
      expect(r.expected).toBe(expected);
      expect(Math.abs(r.mean - expected) / expected).toBeLessThan(0.04);
      expect(Math.abs(r.mean - expected)).toBeLessThan(4 * r.se);
    });
  }

  it('ruggedness grows with κ (N = 10, 30 landscapes: mean peaks strictly increase over κ = 0, 2, 5, 9)', () => {
    const means = [0, 2, 5, 9].map((k) => runNkPeaks({ n: 10, k, seed: 2, landscapes: 30 }).mean);
    for (let i = 1; i < means.length; i++) expect(means[i]).toBeGreaterThan(means[i - 1]);
  });

  it('the counting agrees with the engine\'s isLocalPeak, approach by approach', () => {
    const land = createLandscape({ perAspect: 9, aspects: 1, k: 4 }, landscapeRng(3, 0));
    const sums = new Float64Array(2 ** 9);
    enumerate(land, sums);
    let peaks = 0;
    for (let x = 0; x < 2 ** 9; x++) if (isLocalPeak(land, x)) peaks++;
    expect(countPeaks(land, sums)).toBe(peaks);
    expect(isLocalPeak(land, land.best)).toBe(true);
  });

  it('exact numbers for seed 1 (pinned): N = 10, κ = 9, 200 landscapes; N = 10, κ = 3, one landscape', () => {
    const r = runNkPeaks({ n: 10, k: 9, seed: 1, landscapes: 200 });
    expect([r.mean, r.counts.slice(0, 5)]).toEqual(PINNED.k9);
    const one = runNkPeaks({ n: 10, k: 3, seed: 1 });
    expect([one.counts[0], one.wMax, one.wMean]).toEqual(PINNED.k3);
  });

  it('bad input is refused with the cause named', () => {
    expect(() => runNkPeaks({ n: 21, k: 1, seed: 1 })).toThrow(/N must be/);
    expect(() => runNkPeaks({ n: 10, k: 10, seed: 1 })).toThrow(/κ must be/);
    expect(() => runNkPeaks({ n: 10, k: 1, seed: 1, landscapes: 0 })).toThrow(/landscapes/);
  });
});

describe('Lazer & Friedman (2007): network structure of exploration and exploitation', () => {
  // N = 20, κ = 5, 100 agents, 8 landscapes, 60 ticks (≈ 1 s per network). Over seeds 1–4 the
  // complete network leads the line by 0.15–0.36 at tick 5 and trails it by 0.22–0.41 at tick 60.
  const base = { n: 20, k: 5, agents: 100, ticks: 60, landscapes: 8, seed: 1 } as const;
  const complete = runLazerFriedman({ ...base, network: 'complete' });
  const line = runLazerFriedman({ ...base, network: 'line' });

  it('N = 20, κ = 5: the complete network is ahead in the first ticks (by > 0.1 at ticks 3 and 5, ahead at tick 10)', () => {
    for (const t of [3, 5]) expect(complete.score[t] - line.score[t], `tick ${t}`).toBeGreaterThan(0.1);
    expect(complete.score[10]).toBeGreaterThan(line.score[10]);
  });

  it('N = 20, κ = 5: the line network is ahead in the long run (by > 0.1 at ticks 40 and 60)', () => {
    for (const t of [40, 60]) expect(line.score[t] - complete.score[t], `tick ${t}`).toBeGreaterThan(0.1);
  });

  it('both start from the same approaches on the same landscapes (common random numbers)', () => {
    expect(line.score[0]).toBe(complete.score[0]);
    expect(line.ties).toBe(100);
    expect(complete.ties).toBe(4950);
  });

  it('κ = 0: every agent reaches the best approach on both networks (score 1 by tick 60)', () => {
    for (const network of ['complete', 'line'] as const) {
      const r = runLazerFriedman({ ...base, k: 0, landscapes: 4, network });
      expect(r.atBest[60], network).toBe(1);
      expect(r.score[60], network).toBe(1);
    }
  });

  it('the network acts only through imitation: a lone agent searches the same on every network', () => {
    const lone = { ...base, agents: 1, ticks: 30, landscapes: 3 };
    const a = runLazerFriedman({ ...lone, network: 'complete' });
    const b = runLazerFriedman({ ...lone, network: 'line' });
    expect(b.score).toEqual(a.score);
    expect(a.ties).toBe(0);
  });

  it('score is the mean of (W/W_max)^8: in [0, 1], never falling (nobody takes a worse approach)', () => {
    for (const r of [complete, line]) {
      for (let t = 0; t < r.score.length; t++) {
        expect(r.score[t]).toBeGreaterThanOrEqual(0);
        expect(r.score[t]).toBeLessThanOrEqual(1);
        if (t > 0) expect(r.score[t]).toBeGreaterThanOrEqual(r.score[t - 1]);
      }
    }
  });

  it('the same seed gives the same curve; exact numbers for seed 1 (pinned)', () => {
    const again = runLazerFriedman({ ...base, network: 'line' });
    expect(again.score).toEqual(line.score);
    expect([complete.score[5], complete.score[60], line.score[5], line.score[60]]).toEqual(PINNED.lf);
  });

  it('random network: mean degree as asked, and bad input refused with the cause named', () => {
    const r = runLazerFriedman({ ...base, network: 'random', degree: 4, ticks: 1, landscapes: 1 });
    expect(r.ties).toBe(200);
    expect(() => runLazerFriedman({ ...base, network: 'ring' as 'line' })).toThrow(/network must be one of/);
    expect(() => runLazerFriedman({ ...base, network: 'line', agents: 0 })).toThrow(/agents must be/);
    expect(() => runLazerFriedman({ ...base, network: 'line', k: 20 })).toThrow(/κ must be/);
  });
});

describe('CLI: canonical nk-peaks and lazer-friedman', () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'samenspel.js'), 'canonical', ...args], { cwd: ROOT, encoding: 'utf8' });

  it('nk-peaks --json prints the docking result', () => {
    const r = cli('nk-peaks', '--n', '8', '--k', '7', '--seed', '1', '--landscapes', '3', '--json');
    expect(r.status).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data.counts).toEqual(runNkPeaks({ n: 8, k: 7, seed: 1, landscapes: 3 }).counts);
    expect(data.expected).toBeCloseTo(256 / 9, 12);
  });

  it('bad input exits 1 naming the flag and what was expected, without a stack trace', () => {
    for (const [args, cause] of [
      [['nk-peaks', '--n', '10', '--k', '10'], /--k expects a whole number in 0 … 9, got '10'/],
      [['lazer-friedman', '--network', 'ring'], /--network expects one of complete, line, random, got 'ring'/],
    ] as const) {
      const r = cli(...args);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(cause);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

const PINNED = {
  k9: [92.925, [91, 93, 82, 90, 100]] as [number, number[]],
  k3: [13, 0.7678008505376056, 0.4651447342359461],
  lf: [0.34269112626152065, 0.5158086598113905, 0.19600390682345598, 0.8269986827329545],
};
