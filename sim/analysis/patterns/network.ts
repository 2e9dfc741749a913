// The trust network at the end of a run as an undirected weighted graph (w = mean of the two
// directed trusts), its core–periphery fit by the engine's own coreness functions iterated to
// convergence, and a degree-preserving null: double-edge swaps (Maslov & Sneppen 2002) that
// keep every actor's degree and carry each edge's weight along.
import { corenessFit, updateCoreness } from '../../engine/mechanisms/coreness.ts';
import { createRng, deriveSeed } from '../../engine/rng.ts';
import type { State } from '../../engine/state.ts';

export interface Graph { n: number; present: Uint8Array; a: Int32Array; b: Int32Array; w: Float64Array }

export function graphOf(s: State): Graph {
  const key = new Map<number, number>();
  const a: number[] = [], b: number[] = [], w: number[] = [];
  for (let i = 0; i < s.n; i++) {
    if (!s.present[i]) continue;
    for (let q = i * s.cap, end = q + s.degree[i]; q < end; q++) {
      const j = s.tieTo[q];
      if (!s.present[j] || j === i) continue;
      const lo = i < j ? i : j, hi = i < j ? j : i, k = lo * s.n + hi;
      let e = key.get(k);
      if (e === undefined) { e = a.length; key.set(k, e); a.push(lo); b.push(hi); w.push(0); }
      w[e] += 0.5 * s.tieTrust[q];
    }
  }
  return { n: s.n, present: Uint8Array.from(s.present), a: Int32Array.from(a), b: Int32Array.from(b), w: Float64Array.from(w) };
}

/** The fields coreness.ts reads, built from a graph (both directions, weight w). */
function stateOf(g: Graph): State {
  const deg = new Int32Array(g.n);
  for (let e = 0; e < g.a.length; e++) { deg[g.a[e]]++; deg[g.b[e]]++; }
  let cap = 1;
  for (let i = 0; i < g.n; i++) if (deg[i] > cap) cap = deg[i];
  const tieTo = new Int32Array(g.n * cap).fill(-1), tieTrust = new Float64Array(g.n * cap), degree = new Int32Array(g.n);
  const add = (i: number, j: number, w: number) => { const q = i * cap + degree[i]++; tieTo[q] = j; tieTrust[q] = w; };
  for (let e = 0; e < g.a.length; e++) { add(g.a[e], g.b[e], g.w[e]); add(g.b[e], g.a[e], g.w[e]); }
  let present = 0;
  for (let i = 0; i < g.n; i++) present += g.present[i];
  const coreness = new Float64Array(g.n);
  for (let i = 0; i < g.n; i++) coreness[i] = g.present[i] ? 1 / Math.sqrt(Math.max(1, present)) : 0;
  return { n: g.n, cap, present: g.present, degree, tieTo, tieTrust, coreness, corenessNext: new Float64Array(g.n) } as unknown as State;
}

export const FIT_ITERATIONS = 300;

/** Converged coreness and fit of a graph. */
export function fitOf(g: Graph): { fit: number; coreness: Float64Array } {
  const s = stateOf(g);
  updateCoreness(s, FIT_ITERATIONS);
  return { fit: corenessFit(s), coreness: s.coreness };
}

/** A degree-preserving rewiring: 10 swap attempts per edge; a swap that would make a self-loop
 * or a double edge is skipped. */
export function rewire(g: Graph, seed: number | string): Graph {
  const rng = createRng(deriveSeed(seed, 'rewire'));
  const m = g.a.length;
  const a = Int32Array.from(g.a), b = Int32Array.from(g.b), w = Float64Array.from(g.w);
  const edges = new Set<number>();
  const k = (i: number, j: number) => (i < j ? i * g.n + j : j * g.n + i);
  for (let e = 0; e < m; e++) edges.add(k(a[e], b[e]));
  if (m < 2) return { ...g, a, b, w };
  for (let t = 0; t < 10 * m; t++) {
    const e1 = Math.floor(rng() * m), e2 = Math.floor(rng() * m);
    if (e1 === e2) continue;
    const flip = rng() < 0.5;
    const p = a[e1], q = b[e1], r = flip ? b[e2] : a[e2], u = flip ? a[e2] : b[e2];
    // (p–q, r–u) → (p–u, r–q): every endpoint keeps its degree.
    if (p === u || r === q || edges.has(k(p, u)) || edges.has(k(r, q))) continue;
    edges.delete(k(p, q)); edges.delete(k(r, u));
    edges.add(k(p, u)); edges.add(k(r, q));
    a[e1] = p; b[e1] = u; a[e2] = r; b[e2] = q;
  }
  return { ...g, a, b, w };
}
