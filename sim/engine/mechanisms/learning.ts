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

function listen(s: State, ctx: Ctx, num: Float64Array, beta: Float64Array, N: number, i: number, j: number, tij: number, qi: number): void {
  if (tij <= 0 || !shares(s, ctx, j, i, tij)) return;
  const w = tij * (s.reputation[j] * (1 - s.stain[j])); // standing (state.ts), inlined
  if (w <= 0) return;
  const p = ctx.p;
  if (p.shareCost > 0 && !spendMeetingTime(s, j, p.shareCost)) return;
  // j helped i: i owes j a return (reciprocity, ODD.md §7.5).
  if (qi >= 0) s.tieOwed[qi] = 1;
  const oi = i * N, oj = j * N;
  // Imitation of success: only what j has tried and observed to work better than i's own.
  const wi = p.imitationRate * tij, lw = s.lastWorth[j];
  if (wi > 0 && lw >= 0 && lw > s.lastWorth[i]) {
    // Both terms per knob in one pass: (num + w·β_j) + wi·x_n, the same additions in the same order.
    const x = s.lastTried[j];
    for (let n = 0; n < N; n++) num[oi + n] = num[oi + n] + w * beta[oj + n] + wi * ((x >> n) & 1);
    s.learnDen[i] = s.learnDen[i] + w + wi;
  } else {
    for (let n = 0; n < N; n++) num[oi + n] += w * beta[oj + n];
    s.learnDen[i] += w;
  }
}

export function learning(s: State, ctx: Ctx): void {
  const N = s.knobs;
  if (N === 0) return;
  // knobNum rows are zero here: the update below clears every row it used (rows of actors who
  // heard nobody were never touched), which saves clearing n·N entries every tick.
  const num = s.knobNum, beta = s.knobBelief, den = s.learnDen, trust = s.tieTrust;
  const pairA = s.pairA, pairB = s.pairB, slotA = s.pairSlotA, slotB = s.pairSlotB, stranger = ctx.strangerTrust;
  den.fill(0);
  for (let e = 0, pc = s.pairCount; e < pc; e++) {
    const i = pairA[e], j = pairB[e];
    const qi = slotOf(s, slotA[e], i, j), qj = slotOf(s, slotB[e], j, i);
    listen(s, ctx, num, beta, N, i, j, qi >= 0 ? trust[qi] : stranger, qi);
    listen(s, ctx, num, beta, N, j, i, qj >= 0 ? trust[qj] : stranger, qj);
  }
  const selfWeight = s.selfWeight;
  for (let i = 0; i < s.n; i++) {
    const d = den[i];
    if (d <= 0) continue;
    const w = selfWeight[i], total = w + d;
    const o = i * N;
    for (let n = 0; n < N; n++) {
      beta[o + n] = (w * beta[o + n] + num[o + n]) / total;
      num[o + n] = 0;
    }
  }
}
