// Step 5 — learning → samen leren, on the knob beliefs β (ODD.md §7.4). DeGroot (1974)
// averaging over the partners met this tick, weighted by trust and the partner's credibility
// (reputation), with a self-weight; beside it, imitation of success (Lazer & Friedman 2007): a
// partner whose last tried approach worked better (as observed) adds that approach's knob
// settings with weight imitationRate × trust. Synchronous, so the order of meetings does not
// matter. Sharing costs the sharer meeting time and follows the knowledge regime.
import { spendMeetingTime } from './budgets.ts';
import { KNOW_BILATERAL, KNOW_CORE, type Ctx } from './context.ts';
import { slotOf } from '../ties.ts';
import { CORE, type State } from '../state.ts';

function shares(s: State, ctx: Ctx, from: number, to: number, trustToFrom: number): boolean {
  if (ctx.knowledge === KNOW_CORE) return s.position[from] === CORE && s.position[to] === CORE;
  if (ctx.knowledge === KNOW_BILATERAL) return trustToFrom >= ctx.p.bilateralTrust;
  return true;
}

function listen(s: State, ctx: Ctx, i: number, j: number, tij: number, qi: number): void {
  if (tij <= 0 || !shares(s, ctx, j, i, tij)) return;
  const w = tij * (s.reputation[j] * (1 - s.stain[j])); // standing (state.ts), inlined
  if (w <= 0) return;
  if (ctx.p.shareCost > 0 && !spendMeetingTime(s, j, ctx.p.shareCost)) return;
  // j helped i: i owes j a return (reciprocity, ODD.md §7.5).
  if (qi >= 0) s.tieOwed[qi] = 1;
  const N = s.knobs, oi = i * N, oj = j * N;
  for (let n = 0; n < N; n++) s.knobNum[oi + n] += w * s.knobBelief[oj + n];
  s.learnDen[i] += w;
  // Imitation of success: only what j has tried and observed to work better than i's own.
  const wi = ctx.p.imitationRate * tij;
  if (wi > 0 && s.lastWorth[j] >= 0 && s.lastWorth[j] > s.lastWorth[i]) {
    const x = s.lastTried[j];
    for (let n = 0; n < N; n++) s.knobNum[oi + n] += wi * ((x >> n) & 1);
    s.learnDen[i] += wi;
  }
}

export function learning(s: State, ctx: Ctx): void {
  const N = s.knobs;
  if (N === 0) return;
  // knobNum rows are zero here: the update below clears every row it used (rows of actors who
  // heard nobody were never touched), which saves clearing n·N entries every tick.
  s.learnDen.fill(0);
  for (let e = 0; e < s.pairCount; e++) {
    const i = s.pairA[e], j = s.pairB[e];
    const qi = slotOf(s, s.pairSlotA[e], i, j), qj = slotOf(s, s.pairSlotB[e], j, i);
    listen(s, ctx, i, j, qi >= 0 ? s.tieTrust[qi] : ctx.strangerTrust, qi);
    listen(s, ctx, j, i, qj >= 0 ? s.tieTrust[qj] : ctx.strangerTrust, qj);
  }
  for (let i = 0; i < s.n; i++) {
    const den = s.learnDen[i];
    if (den <= 0) continue;
    const w = s.selfWeight[i];
    const o = i * N;
    for (let n = 0; n < N; n++) {
      s.knobBelief[o + n] = (w * s.knobBelief[o + n] + s.knobNum[o + n]) / (w + den);
      s.knobNum[o + n] = 0;
    }
  }
}
