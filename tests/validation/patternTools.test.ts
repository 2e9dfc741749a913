// The machinery behind the pattern table: effect sizes, the verdict rule, the null model,
// scenario sizing. Each assertion could fail if the code were wrong.
import { describe, expect, it } from 'vitest';
import { pairedA, deltaA, meanOver, ols, ranks, spearman, standardisedBeta, verdictOf } from '../../sim/analysis/patterns/stats.ts';
import { fitOf, graphOf, rewire } from '../../sim/analysis/patterns/network.ts';
import { plan, prepare } from '../../sim/analysis/patterns/prepare.ts';
import { shockDesign } from '../../sim/analysis/patterns/shock.ts';
import { createRun } from '../../sim/index.ts';
import { networkScenario } from '../../sim/docking/index.ts';
import { shipped } from '../helpers.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const raw = (id: string) => ({ file: id, json: JSON.parse(readFileSync(join(ROOT, 'scenarios', `${id}.json`), 'utf8')) });

describe('effect sizes and the verdict rule', () => {
  it('A of clearly separated arms is 1 with a CI above 0.5 (reproduced); swapped, 0 (reversed); equal arms, not reproduced', () => {
    const x = Array.from({ length: 20 }, (_, i) => 100 + i), y = Array.from({ length: 20 }, (_, i) => i);
    const up = pairedA(x, y, 't1');
    expect(up.estimate).toBe(1);
    expect(up.lo).toBeGreaterThan(0.5);
    expect(verdictOf(up)).toBe('reproduced');
    expect(verdictOf(pairedA(y, x, 't2'))).toBe('reversed');
    expect(verdictOf(pairedA(x, x, 't3'))).toBe('not reproduced');
    expect(verdictOf(pairedA(y, x, 't2'), 'below')).toBe('reproduced');
  });
  it('the bootstrap is deterministic per label', () => {
    const x = [3, 1, 4, 1, 5, 9, 2, 6], y = [2, 7, 1, 8, 2, 8, 1, 8];
    expect(pairedA(x, y, 'same')).toEqual(pairedA(x, y, 'same'));
    expect(meanOver(x, 'ρ', 'a')).toEqual(meanOver(x, 'ρ', 'a'));
  });
  it('ΔA measures an interaction: zero when the arms differ equally at both levels', () => {
    const lo = Array.from({ length: 12 }, (_, i) => i), hi = lo.map((v) => v + 100);
    expect(deltaA(hi, lo, hi, lo, 'd').estimate).toBe(0);
    expect(deltaA(lo, hi, hi, lo, 'd2').estimate).toBe(1);
  });
  it('ranks, Spearman and OLS agree with hand computations', () => {
    expect(ranks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    const x1 = [0, 1, 2, 3, 4, 5], x2 = [1, 0, 1, 0, 1, 0];
    const y = x1.map((v, i) => 2 + 3 * v - 1.5 * x2[i]);
    const b = ols(y, [x1, x2]);
    expect(b[0]).toBeCloseTo(2, 9); expect(b[1]).toBeCloseTo(3, 9); expect(b[2]).toBeCloseTo(-1.5, 9);
  });
  it('a standardised β separates a predictor from a correlated control', () => {
    const n = 40;
    const level = Array.from({ length: n }, (_, i) => i % 7);
    const balance = level.map((l, i) => l + (i % 3));
    const out = balance.map((b, i) => -2 * b + 3 * level[i]);
    expect(verdictOf(standardisedBeta(out, balance, [level], 'b'))).toBe('reversed');
  });
});

describe('the degree-preserving null', () => {
  it('keeps every degree and the edge weights and changes the edges', () => {
    const run = createRun({ scenario: networkScenario({ n: 40, core: 8, pCC: 1, pCP: 0.5, pPP: 0.02, seed: 1 }), seed: 1 });
    const g = graphOf(run.state);
    const r = rewire(g, 5);
    const deg = (a: Int32Array, b: Int32Array) => { const d = new Array(40).fill(0); for (let e = 0; e < a.length; e++) { d[a[e]]++; d[b[e]]++; } return d; };
    expect(deg(r.a, r.b)).toEqual(deg(g.a, g.b));
    expect([...r.w].sort()).toEqual([...g.w].sort());
    let moved = 0;
    for (let e = 0; e < g.a.length; e++) if (g.a[e] !== r.a[e] || g.b[e] !== r.b[e]) moved++;
    expect(moved).toBeGreaterThan(g.a.length / 2);
    // A planted core of high-degree actors is largely a degree effect: the null keeps most of it.
    expect(Math.abs(fitOf(g).fit - fitOf(r).fit)).toBeLessThan(0.15);
  });
  it('a core carried by strong ties among equal-degree actors fits well above the null', () => {
    // Ring lattice, every degree 4; ties among actors 0–9 have trust 1, all others 0.1.
    const n = 40, a: number[] = [], b: number[] = [], w: number[] = [];
    for (let i = 0; i < n; i++) for (const step of [1, 2]) {
      const j = (i + step) % n;
      a.push(Math.min(i, j)); b.push(Math.max(i, j)); w.push(i < 10 && j < 10 ? 1 : 0.1);
    }
    const g = { n, present: new Uint8Array(n).fill(1), a: Int32Array.from(a), b: Int32Array.from(b), w: Float64Array.from(w) };
    const observed = fitOf(g).fit;
    const nulls = [1, 2, 3, 4, 5].map((sd) => fitOf(rewire(g, sd)).fit);
    for (const f of nulls) expect(observed).toBeGreaterThan(f + 0.1);
  });
});

describe('scenarios at validation size', () => {
  it('caps actors and ticks, keeping named actors', () => {
    const p = prepare(raw('synthetisch'), 50, 60);
    const actors = p.scenario.actors.length + p.scenario.groups.reduce((a, g) => a + g.count, 0);
    expect(actors).toBeLessThanOrEqual(52);
    expect(actors).toBeGreaterThan(40);
    expect(p.ticks).toBe(60);
    const j = prepare(raw('jeugdhulp'), 1000, 1000);
    expect(j.scenario.actors.length).toBe(shipped('jeugdhulp').actors.length);
  });
  it('every pattern runs on the baseline plus the scenarios that list it', () => {
    const preps = [prepare(raw('synthetisch')), prepare(raw('jeugdhulp'))];
    const rows = plan(preps);
    expect(rows).toHaveLength(10);
    const p1 = rows.find((r) => r.pattern === 'P1')!;
    expect(p1.scenarios.map((s) => s.id)).toEqual(['synthetisch', ...(preps[1].patterns.includes('P1') ? ['jeugdhulp'] : [])]);
  });
  it('the shock twin differs from the shocked run only by the shock events', () => {
    const p = prepare(raw('jeugdhulp'));
    const d = shockDesign(p, 'resources');
    const cuts = (e: { type: string }[]) => e.filter((x) => x.type === 'resourceCut').length;
    expect(cuts(d.twin.events)).toBe(0);
    expect(cuts(d.shocked.events)).toBeGreaterThan(0);
    expect(d.shocked.events.length - cuts(d.shocked.events)).toBe(d.twin.events.length);
    expect(d.after[0]).toBe(d.t0);
  });
});
