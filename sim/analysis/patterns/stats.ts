// Effect sizes with bootstrap confidence intervals over seeds, and the verdict rule stated in
// advance: an effect is *reproduced* when its 95 % CI lies wholly on the predicted side of the
// null (0.5 for A, 0 for ΔA, β and ρ), *reversed* when it lies wholly on the other side, and
// *not reproduced* otherwise. Built on sim/analysis/stats (bootstrapCI, varghaDelaneyA).
import { bootstrapCI, varghaDelaneyA } from '../stats/index.ts';
import { createRng, deriveSeed } from '../../engine/rng.ts';
import type { Effect, Verdict } from './types.ts';

export const RESAMPLES = 2000;
export const LEVEL = 0.95;

/** Midranks (ties share the mean rank), 1-based. */
export function ranks(x: readonly number[]): number[] {
  const order = x.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out = new Array<number>(x.length);
  for (let a = 0; a < order.length;) {
    let b = a;
    while (b + 1 < order.length && order[b + 1][0] === order[a][0]) b++;
    const r = (a + b) / 2 + 1;
    for (let c = a; c <= b; c++) out[order[c][1]] = r;
    a = b + 1;
  }
  return out;
}

export function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  if (n < 2) return 0;
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
  mx /= n; my /= n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx, dy = y[i] - my;
    sxy += dx * dy; sxx += dx * dx; syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

/** Spearman's ρ: Pearson on midranks; 0 when either side is constant. */
export function spearman(x: readonly number[], y: readonly number[]): number {
  return pearson(ranks(x), ranks(y));
}

/** z-scores (0 for a constant column). */
export function standardise(x: readonly number[]): number[] {
  const n = x.length;
  const m = x.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(x.reduce((a, b) => a + (b - m) * (b - m), 0) / Math.max(1, n - 1));
  return x.map((v) => (sd > 0 ? (v - m) / sd : 0));
}

/** OLS coefficients of y on [1, X columns] by the normal equations (Gaussian elimination with
 * partial pivoting). Returns NaN coefficients when the design is singular. */
export function ols(y: readonly number[], columns: readonly (readonly number[])[]): number[] {
  const p = columns.length + 1, n = y.length;
  const A = Array.from({ length: p }, () => new Array<number>(p + 1).fill(0));
  const row = (i: number, c: number) => (c === 0 ? 1 : columns[c - 1][i]);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < p; a++) {
      const xa = row(i, a);
      for (let b = 0; b < p; b++) A[a][b] += xa * row(i, b);
      A[a][p] += xa * y[i];
    }
  }
  for (let c = 0; c < p; c++) {
    let piv = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(A[r][c]) > Math.abs(A[piv][c])) piv = r;
    if (Math.abs(A[piv][c]) < 1e-12) return new Array<number>(p).fill(NaN);
    [A[c], A[piv]] = [A[piv], A[c]];
    for (let r = 0; r < p; r++) {
      if (r === c) continue;
      const f = A[r][c] / A[c][c];
      for (let k = c; k <= p; k++) A[r][k] -= f * A[c][k];
    }
  }
  return A.map((r, c) => r[p] / r[c]);
}

/** Percentile bootstrap over units 0 … n − 1 (seeds or runs): `statistic` gets the resampled
 * unit indices. Deterministic: the resampling stream is seeded by `label`. */
export function unitBootstrap(n: number, statistic: (units: readonly number[]) => number, label: string): Effect['estimate'][] {
  const units = Array.from({ length: n }, (_, i) => i);
  const random = createRng(deriveSeed('samenspel-bootstrap', label));
  const ci = bootstrapCI(units, {
    random, resamples: RESAMPLES, level: LEVEL,
    statistic: (buf) => {
      const idx = Array.from(buf);
      const v = statistic(idx);
      return Number.isFinite(v) ? v : 0;
    },
  });
  return [ci.estimate, ci.lo, ci.hi];
}

const pick = (xs: readonly number[], idx: readonly number[]) => idx.map((i) => xs[i]);

/** A(x, y) of two arms run with the same seeds, CI by resampling seeds (pairs kept together). */
export function pairedA(x: readonly number[], y: readonly number[], label: string): Effect {
  const [estimate, lo, hi] = unitBootstrap(x.length, (idx) => varghaDelaneyA(pick(x, idx), pick(y, idx)), label);
  return { kind: 'A', estimate, lo, hi };
}

/** A(xHigh, yHigh) − A(xLow, yLow): the interaction of arm and level, seeds resampled jointly. */
export function deltaA(
  xLow: readonly number[], yLow: readonly number[], xHigh: readonly number[], yHigh: readonly number[], label: string,
): Effect {
  const [estimate, lo, hi] = unitBootstrap(xLow.length, (idx) =>
    varghaDelaneyA(pick(xHigh, idx), pick(yHigh, idx)) - varghaDelaneyA(pick(xLow, idx), pick(yLow, idx)), label);
  return { kind: 'ΔA', estimate, lo, hi };
}

/** Mean over runs of a per-run statistic (e.g. a within-run Spearman ρ), CI over runs. */
export function meanOver(values: readonly number[], kind: Effect['kind'], label: string): Effect {
  const [estimate, lo, hi] = unitBootstrap(values.length, (idx) => idx.reduce((a, i) => a + values[i], 0) / idx.length, label);
  return { kind, estimate, lo, hi };
}

/** Standardised OLS coefficient of `predictor` in y ~ predictor + controls, CI over runs. */
export function standardisedBeta(y: readonly number[], predictor: readonly number[], controls: readonly (readonly number[])[], label: string): Effect {
  const fit = (idx: readonly number[]) => {
    const yy = standardise(pick(y, idx));
    const cols = [predictor, ...controls].map((c) => standardise(pick(c, idx)));
    return ols(yy, cols)[1];
  };
  const [estimate, lo, hi] = unitBootstrap(y.length, fit, label);
  return { kind: 'β', estimate, lo, hi };
}

export const nullOf = (e: Effect) => (e.kind === 'A' ? 0.5 : 0);

/** The rule stated in advance (see the file comment); `predicted` is the claimed direction. */
export function verdictOf(e: Effect, predicted: 'above' | 'below' = 'above'): Verdict {
  const z = nullOf(e);
  if (!Number.isFinite(e.lo) || !Number.isFinite(e.hi)) return 'not reproduced';
  const above = e.lo > z, below = e.hi < z;
  if (predicted === 'above') return above ? 'reproduced' : below ? 'reversed' : 'not reproduced';
  return below ? 'reproduced' : above ? 'reversed' : 'not reproduced';
}

export function mean(xs: readonly number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;
}

/** Fixed decimals without a signed zero ('-0.00' reads as an effect). */
function fixed(x: number, d: number): string {
  if (!Number.isFinite(x)) return '–';
  const t = x.toFixed(d);
  return Number(t) === 0 ? (0).toFixed(d) : t;
}
export const f2 = (x: number) => fixed(x, 2);
export const f3 = (x: number) => fixed(x, 3);
export const ciText = (e: Effect) => `${e.kind} = ${f2(e.estimate)} [${f2(e.lo)}, ${f2(e.hi)}]`;

/** Spearman ρ across units (e.g. seeds), CI by resampling units. */
export function rhoAcross(x: readonly number[], y: readonly number[], label: string): Effect {
  const [estimate, lo, hi] = unitBootstrap(x.length, (idx) => spearman(pick(x, idx), pick(y, idx)), label);
  return { kind: 'ρ', estimate, lo, hi };
}
