// The worth scale (ODD.md (Docking: the NK landscape), F1). `above-mean` (default): ω = max(0, (W − W̄)/(W_max − W̄)),
// the share of the achievable improvement over an arbitrary approach ("als het simpel was, was
// het al wel gebeurd" — “De drie functies van opgavenetwerken”); on `raw` = W/W_max an arbitrary
// approach already scores about 0.65–0.75. `power8` = (W/W_max)^8 is Lazer & Friedman's (2007)
// score, used for that docking. Written from + − × ÷ only.
import type { Landscape } from './landscape.ts';

export const WORTH_SCALES = ['above-mean', 'raw', 'power8'] as const;
export type WorthScale = (typeof WORTH_SCALES)[number];

/** The scaled worth in [0, 1] of an approach whose Σ_n f_n is `sum` (see worthSum). */
export function scaledWorth(land: Landscape, sum: number, scale: WorthScale): number {
  if (scale === 'above-mean') {
    const range = land.maxSum - land.meanSum;
    if (!(range > 0)) return 1; // a flat landscape: every approach is the best
    const w = (sum - land.meanSum) / range;
    return w > 0 ? (w < 1 ? w : 1) : 0;
  }
  if (!(land.maxSum > 0)) return 1;
  const r = sum / land.maxSum;
  if (scale === 'raw') return r;
  const r2 = r * r, r4 = r2 * r2;
  return r4 * r4;
}
