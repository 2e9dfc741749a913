// P4 (“De kunst van het netwerken”): the five network rules may outperform transactional behaviour only in the long
// run. Test (ODD.md §1): network impact and actor payoff over time for a rule-following
// population (preset vijf-netwerkregels) vs a transactional one (preset transactioneel), same
// seeds; look for a crossing: transactional ahead early (first quarter of the run), networkers
// ahead late (last quarter). Reproduced only if both halves of the crossing show (each CI of A
// excludes 0.5 in its direction); reversed if the opposite crossing shows. The runs last
// P4_HORIZON ticks whatever the scenario's own length: a crossing needs the slow channels —
// trust, reciprocity, reputation, search on the landscape — to accumulate, and 400 ticks are ten
// times the longest payoff memory (horizonMax 40) and fifty project durations (projectDuration 8), so a late
// advantage that exists has room to show; the quarters are then 100 ticks each.
import { runArm, seedsFor } from './arms.ts';
import type { Prepared } from './prepare.ts';
import { ciText, f3, mean, pairedA, verdictOf } from './stats.ts';
import type { Effect, PatternRow, Verdict } from './types.ts';

export const P4_HORIZON = 400;

interface Series { impact: Float64Array; payoff: Float64Array }

function trace(prep: Prepared, rules: string, seed: number): Series {
  const T = P4_HORIZON;
  const payoff = new Float64Array(T + 1);
  const { rec } = runArm({ scenario: prep.scenario, rules }, seed, T, (run) => {
    const s = run.state;
    let sum = 0, c = 0;
    for (let i = 0; i < s.n; i++) if (s.present[i]) { sum += s.payoff[i]; c++; }
    payoff[s.tick] = c > 0 ? sum / c : 0;
  });
  return { impact: rec.column('impact'), payoff };
}

/** Gain of a cumulative series, or sum of a per-tick one, over ticks from..to. */
const over = (x: Float64Array, from: number, to: number, cumulative: boolean) => {
  if (cumulative) return x[to] - x[from - 1];
  let s = 0;
  for (let t = from; t <= to; t++) s += x[t];
  return s;
};

function crossing(early: Effect, late: Effect): Verdict {
  const e = verdictOf(early, 'below'), l = verdictOf(late, 'above');
  if (e === 'reproduced' && l === 'reproduced') return 'reproduced';
  if (e === 'reversed' && l === 'reversed') return 'reversed';
  return 'not reproduced';
}

export function p4(prep: Prepared, seeds: number, base: number | string): PatternRow[] {
  const T = P4_HORIZON, q = Math.max(1, Math.floor(T / 4));
  const net: Series[] = [], trans: Series[] = [];
  for (const seed of seedsFor(base, 'P4', prep, seeds)) {
    net.push(trace(prep, 'vijf-netwerkregels', seed));
    trans.push(trace(prep, 'transactioneel', seed));
  }
  const rows: PatternRow[] = [];
  for (const [key, label, cumulative] of [['impact', 'impact gained', true], ['payoff', 'mean actor payoff', false]] as const) {
    const early = (s: Series) => over(s[key], 1, q, cumulative), late = (s: Series) => over(s[key], T - q + 1, T, cumulative);
    const eN = net.map(early), eT = trans.map(early), lN = net.map(late), lT = trans.map(late);
    const eA = pairedA(eN, eT, `P4:${key}:early:${prep.id}`), lA = pairedA(lN, lT, `P4:${key}:late:${prep.id}`);
    rows.push({
      pattern: key === 'impact' ? 'P4a' : 'P4b', scenario: prep.id,
      compared: `${label} over ${T} ticks, vijf-netwerkregels vs transactioneel: last quarter (effect) and first quarter (detail); crossing?`,
      effect: lA, verdict: crossing(eA, lA), runs: 2 * seeds,
      detail: `early ${ciText(eA)} (networkers ${f3(mean(eN))} vs transactional ${f3(mean(eT))}); late networkers ${f3(mean(lN))} vs ${f3(mean(lT))}`,
    });
  }
  return rows;
}
