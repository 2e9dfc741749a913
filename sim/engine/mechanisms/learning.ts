// Step 5 — learning → samen leren. DeGroot (1974) averaging over the partners met this
// tick, weighted by trust and the partner's credibility (reputation), with a self-weight;
// synchronous, so the order of meetings does not matter. Sharing costs the sharer meeting
// time and follows the knowledge regime.
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
  const k = s.k, oi = i * k, oj = j * k;
  for (let x = 0; x < k; x++) s.learnNum[oi + x] += w * s.belief[oj + x];
  s.learnDen[i] += w;
}

export function learning(s: State, ctx: Ctx): void {
  const k = s.k;
  let anyKnowledge = false;
  for (let x = 0; x < k; x++) if (s.isKnowledge[x]) anyKnowledge = true;
  if (!anyKnowledge) return;
  s.learnNum.fill(0);
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
    const o = i * k;
    for (let x = 0; x < k; x++) {
      if (s.isKnowledge[x]) s.belief[o + x] = (w * s.belief[o + x] + s.learnNum[o + x]) / (w + den);
    }
  }
}
