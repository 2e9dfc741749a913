// Silo expertise (ODD.md (Docking: the NK landscape); F2): the best settings of one aspect's
// knobs *given* a picture of the rest — "vanuit hun eigen rol … ieder een beeld van wat nodig
// is" (“De drie functies van opgavenetwerken”). Maximises only the aspect's own contributions,
// Σ_{n∈k} f_n, over its 2^m settings with the other knobs held at x. Not the global optimum's
// settings (that "oracle" would write the network's advantage in).
import type { Landscape } from './landscape.ts';
import { contributionIndex } from './worth.ts';

/** Σ_{n∈aspect} f_n(x). */
export function aspectSum(land: Landscape, aspect: number, x: number): number {
  const { perAspect: m, size, tables } = land;
  let s = 0;
  for (let i = aspect * m; i < (aspect + 1) * m; i++) s += tables[i * size + contributionIndex(land, i, x)];
  return s;
}

/** x with aspect k's knobs set to the first of their 2^m settings that maximises Σ_{n∈k} f_n. */
export function aspectOptimum(land: Landscape, aspect: number, x: number): number {
  const m = land.perAspect, lo = aspect * m;
  const rest = x & ~(((1 << m) - 1) << lo);
  let best = rest, bestSum = -1;
  for (let setting = 0; setting < 1 << m; setting++) {
    const y = rest | (setting << lo);
    const s = aspectSum(land, aspect, y);
    if (s > bestSum) { bestSum = s; best = y; }
  }
  return best;
}
