// Worth of one approach (ODD.md (Docking: the NK landscape)): W(x) = (1/N)·Σ_n f_n(x_n, its κ dependencies).
import type { Landscape } from './landscape.ts';

/** Knob i's table index under approach x. */
export function contributionIndex(land: Landscape, i: number, x: number): number {
  const { k, deps } = land;
  let t = (x >> i) & 1;
  for (let p = 0; p < k; p++) t |= ((x >> deps[i * k + p]) & 1) << (p + 1);
  return t;
}

/** Σ_n f_n(x): exact (tables.ts), the quantity every comparison uses. */
export function worthSum(land: Landscape, x: number): number {
  const { n, size, tables } = land;
  let s = 0;
  for (let i = 0; i < n; i++) s += tables[i * size + contributionIndex(land, i, x)];
  return s;
}

/** W(x) ∈ [0, 1). */
export function worth(land: Landscape, x: number): number {
  return worthSum(land, x) / land.n;
}
