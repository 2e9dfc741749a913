// Turbulence (ODD.md (Docking: the NK landscape); "grote onzekerheden", “Samenwerken in netwerken”; March 1991): the
// tables of a share of the knobs are redrawn and W_max, x*, W̄ recomputed. The dependency
// structure stays. Allocation-free; re-enumeration bounds N to MAX_KNOBS_TURBULENT.
import { randomInt } from '../rng.ts';
import { enumerate } from './enumerate.ts';
import { MAX_KNOBS_TURBULENT, type Landscape } from './landscape.ts';
import { drawTables } from './tables.ts';

/** Redraws the tables of round(share·N) knobs chosen at random; returns how many. `sums` as in enumerate. */
export function turbulence(land: Landscape, share: number, rng: () => number, sums?: Float64Array): number {
  const { n, size, tables, order } = land;
  if (n > MAX_KNOBS_TURBULENT) throw new RangeError(`turbulence: at most ${MAX_KNOBS_TURBULENT} knobs (each shock re-enumerates 2^N approaches), got ${n}`);
  if (!(share >= 0 && share <= 1)) throw new RangeError(`turbulence: share must lie in [0, 1], got ${share}`);
  const count = Math.round(share * n);
  if (count === 0) return 0;
  for (let i = 0; i < n; i++) order[i] = i;
  for (let c = 0; c < count; c++) {
    const r = c + randomInt(rng, n - c);
    const knob = order[r]; order[r] = order[c]; order[c] = knob;
    drawTables(tables, size, knob, knob + 1, rng);
  }
  enumerate(land, sums);
  return count;
}
