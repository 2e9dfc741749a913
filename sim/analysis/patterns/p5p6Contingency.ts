// P5 (“De kunst van het netwerken”): chains suit known problems, networks may fit complex ones better. P6
// (“Netwerksamenleving”, “Participatiesamenleving”): the approach must fit the complexity; directing may win on simple problems.
// Test (ODD.md §1, §7.4): *when*, not whether. Per seed (the same seed in all four runs), the
// change from a known problem (κ = 0) to a complex one (κ = 7) in the log ratio of impact,
// Δ = log(x_high / y_high) − log(x_low / y_low), x the network (facilitating) arm and y the chain
// (directing) arm; the effect is the mean Δ over seeds with a percentile-bootstrap CI (seeds
// resampled, pairs kept), at 100 and at 300 ticks (the sign can differ). Reproduced if the CI
// lies above 0 (the network's, or the facilitating approach's, advantage grows with
// complexity); reversed if below.
import type { PartialRules } from '../../schema/rules.ts';
import { logDet } from '../stats/detMath.ts';
import { isNetwork, runArm, seedsFor } from './arms.ts';
import { atLevel, LEVELS } from './complexity.ts';
import type { Prepared } from './prepare.ts';
import { f3, mean, meanOver, verdictOf } from './stats.ts';
import type { PatternRow } from './types.ts';

/** The two horizons at which the change is measured; the runs last the longer one. */
export const HORIZONS = [100, 300] as const;
/** Impact below this counts as this (a run with no effective output has no log ratio). */
const FLOOR = 1e-9;

const logRatio = (x: number, y: number) => logDet(Math.max(x, FLOOR)) - logDet(Math.max(y, FLOOR));

export interface ContingencyArms {
  x: { name: string; rules: string | PartialRules | undefined };
  y: { name: string; rules: string | PartialRules | undefined };
}

/** Impact at each horizon per level and arm, for the given seeds: [level][arm][horizon][seed].
 * `levels` (low, high) defaults to the experiment's κ = 0 and 7; the map also looks at other κ. */
export function impactsAtHorizons(prep: Prepared, seedList: readonly number[], arms: ContingencyArms,
  levels: readonly { kappa: number }[] = LEVELS): number[][][][] {
  const T = HORIZONS[HORIZONS.length - 1];
  return levels.map((level) => {
    const sc = atLevel(prep.scenario, level);
    return [arms.x, arms.y].map((arm) => {
      const perHorizon = HORIZONS.map(() => [] as number[]);
      for (const seed of seedList) {
        const impact = runArm({ scenario: sc, rules: arm.rules }, seed, T).rec.column('impact');
        HORIZONS.forEach((h, k) => perHorizon[k].push(impact[h]));
      }
      return perHorizon;
    });
  });
}

/** Δ per seed at horizon index k: log(x/y) at high κ minus at low κ. */
export function deltas(imp: number[][][][], k: number): number[] {
  const [lo, hi] = imp;
  return lo[0][k].map((_, s) => logRatio(hi[0][k][s], hi[1][k][s]) - logRatio(lo[0][k][s], lo[1][k][s]));
}

function contingency(prep: Prepared, seeds: number, base: number | string, pattern: 'P5' | 'P6', arms: ContingencyArms): PatternRow[] {
  const seedList = seedsFor(base, pattern, prep, seeds);
  const imp = impactsAtHorizons(prep, seedList, arms);
  return HORIZONS.map((h, k) => {
    const d = deltas(imp, k);
    const effect = meanOver(d, 'Δlog', `${pattern}:${h}:${prep.id}`);
    const ratio = (level: number) => f3(mean(imp[level][0][k]) / mean(imp[level][1][k]));
    return {
      pattern: `${pattern}${k === 0 ? 'a' : 'b'}`, scenario: prep.id,
      compared: `impact at tick ${h}, ${arms.x.name} vs ${arms.y.name}: change in log ratio from κ = 0 to κ = 7`,
      effect, verdict: verdictOf(effect), runs: 2 * LEVELS.length * seeds,
      detail: `ratio ${arms.x.name}/${arms.y.name} at κ = 0: ${ratio(0)} (${f3(mean(imp[0][0][k]))} vs ${f3(mean(imp[0][1][k]))}); ` +
        `at κ = 7: ${ratio(1)} (${f3(mean(imp[1][0][k]))} vs ${f3(mean(imp[1][1][k]))})`,
    };
  });
}

export function p5(prep: Prepared, seeds: number, base: number | string): PatternRow[] {
  // The network arm keeps the scenario's own rules when they are a network, else open-netwerk.
  const network = isNetwork(prep.scenario) ? undefined : 'open-netwerk';
  return contingency(prep, seeds, base, 'P5', { x: { name: 'network', rules: network }, y: { name: 'keten', rules: 'keten' } });
}

export function p6(prep: Prepared, seeds: number, base: number | string): PatternRow[] {
  return contingency(prep, seeds, base, 'P6', { x: { name: 'faciliterend', rules: 'faciliterend' }, y: { name: 'sturende-regie', rules: 'sturende-regie' } });
}
