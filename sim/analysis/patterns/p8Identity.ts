// P8 (“Samenwerken in netwerken”): not every actor works on every ambition — projects involve subsets; a network
// identity (fit with *what* actors want and *how* they want to get there) attracts and binds.
// Test (ODD.md §1): project membership is partial; identity fit predicts engagement. Identity
// fit is measured at the start (what: 1 − ‖stake − agenda‖/√K; how: 1 − |profile style − the
// rules' style|), engagement as behaviour later on: the share of second-half ticks an actor
// spends in a running project — not the engagement variable itself, whose target contains
// identity fit by construction (its correlation is reported as a detail, flagged).
import { buildCtx } from '../../engine/mechanisms/context.ts';
import { normDist } from '../../engine/mechanisms/geometry.ts';
import { PROFILE_WIDTH, PROJECT_RUNNING, OUTSIDE } from '../../engine/state.ts';
import { runArm, seedsFor } from './arms.ts';
import type { Prepared } from './prepare.ts';
import { f2, f3, mean, meanOver, spearman, verdictOf } from './stats.ts';
import type { PatternRow } from './types.ts';

const noReport = { position() {}, project() {}, sanction() {} };

export function p8(prep: Prepared, seeds: number, base: number | string): PatternRow[] {
  const T = prep.ticks, half = Math.floor(T / 2);
  const rhoProjects: number[] = [], rhoEngagement: number[] = [], inProjectShare: number[] = [], neverShare: number[] = [];
  for (const seed of seedsFor(base, 'P8', prep, seeds)) {
    let fit: number[] = [];
    let projectTicks = new Float64Array(0), engagementSum = new Float64Array(0), ever = new Uint8Array(0);
    let sharesum = 0, sharecount = 0;
    const { run } = runArm({ scenario: prep.scenario }, seed, T, (r) => {
      const s = r.state;
      if (s.tick === 0) {
        const style = buildCtx(r.params, r.rules, () => 0, noReport).ruleStyle;
        fit = Array.from({ length: s.n }, (_, i) => {
          const what = 1 - normDist(s.stake, i, s.agenda, 0, s.k);
          let p = 0;
          for (let c = 0; c < PROFILE_WIDTH; c++) p += s.profile[i * PROFILE_WIDTH + c];
          const how = 1 - Math.abs(p / PROFILE_WIDTH - style);
          return (what + how) / 2;
        });
        projectTicks = new Float64Array(s.n); engagementSum = new Float64Array(s.n); ever = new Uint8Array(s.n);
        return;
      }
      let engaged = 0, inProject = 0;
      for (let i = 0; i < s.n; i++) {
        if (!s.present[i]) continue;
        const pr = s.projectOf[i];
        const running = pr >= 0 && s.projectState[pr] === PROJECT_RUNNING;
        if (running) ever[i] = 1;
        if (s.position[i] !== OUTSIDE) { engaged++; if (running) inProject++; }
        if (s.tick > half) { if (running) projectTicks[i]++; engagementSum[i] += s.engagement[i]; }
      }
      if (s.tick > half && engaged > 0) { sharesum += inProject / engaged; sharecount++; }
    });
    const s = run.state;
    const ids: number[] = [];
    for (let i = 0; i < s.n; i++) if (s.present[i]) ids.push(i);
    const f = ids.map((i) => fit[i]);
    rhoProjects.push(spearman(f, ids.map((i) => projectTicks[i])));
    rhoEngagement.push(spearman(f, ids.map((i) => engagementSum[i])));
    inProjectShare.push(sharecount > 0 ? sharesum / sharecount : 0);
    neverShare.push(ids.filter((i) => !ever[i]).length / ids.length);
  }
  const effect = meanOver(rhoProjects, 'ρ', `P8:${prep.id}`);
  return [{
    pattern: 'P8', scenario: prep.id,
    compared: 'identity fit at the start (what + how) vs share of 2nd-half ticks in a running project; mean within-run ρ',
    effect, verdict: verdictOf(effect), runs: seeds,
    detail: `membership partial: ${f3(mean(inProjectShare))} of engaged actors in a running project at a time, ${f3(mean(neverShare))} never; ` +
      `ρ(fit, engagement in 2nd half) = ${f2(mean(rhoEngagement))} (partly by construction: identity is half the engagement target)`,
  }];
}
