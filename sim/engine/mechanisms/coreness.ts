// Structural coreness (Borgatti & Everett 2000, continuous model), kept up to date by a few
// warm-started power iterations per tick instead of a fit from scratch: O(ties) each.
import type { State } from '../state.ts';

/** c ← normalise(c + ((W + Wᵀ)/2)·c), `iterations` times, W the directed trust matrix. */
export function updateCoreness(s: State, iterations: number): void {
  const n = s.n, c = s.coreness, next = s.corenessNext, cap = s.cap;
  const present = s.present, degree = s.degree, to = s.tieTo, trust = s.tieTrust;
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) next[i] = present[i] ? c[i] : 0;
    for (let i = 0; i < n; i++) {
      if (!present[i]) continue;
      const ci = c[i];
      // next[i] in a register: only this loop adds to it while i's ties are visited (a tie to
      // itself adds both terms to it, in the same order as before).
      let own = next[i];
      for (let q = i * cap, end = q + degree[i]; q < end; q++) {
        const j = to[q];
        if (!present[j]) continue;
        const w = 0.5 * trust[q];
        own += w * c[j];
        if (j === i) own += w * ci;
        else next[j] += w * ci;
      }
      next[i] = own;
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += next[i] * next[i];
    norm = Math.sqrt(norm);
    if (norm === 0) return;
    for (let i = 0; i < n; i++) c[i] = next[i] / norm;
  }
}

/** Relative size below which a variance computed from sums is rounding noise, not spread. */
const VARIANCE_NOISE = 1e-12;

/** Pearson correlation of W_ij with c_i·c_j over all ordered pairs i ≠ j of present actors,
 * computed from sums in O(actors + ties). */
export function corenessFit(s: State): number {
  const n = s.n, c = s.coreness, cap = s.cap;
  let m = 0, sc = 0, sc2 = 0, sc4 = 0, sx = 0, sxx = 0, sxy = 0;
  for (let i = 0; i < n; i++) {
    if (!s.present[i]) continue;
    m++;
    const ci = c[i];
    sc += ci; sc2 += ci * ci; sc4 += ci * ci * ci * ci;
    for (let q = i * cap, end = q + s.degree[i]; q < end; q++) {
      const j = s.tieTo[q];
      if (!s.present[j]) continue;
      const w = s.tieTrust[q];
      sx += w; sxx += w * w; sxy += w * ci * c[j];
    }
  }
  const pairs = m * (m - 1);
  if (pairs <= 0) return 0;
  const sy = sc * sc - sc2;
  const syy = sc2 * sc2 - sc4;
  const vx = pairs * sxx - sx * sx;
  const vy = pairs * syy - sy * sy;
  // A variance that is only rounding noise (all trusts or all coreness values equal) leaves the
  // correlation undefined: report 0. The denominator is checked after the product too, because
  // two tiny variances (trust of 1e-156) underflow to 0 and would give 0/0.
  if (vx <= VARIANCE_NOISE * pairs * sxx || vy <= VARIANCE_NOISE * pairs * syy) return 0;
  const denominator = Math.sqrt(vx * vy);
  if (!(denominator > 0)) return 0;
  const r = (pairs * sxy - sx * sy) / denominator;
  return r > 1 ? 1 : r < -1 ? -1 : r;
}
