// Morris' elementary effects from a trajectory design's outputs: per trajectory and parameter
// EE = Δy / Δx, Δx the step in unit coordinates (the whole range = 1, as SALib measures it),
// taken from the values the runs got — so a rounded integer step counts as taken. Per parameter:
// mu (mean EE), mu_star (mean |EE|, Campolongo et al. 2007), sigma (sd with n − 1) and a
// bootstrap half-width for mu_star over the trajectories.
import { bootstrapHalfWidth, sampleSd, type ConfOptions } from './bootstrap-conf.ts';
import { unitStep, type MorrisDesign } from './morris.ts';
import type { Problem } from './problem.ts';

export interface MorrisIndex {
  mu: number;
  mu_star: number;
  sigma: number;
  mu_star_conf: number;
}

/** EE[parameter][trajectory]. */
export function elementaryEffects(problem: Problem, design: Pick<MorrisDesign, 'values' | 'changed'>, y: ArrayLike<number>): number[][] {
  const d = problem.parameters.length;
  if (y.length !== design.values.length) throw new RangeError(`expected ${design.values.length} outputs (one per design row), got ${y.length}`);
  const effects = Array.from({ length: d }, () => [] as number[]);
  for (let row = 0; row < y.length; row++) {
    const j = design.changed[row];
    if (j < 0) continue;
    const dx = unitStep(problem, design, row);
    if (dx === 0) throw new RangeError(`design row ${row + 1}: parameter ${problem.parameters[j].name} did not change`);
    effects[j].push((y[row] - y[row - 1]) / dx);
  }
  return effects;
}

const mean = (xs: ArrayLike<number>) => { let s = 0; for (let i = 0; i < xs.length; i++) s += xs[i]; return s / xs.length; };

export function morrisIndices(problem: Problem, design: Pick<MorrisDesign, 'values' | 'changed'>, y: ArrayLike<number>, conf: ConfOptions): MorrisIndex[] {
  return elementaryEffects(problem, design, y).map((ee) => {
    const abs = ee.map(Math.abs);
    return {
      mu: mean(ee),
      mu_star: mean(abs),
      sigma: sampleSd(ee),
      mu_star_conf: bootstrapHalfWidth(abs.length, (idx) => { let s = 0; for (let k = 0; k < idx.length; k++) s += abs[idx[k]]; return s / idx.length; }, conf),
    };
  });
}
