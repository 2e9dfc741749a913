// P2 (“De kunst van het netwerken”): a strategic core forms; the actors who end up central are those whose routes
// acted — who initiated projects, were chosen as partners, supplied access. Tests (ODD.md §1):
// (a) the final trust network's core–periphery fit exceeds a degree-preserving null;
// (b) final structural coreness (label-free) correlates with what actors *did*: an index of
// projects initiated, times chosen as a meeting partner, and access supplied to running projects.
import { PROJECT_RECRUITING, PROJECT_RUNNING } from '../../engine/state.ts';
import { runArm, seedsFor } from './arms.ts';
import { fitOf, graphOf, rewire } from './network.ts';
import type { Prepared } from './prepare.ts';
import { f2, f3, mean, meanOver, pairedA, ranks, spearman, verdictOf } from './stats.ts';
import type { PatternRow } from './types.ts';

const NULLS = 5;

export function p2(prep: Prepared, seeds: number, base: number | string): PatternRow[] {
  const observed: number[] = [], nulls: number[] = [];
  const rhoActed: number[] = [], rhoInit: number[] = [], rhoChosen: number[] = [], rhoAccess: number[] = [];
  const rhoTraits: Record<string, number[]> = { proactiveness: [], reputation: [], access: [], mandate: [] };
  for (const seed of seedsFor(base, 'P2', prep, seeds)) {
    const n = prep.scenario.actors.length + prep.scenario.groups.reduce((x, g) => x + g.count, 0);
    const initiated = new Float64Array(n), chosen = new Float64Array(n), supplied = new Float64Array(n);
    const { run } = runArm({ scenario: prep.scenario }, seed, prep.ticks, (r) => {
      const s = r.state;
      if (s.tick === 0) return;
      for (let pr = 0; pr < s.projectCap; pr++) {
        if (s.projectState[pr] === PROJECT_RECRUITING && s.projectStart[pr] === s.tick && s.projectInitiator[pr] >= 0) initiated[s.projectInitiator[pr]]++;
      }
      for (let e = 0; e < s.pairCount; e++) chosen[s.pairB[e]]++;
      for (let i = 0; i < s.n; i++) {
        const pr = s.projectOf[i];
        if (pr >= 0 && s.projectState[pr] === PROJECT_RUNNING) supplied[i] += s.access[i];
      }
    });
    const s = run.state;
    const g = graphOf(s);
    const obs = fitOf(g);
    observed.push(obs.fit);
    let nullSum = 0;
    for (let m = 0; m < NULLS; m++) nullSum += fitOf(rewire(g, `${seed}:${m}`)).fit;
    nulls.push(nullSum / NULLS);
    const ids: number[] = [];
    for (let i = 0; i < s.n; i++) if (s.present[i]) ids.push(i);
    const c = ids.map((i) => obs.coreness[i]);
    const col = (arr: ArrayLike<number>) => ids.map((i) => arr[i]);
    const ri = ranks(col(initiated)), rc = ranks(col(chosen)), ra = ranks(col(supplied));
    rhoActed.push(spearman(c, ids.map((_, k) => ri[k] + rc[k] + ra[k])));
    rhoInit.push(spearman(c, col(initiated)));
    rhoChosen.push(spearman(c, col(chosen)));
    rhoAccess.push(spearman(c, col(supplied)));
    for (const t of Object.keys(rhoTraits)) rhoTraits[t].push(spearman(c, col(s[t as 'access'])));
  }
  const a = pairedA(observed, nulls, `P2a:${prep.id}`);
  const b = meanOver(rhoActed, 'ρ', `P2b:${prep.id}`);
  return [{
    pattern: 'P2a', scenario: prep.id,
    compared: `core–periphery fit of the final trust network vs ${NULLS} degree-preserving rewirings`,
    effect: a, verdict: verdictOf(a), runs: seeds,
    detail: `fit ${f3(mean(observed))} vs null ${f3(mean(nulls))}`,
  }, {
    pattern: 'P2b', scenario: prep.id,
    compared: 'final coreness vs what actors did (rank index: projects initiated + times chosen + access supplied); mean within-run ρ',
    effect: b, verdict: verdictOf(b), runs: seeds,
    detail: `ρ with initiated ${f2(mean(rhoInit))}, chosen ${f2(mean(rhoChosen))}, access supplied ${f2(mean(rhoAccess))}; ` +
      `with traits: proactiveness ${f2(mean(rhoTraits.proactiveness))}, reputation ${f2(mean(rhoTraits.reputation))}, access ${f2(mean(rhoTraits.access))}, mandate ${f2(mean(rhoTraits.mandate))}`,
  }];
}
