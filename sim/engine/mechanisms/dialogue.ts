// Step 4 — dialogue → samen richten. Bounded confidence (Deffuant et al. 2000) on the
// K-dimensional preferences, weighted by directed trust; agreement builds trust, a clash
// erodes it. Then preferences drift toward one's own belief and back toward the stake.
import { spendMeetingTime } from './budgets.ts';
import { normDist } from './geometry.ts';
import type { Ctx } from './context.ts';
import { slotOf } from '../ties.ts';
import { OUTSIDE, PROFILE_WIDTH, TRUST, type State } from '../state.ts';

function trustStep(trust: Float64Array, q: number, gain: number, loss: number): void {
  if (q < 0) return;
  const t = trust[q];
  trust[q] = t + gain * (1 - t) - loss * t;
}

/** Hegselmann & Krause (2002): p_i ← (p_i + Σ T_ij·p_j) / (1 + Σ T_ij) over the partners j met
 * this tick within i's openness, all from the same old preferences (synchronous). The sums
 * reuse the learning scratch arrays, which learning refills before it reads them. */
function gatherBoundedAverage(s: State, ctx: Ctx): void {
  const p = ctx.p, k = s.k, pref = s.pref, num = s.learnNum, den = s.learnDen;
  num.fill(0);
  den.fill(0);
  for (let e = 0; e < s.pairCount; e++) {
    const i = s.pairA[e], j = s.pairB[e];
    const dist = normDist(pref, i, pref, j, k);
    const qi = slotOf(s, s.pairSlotA[e], i, j), qj = slotOf(s, s.pairSlotB[e], j, i);
    const tij = qi >= 0 ? s.tieTrust[qi] : ctx.strangerTrust;
    const tji = qj >= 0 ? s.tieTrust[qj] : ctx.strangerTrust;
    const oi = i * k, oj = j * k;
    if (dist < s.openness[i] * ctx.widen && tij >= p.trustMin) {
      for (let x = 0; x < k; x++) num[oi + x] += tij * pref[oj + x];
      den[i] += tij;
    }
    if (dist < s.openness[j] * ctx.widen && tji >= p.trustMin) {
      for (let x = 0; x < k; x++) num[oj + x] += tji * pref[oi + x];
      den[j] += tji;
    }
  }
}

function applyBoundedAverage(s: State): void {
  const k = s.k, pref = s.pref, num = s.learnNum, den = s.learnDen;
  for (let i = 0; i < s.n; i++) {
    const d = den[i];
    if (d <= 0) continue;
    const o = i * k;
    for (let x = 0; x < k; x++) pref[o + x] = (pref[o + x] + num[o + x]) / (1 + d);
  }
}

/** The pair loop: bounded confidence and trust, in meeting order. Arrays and parameters are
 * read once into locals (the loop touches two random actors per meeting). */
function dialoguePairs(s: State, ctx: Ctx, mu: number): void {
  const p = ctx.p, k = s.k, pref = s.pref, trust = s.tieTrust, openness = s.openness, profile = s.profile;
  const sector = s.sector, rival = s.rival, S = s.sectors;
  const pairA = s.pairA, pairB = s.pairB, slotA = s.pairSlotA, slotB = s.pairSlotB;
  const stranger = ctx.strangerTrust, widen = ctx.widen, trustMin = p.trustMin;
  const trustGain = p.trustGain, trustLoss = p.trustLoss, clash = p.clashFactor, w = p.trustworthinessEffect, rivalry = p.rivalryFactor;
  const updatesTrust = trustGain > 0 || trustLoss > 0;
  for (let e = 0, pc = s.pairCount; e < pc; e++) {
    const i = pairA[e], j = pairB[e];
    const dist = normDist(pref, i, pref, j, k);
    const qi = slotOf(s, slotA[e], i, j), qj = slotOf(s, slotB[e], j, i);
    const tij = qi >= 0 ? trust[qi] : stranger;
    const tji = qj >= 0 ? trust[qj] : stranger;
    const epsI = openness[i] * widen, epsJ = openness[j] * widen;
    const moveI = dist < epsI && tij >= trustMin ? mu * tij : 0;
    const moveJ = dist < epsJ && tji >= trustMin ? mu * tji : 0;
    if (moveI > 0 || moveJ > 0) {
      const oi = i * k, oj = j * k;
      for (let x = 0; x < k; x++) {
        const d = pref[oj + x] - pref[oi + x];
        pref[oi + x] += moveI * d;
        pref[oj + x] -= moveJ * d;
      }
    }
    if (updatesTrust) {
      if (dist < epsI && dist < epsJ) {
        // Trustworthy partners (rule 3 of “De kunst van het netwerken”) build trust faster; rivals slower.
        // (1 − w) + w·mean, written as (1 − w) + (w/2)·sum: the same bits as before for w = 0.5.
        const tw = (1 - w) + (w / 2) * (profile[i * PROFILE_WIDTH + TRUST] + profile[j * PROFILE_WIDTH + TRUST]);
        const r = rival[sector[i] * S + sector[j]] ? rivalry : 1;
        const g = trustGain * tw * r;
        trustStep(trust, qi, g, 0);
        trustStep(trust, qj, g, 0);
      } else if (dist > clash * epsI || dist > clash * epsJ) {
        trustStep(trust, qi, 0, trustLoss);
        trustStep(trust, qj, 0, trustLoss);
      }
    }
  }
}

export function dialogue(s: State, ctx: Ctx): void {
  const p = ctx.p, k = s.k, pref = s.pref;
  // Under the bounded-average rule the pair loop below only updates trust (μ = 0 there).
  const mu = ctx.boundedAverage ? 0 : p.mu;
  if (ctx.boundedAverage) gatherBoundedAverage(s, ctx);
  dialoguePairs(s, ctx, mu);
  if (ctx.boundedAverage) applyBoundedAverage(s);
  const L = s.leader;
  const directing = ctx.directing && L >= 0 && s.present[L] === 1;
  if (directing) {
    // Directing costs the lead meeting time too (broadcasting its agenda), as facilitation does.
    for (let t = 0; t < p.leaderMeetings; t++) if (!spendMeetingTime(s, L, p.meetingCost)) break;
  }
  const drift = p.beliefDrift, pull = p.stakePull, delta = p.directingStrength;
  if (drift === 0 && pull === 0 && !directing) return; // nothing drifts (e.g. canonical Deffuant)
  for (let i = 0; i < s.n; i++) {
    if (!s.present[i]) continue;
    const a = pull * s.achterban[i];
    const dir = directing && s.position[i] !== OUTSIDE ? delta * s.engagement[i] : 0;
    const o = i * k;
    for (let x = 0; x < k; x++) {
      let v = pref[o + x];
      if (s.isKnowledge[x]) v += drift * (s.belief[o + x] - v);
      v += a * (s.stake[o + x] - v);
      if (dir > 0) v += dir * (s.agenda[x] - v);
      pref[o + x] = v < 0 ? 0 : v > 1 ? 1 : v;
    }
  }
}
