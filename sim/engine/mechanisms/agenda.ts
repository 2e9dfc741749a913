// Step 9 — agenda and rules. The decision rule turns core preferences into the agenda
// (samensturing vs regie); when the core sets the rules, it revises entry and conduct out of
// its members' own interests (“De kunst van het netwerken”: the core sets "toe- en uittredingsregels, spelregels
// en gedragscodes").
import { normDist } from './geometry.ts';
import { claim } from './positions.ts';
import {
  DECIDE_CONSENSUS, DECIDE_LEAD, DECIDE_WEIGHTED, ENTRY_CLOSED, ENTRY_INVITATION, ENTRY_OPEN, ENTRY_SELECTIVE, type Ctx,
} from './context.ts';
import { CORE, NEED, OUTSIDE, PROFILE_WIDTH, TRUST, VALUE, type State } from '../state.ts';

/** The lead: the named leader if present, else the core member with the strongest claim
 * (mandate, reputation, access, proactiveness); without a core, the strongest engaged actor. */
export function chooseLeader(s: State, named: number): number {
  if (named >= 0 && s.present[named]) return named;
  let best = -1, bestScore = -1, bestCore = false;
  for (let i = 0; i < s.n; i++) {
    if (!s.present[i] || s.position[i] === OUTSIDE) continue;
    const isCore = s.position[i] === CORE;
    const sc = claim(s, i);
    if ((isCore && !bestCore) || (isCore === bestCore && sc > bestScore)) { best = i; bestScore = sc; bestCore = isCore; }
  }
  return best;
}

export function agenda(s: State, ctx: Ctx, namedLeader: number): void {
  const p = ctx.p, k = s.k, A = s.agenda, mean = s.dirScratch;
  s.leader = chooseLeader(s, namedLeader);
  s.samensturing = 0;
  if (ctx.decision === DECIDE_LEAD) {
    if (s.leader >= 0) for (let x = 0; x < k; x++) A[x] = s.pref[s.leader * k + x];
    return;
  }
  mean.fill(0);
  let wsum = 0, wmax = 0, count = 0;
  for (let i = 0; i < s.n; i++) {
    if (!s.present[i] || s.position[i] !== CORE) continue;
    const w = ctx.decision === DECIDE_WEIGHTED ? s.contribAvg[i] + p.weightedResourceWeight * s.resources[i] : 1;
    if (w <= 0) continue;
    for (let x = 0; x < k; x++) mean[x] += w * s.pref[i * k + x];
    wsum += w;
    if (w > wmax) wmax = w;
    count++;
  }
  if (count === 0) return; // no core: the agenda stays as it was
  for (let x = 0; x < k; x++) mean[x] /= wsum;
  if (ctx.decision === DECIDE_CONSENSUS) {
    // Consensus is reached only when core preferences lie close enough together.
    let spread = 0;
    for (let i = 0; i < s.n; i++) {
      if (s.present[i] && s.position[i] === CORE) spread += normDist(s.pref, i, mean, 0, k);
    }
    if (spread / count > p.consensusTolerance) return; // stuck: no new joint agenda
  }
  for (let x = 0; x < k; x++) A[x] = mean[x];
  s.samensturing = count > 1 ? 1 - wmax / wsum : 0;
}

/** The entry rule and tolerance the core would choose now, by its own decision rule. Each
 * member prefers the regime that suits it: actors with a strong claim protect their place
 * (selective), networkers open up, transactional actors close ranks; strict members (high
 * trustworthiness) want little tolerance for free riding. Returns null without a core. */
export function coreRuleChoice(s: State, ctx: Ctx): { entry: number; tolerance: number } | null {
  const p = ctx.p;
  const votes = [0, 0, 0, 0]; // indexed by entry rule: open, selective, invitation, closed
  let tol = 0, wsum = 0;
  let leaderEntry = -1, leaderTol = 0;
  for (let i = 0; i < s.n; i++) {
    if (!s.present[i] || s.position[i] !== CORE) continue;
    const o = i * PROFILE_WIDTH;
    const openness = (s.profile[o + NEED] + s.profile[o + VALUE]) / 2;
    const c = claim(s, i);
    const entry = openness >= p.ruleOpenAbove ? ENTRY_OPEN : c >= p.ruleSelectiveClaim ? ENTRY_SELECTIVE
      : openness >= p.ruleInvitationAbove ? ENTRY_INVITATION : ENTRY_CLOSED;
    const t = 1 - p.ruleToleranceSpan * s.profile[o + TRUST];
    const w = ctx.decision === DECIDE_WEIGHTED ? s.contribAvg[i] + p.weightedResourceWeight * s.resources[i] : 1;
    votes[entry] += w;
    tol += w * t;
    wsum += w;
    if (i === s.leader) { leaderEntry = entry; leaderTol = t; }
  }
  if (wsum === 0) return null;
  if (ctx.decision === DECIDE_LEAD && leaderEntry >= 0) return { entry: leaderEntry, tolerance: leaderTol };
  let best = 0;
  for (let e = 1; e < votes.length; e++) if (votes[e] > votes[best]) best = e;
  // Rounded to steps of 1/20 so that the chosen tolerance changes (and is logged) in visible steps.
  return { entry: best, tolerance: Math.round((tol / wsum) * 20) / 20 };
}
