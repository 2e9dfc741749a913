// P10 (“De kunst van het netwerken”): shocks (budget cuts) leave organisations unable to solve problems alone; new
// combinations must be sought. Test (ODD.md §1): after a resource shock, do actors shift from
// solo action and deals toward joint projects (handelen = share of engaged resources put into
// joint projects, in the ticks after the cuts), and does it pay (across seeds, do the runs that
// shift more lose less impact after the shock, relative to their twins)?
import { gain } from './arms.ts';
import type { Prepared } from './prepare.ts';
import { shockRuns, sumOver } from './shock.ts';
import { f3, mean, pairedA, rhoAcross, verdictOf } from './stats.ts';
import type { PatternRow } from './types.ts';

export function p10(prep: Prepared, seeds: number, base: number | string): PatternRow[] {
  const { design, shocked, twin } = shockRuns(prep, 'resources', 'P10', seeds, base);
  const { t0, after } = design;
  const h = (r: (typeof shocked)[number]) => sumOver(r, 'handelen', after) / after.length;
  const hs = shocked.map(h), ht = twin.map(h);
  const shift = hs.map((x, i) => x - ht[i]);
  const impactS = shocked.map((r) => gain(r, 'impact', t0 - 1, prep.ticks)), impactT = twin.map((r) => gain(r, 'impact', t0 - 1, prep.ticks));
  const relative = impactS.map((x, i) => x - impactT[i]);
  const a = pairedA(hs, ht, `P10a:${prep.id}`);
  const b = rhoAcross(shift, relative, `P10b:${prep.id}`);
  return [{
    pattern: 'P10a', scenario: prep.id,
    compared: `handelen (joint-project share) in the ${after.length} ticks after the resource shock, shocked vs twin (${design.what})`,
    effect: a, verdict: verdictOf(a), runs: 2 * seeds,
    detail: `handelen ${f3(mean(hs))} vs twin ${f3(mean(ht))}`,
  }, {
    pattern: 'P10b', scenario: prep.id,
    compared: 'does the shift pay: ρ across seeds of the shift in handelen and the impact gained after the shock (both shocked − twin)',
    effect: b, verdict: verdictOf(b), runs: 2 * seeds,
    detail: `impact after the shock ${f3(mean(impactS))} vs twin ${f3(mean(impactT))}`,
  }];
}
