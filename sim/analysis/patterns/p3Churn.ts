// P3 (“Samenwerken in netwerken”): roles change as interests, characteristics and contexts change — actors move
// between core, periphery and outside. Test (ODD.md §1): churn follows shocks and stake
// shifts: position changes in the ticks after the shocks (30 from each shock tick), shocked run
// vs its unshocked twin (same seed).
import type { Prepared } from './prepare.ts';
import { shockRuns, sumOver, WINDOW } from './shock.ts';
import { f2, mean, pairedA, verdictOf } from './stats.ts';
import type { PatternRow } from './types.ts';

export function p3(prep: Prepared, seeds: number, base: number | string): PatternRow[] {
  const { design, shocked, twin } = shockRuns(prep, 'context', 'P3', seeds, base);
  const before: number[] = [];
  for (let t = Math.max(1, design.t0 - WINDOW); t < design.t0; t++) before.push(t);
  const after = shocked.map((r) => sumOver(r, 'churn', design.after));
  const twinAfter = twin.map((r) => sumOver(r, 'churn', design.after));
  const effect = pairedA(after, twinAfter, `P3:${prep.id}`);
  return [{
    pattern: 'P3', scenario: prep.id,
    compared: `position changes in the ${design.after.length} ticks after the shocks, shocked vs unshocked twin (${design.what})`,
    effect, verdict: verdictOf(effect), runs: 2 * seeds,
    detail: `churn after ${f2(mean(after))} vs twin ${f2(mean(twinAfter))}; in the ${before.length} ticks before the first shock ${f2(mean(shocked.map((r) => sumOver(r, 'churn', before))))}`,
  }];
}
