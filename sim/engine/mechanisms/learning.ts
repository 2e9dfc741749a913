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

function shares(s: State, knowledge: number, bilateralTrust: number, from: number, to: number, trustToFrom: number): boolean {
  if (knowledge === KNOW_CORE) return s.position[from] === CORE && s.position[to] === CORE;
  if (knowledge === KNOW_BILATERAL) return trustToFrom >= bilateralTrust;
  return true;
}

// What listen() decided for one side of a meeting (module scratch: the pair loop allocates
// nothing): the DeGroot weight (0: i does not hear j) and the imitation weight (0: none).
let heardWeight = 0, imitateWeight = 0;

/** Does i hear j, and with what weights (left in heardWeight, imitateWeight)? Spends j's
 * sharing time and marks i's debt, in the order the model has always done it. */
function listen(s: State, ctx: Ctx, i: number, j: number, tij: number, qi: number): void {
  heardWeight = 0;
  imitateWeight = 0;
  const p = ctx.p;
  if (tij <= 0 || !shares(s, ctx.knowledge, p.bilateralTrust, j, i, tij)) return;
  const w = tij * (s.reputation[j] * (1 - s.stain[j])); // standing (state.ts), inlined
  if (w <= 0) return;
  if (p.shareCost > 0 && !spendMeetingTime(s, j, p.shareCost)) return;
  // j helped i: i owes j a return (reciprocity, ODD.md §7.5).
  if (qi >= 0) s.tieOwed[qi] = 1;
  heardWeight = w;
  s.learnDen[i] += w;
  // Imitation of success: only what j has tried and observed to work better than i's own.
  const wi = p.imitationRate * tij;
  const lw = s.lastWorth[j];
  if (wi > 0 && lw >= 0 && lw > s.lastWorth[i]) {
    imitateWeight = wi;
    s.learnDen[i] += wi;
  }
}

/** num_i += w·β_j (+ m·x_j's bits), for one listener; the knob loops of both sides of a
 * meeting are one pass over the two rows when both hear (the sums per entry are the same
 * additions in the same order, so the result is bit-identical). */
function gather(num: Float64Array, beta: Float64Array, N: number, oi: number, oj: number, w: number, m: number, x: number): void {
  if (m > 0) for (let n = 0; n < N; n++) num[oi + n] = num[oi + n] + w * beta[oj + n] + m * ((x >> n) & 1);
  else for (let n = 0; n < N; n++) num[oi + n] += w * beta[oj + n];
}

function gatherBoth(num: Float64Array, beta: Float64Array, N: number, oi: number, oj: number, wi: number, mi: number, xi: number, wj: number, mj: number, xj: number): void {
  for (let n = 0; n < N; n++) {
    const bi = beta[oi + n], bj = beta[oj + n];
    num[oi + n] = num[oi + n] + wi * bj + mi * ((xi >> n) & 1);
    num[oj + n] = num[oj + n] + wj * bi + mj * ((xj >> n) & 1);
  }
}

export function learning(s: State, ctx: Ctx): void {
  const N = s.knobs;
  if (N === 0) return;
  // knobNum rows are zero here: the update below clears every row it used (rows of actors who
  // heard nobody were never touched), which saves clearing n·N entries every tick.
  const num = s.knobNum, beta = s.knobBelief, den = s.learnDen, lastTried = s.lastTried, trust = s.tieTrust;
  const pairA = s.pairA, pairB = s.pairB, slotA = s.pairSlotA, slotB = s.pairSlotB, stranger = ctx.strangerTrust;
  den.fill(0);
  for (let e = 0; e < s.pairCount; e++) {
    const i = pairA[e], j = pairB[e];
    const qi = slotOf(s, slotA[e], i, j), qj = slotOf(s, slotB[e], j, i);
    listen(s, ctx, i, j, qi >= 0 ? trust[qi] : stranger, qi);
    const wi = heardWeight, mi = imitateWeight;
    listen(s, ctx, j, i, qj >= 0 ? trust[qj] : stranger, qj);
    const wj = heardWeight, mj = imitateWeight;
    const oi = i * N, oj = j * N;
    // x + 0 = x for the non-negative sums here, so a zero imitation weight adds nothing.
    if (wi !== 0 && wj !== 0 && i !== j) gatherBoth(num, beta, N, oi, oj, wi, mi, lastTried[j], wj, mj, lastTried[i]);
    else {
      if (wi !== 0) gather(num, beta, N, oi, oj, wi, mi, lastTried[j]);
      if (wj !== 0) gather(num, beta, N, oj, oi, wj, mj, lastTried[i]);
    }
  }
  for (let i = 0; i < s.n; i++) {
    const d = den[i];
    if (d <= 0) continue;
    const w = s.selfWeight[i], total = w + d;
    const o = i * N;
    for (let n = 0; n < N; n++) {
      beta[o + n] = (w * beta[o + n] + num[o + n]) / total;
      num[o + n] = 0;
    }
  }
}
