// Step 6 — action → samen handelen. Contributions go three ways: network projects (joint,
// with coordination and process losses, output counted when produced, members paid at
// delivery), bilateral deals (chain logic: immediate, no trust) and solo action; under the
// chain structure, along fixed client–supplier links.
import { normDist, unitEffectiveness, valueAcceptance, withKnowledge } from './geometry.ts';
import { approachProjection, executedApproach, observedWorth, setKnob } from './approaches.ts';
import { recordSlot } from './records.ts';
import { untriedKnob } from '../landscape/search.ts';
import { SANCTION_EXPULSION, SANCTION_REPUTATION, type Ctx } from './context.ts';
import { findTie } from '../ties.ts';
import {
  CORE, NEED, OUTSIDE, PATIENCE, PERIPHERY, PROFILE_WIDTH, PROJECT_FREE, PROJECT_RECRUITING, PROJECT_RUNNING,
  SELECTIVITY, TRUST, VALUE, type State,
} from '../state.ts';

const PROJECT_CLOSING = 3; // delivering or dissolving this tick
/** A sanctioned actor is named again in the log only after this many quiet ticks. */
const SANCTION_LOG_GAP = 20;
// Profile columns and states as module constants: imported bindings are getters under
// CommonJS (the Node drivers), too dear in per-actor and per-deal code.
const PW = PROFILE_WIDTH, TRUST_COL = TRUST, PATIENCE_COL = PATIENCE, SELECTIVITY_COL = SELECTIVITY;
const VALUE_COL = VALUE, NEED_COL = NEED, RUNNING = PROJECT_RUNNING;

/** Share of what it could give that an actor actually contributes: free riders hold back. */
export function contribFactor(s: State, i: number): number {
  return 0.2 + 0.8 * s.profile[i * PW + VALUE_COL];
}

function record(s: State, effectiveOutput: number): void {
  s.impactTick += effectiveOutput;
}

// --- Projects ------------------------------------------------------------------------

function contributeToProjects(s: State, ctx: Ctx): void {
  const p = ctx.p;
  s.projectTickSum.fill(0);
  s.projectSumSqrt.fill(0);
  for (let i = 0; i < s.n; i++) {
    const pr = s.projectOf[i];
    if (pr < 0 || s.projectState[pr] !== RUNNING || !s.present[i]) continue;
    const c = s.contrib[i] * p.projectShare * contribFactor(s, i);
    s.contrib[i] -= c;
    s.spent[i] += c;
    s.spentNetwork[i] += c;
    s.memberContrib[i] += c;
    s.projectTick[i] = c;
    s.projectTickSum[pr] += c;
    s.projectSumSqrt[pr] += Math.sqrt(c);
  }
  // A funded platform (lever) tops up running projects.
  for (let pr = 0; pr < s.projectCap; pr++) s.projectBonus[pr] = 0;
  for (let pr = 0; pr < s.projectCap && s.platformBudget > 0; pr++) {
    if (s.projectState[pr] !== RUNNING) continue;
    const bonus = Math.min(s.platformBudget, 0.5);
    s.projectBonus[pr] = bonus;
    s.platformBudget -= bonus;
  }
}

/** Process loss in member count m: g(m) = 1/(1 + ρ(m − 1)) (Steiner 1972; ρ ≈ 0.15 fits
 * Ringelmann). g(1) = 1; ρ = 0 switches it off. */
export function processLoss(m: number, rho: number): number {
  return 1 / (1 + rho * (m - 1));
}

/** Coordination as a bounded loss: 1 − λ(1 − T̄). Strangers still produce something; trust is
 * the basis, not a switch. λ = 0 switches it off; λ = 1 is engine 0.1's T̄. */
export function coordination(meanTrust: number, lambda: number): number {
  return 1 - lambda * (1 - meanTrust);
}

/** Every running project produces in every tick (ODD.md §7.5): output of this tick's
 * contributions, counted toward impact now; the members' payment (output net of coordination)
 * accumulates and is paid at delivery. O(members · (ties + K)). */
function produce(s: State, ctx: Ctx): void {
  const p = ctx.p, k = s.k;
  let any = false;
  for (let pr = 0; pr < s.projectCap; pr++) {
    if (s.projectState[pr] !== RUNNING) continue;
    any = true;
    s.projectMaxAccess[pr] = 0; s.projectMaxMandate[pr] = 0; s.projectCoord[pr] = 0;
    for (let x = 0; x < k; x++) { s.projectExpMin[pr * k + x] = 1; s.projectExpMax[pr * k + x] = 0; }
  }
  if (!any) return;
  for (let i = 0; i < s.n; i++) {
    const pr = s.projectOf[i];
    if (pr < 0 || s.projectState[pr] !== RUNNING) continue;
    if (s.access[i] > s.projectMaxAccess[pr]) s.projectMaxAccess[pr] = s.access[i];
    if (s.mandate[i] > s.projectMaxMandate[pr]) s.projectMaxMandate[pr] = s.mandate[i];
    for (let x = 0; x < k; x++) {
      const e = s.expertise[i * k + x];
      if (e < s.projectExpMin[pr * k + x]) s.projectExpMin[pr * k + x] = e;
      if (e > s.projectExpMax[pr * k + x]) s.projectExpMax[pr * k + x] = e;
    }
    // Each member's mean trust in the co-members it knows (0 if it knows none).
    let tsum = 0, tcount = 0;
    const base = i * s.cap;
    for (let q = base; q < base + s.degree[i]; q++) if (s.projectOf[s.tieTo[q]] === pr) { tsum += s.tieTrust[q]; tcount++; }
    if (tcount > 0) s.projectCoord[pr] += tsum / tcount;
  }
  for (let pr = 0; pr < s.projectCap; pr++) {
    if (s.projectState[pr] !== RUNNING) continue;
    const m = s.projectSize[pr];
    const sumC = s.projectTickSum[pr];
    let spread = 0;
    for (let x = 0; x < k; x++) spread += s.projectExpMax[pr * k + x] - s.projectExpMin[pr * k + x];
    spread = m > 1 ? spread / k : 0;
    const sq = s.projectSumSqrt[pr];
    // synergy (engine 0.1's superlinear term) defaults to 0; kept only for comparison.
    const raw = sumC + s.projectBonus[pr] + p.synergy * Math.max(0, sq * sq - sumC);
    const output = raw * processLoss(m, p.processLoss) * (1 + p.diversityWeight * spread);
    const coord = m > 1 ? coordination(s.projectCoord[pr] / m, p.coordinationLoss) : 1;
    s.projectCoord[pr] = coord;
    // Integration cost (F6): combining sectors' knowledge costs a share of the output.
    const net = output * (1 - s.projectIntegration[pr]);
    const close = projectSearch(s, ctx, pr);
    s.projectEff[pr] = close * coord;
    s.projectOutput[pr] += net;
    s.projectPay[pr] += net * coord;
    record(s, net * close * coord);
  }
}

/** A project's effectiveness this tick (without coordination). With search on (F7) a share φ
 * of its work tries one untried one-knob variant of its approach; the variant is kept when its
 * observed worth is higher. The record of tried variants belongs to the approach (records.ts);
 * at a local peak the project stops searching until its initiator searches below aspiration. */
function projectSearch(s: State, ctx: Ctx, pr: number): number {
  const p = ctx.p;
  const access = s.projectMaxAccess[pr], mandate = s.projectMaxMandate[pr];
  const values = valueAcceptance(s, s.projectDir, pr, access, mandate, p.accessNeeded, p.mandateNeeded);
  const x = s.projectApproach[pr];
  const eff = recordSearch(s, ctx, x, access, mandate, values, s.searching[s.projectInitiator[pr]] > 0);
  if (kept !== x) {
    s.projectApproach[pr] = kept;
    setProjectKnowledgeDir(s, pr);
  }
  return eff;
}

/** The approach recordSearch kept (module scratch, so the search allocates nothing). */
let kept = 0;

/** One search step (F7) of a unit whose record of tried variants belongs to its approach x (a
 * project, the chain), executed with the given access and mandate; `values` is F8's value part.
 * Returns the unit's effectiveness this tick, (1 − φ)·eff(x) + φ·eff(variant) when it searched;
 * leaves the approach it keeps in `kept`. `reopen`: search again from a local peak (below aspiration). */
function recordSearch(s: State, ctx: Ctx, x: number, access: number, mandate: number, values: number, reopen: boolean): number {
  const p = ctx.p, omega = ctx.omega, N = s.knobs, phi = p.searchShare;
  kept = x;
  const xe = executedApproach(s, x, access, mandate, p.accessNeeded, p.mandateNeeded);
  const effX = withKnowledge(s, omega[xe], values);
  if (N === 0 || phi <= 0) return effX;
  const slot = recordSlot(s, x);
  let tried = s.recordMask[slot];
  if (tried === (1 << N) - 1 && reopen) tried = 0;
  const knob = untriedKnob(tried, N, ctx.rng);
  if (knob < 0) return effX;
  s.recordMask[slot] = tried | (1 << knob);
  const v = x ^ (1 << knob);
  const ve = executedApproach(s, v, access, mandate, p.accessNeeded, p.mandateNeeded);
  const effV = withKnowledge(s, omega[ve], values);
  const obsX = observedWorth(omega[xe], p.lbdNoise, ctx.rng), obsV = observedWorth(omega[ve], p.lbdNoise, ctx.rng);
  if (obsV > obsX) {
    kept = v;
    s.recordMask[recordSlot(s, v)] |= 1 << knob; // the way back is known
  }
  return (1 - phi) * effX + phi * effV;
}

/** d_k = P_k(x_p) on knowledge aspects: one object for dialogue, joining, selectivity and payment. */
function setProjectKnowledgeDir(s: State, pr: number): void {
  const k = s.k, x = s.projectApproach[pr];
  for (let a = 0; a < s.knowAspect.length; a++) s.projectDir[pr * k + s.knowAspect[a]] = approachProjection(s, x, a);
}

/** e^γ for whole γ ≥ 0 (repeated products: no pow in sim/). */
function expertiseWeight(e: number, gamma: number): number {
  let w = 1;
  for (let g = 0; g < gamma; g++) w *= e;
  return w;
}

/** Projects that started this tick form their approach (F5, F6): an expertise-weighted vote per
 * knob over the members' beliefs, w = e^γ on the knob's aspect; the integration cost share
 * χ·(s_p − 1)/(S − 1)·(1 − a_p) with s_p the members' sectors and a_p their agreement on the
 * knobs. A directing lead imposes its own approach (s_p = 1); so does the `initiator`
 * ablation with the initiator's. One pass over the actors: O(n·N). */
function formApproaches(s: State, ctx: Ctx): void {
  const N = s.knobs, K = s.knowAspect.length, m = s.knobsPerAspect, k = s.k, S = s.sectors, gamma = ctx.p.expertiseWeight;
  for (let pr = 0; pr < s.projectCap; pr++) {
    if (!s.projectForming[pr]) continue;
    for (let n = 0; n < N; n++) { s.projectVote[pr * N + n] = 0; s.projectOnes[pr * N + n] = 0; }
    for (let a = 0; a < K; a++) s.projectVoteDen[pr * K + a] = 0;
    for (let c = 0; c < S; c++) s.projectSectorSeen[pr * S + c] = 0;
  }
  for (let i = 0; i < s.n; i++) {
    const pr = s.projectOf[i];
    if (pr < 0 || !s.projectForming[pr]) continue;
    s.projectSectorSeen[pr * S + s.sector[i]] = 1;
    for (let a = 0; a < K; a++) {
      const w = expertiseWeight(s.expertise[i * k + s.knowAspect[a]], gamma);
      s.projectVoteDen[pr * K + a] += w;
      for (let n = a * m; n < (a + 1) * m; n++) {
        const b = s.knobBelief[i * N + n];
        s.projectVote[pr * N + n] += w * b;
        if (b > 0.5) s.projectOnes[pr * N + n] += 1;
      }
    }
  }
  const lead = ctx.directing ? s.leader : -1;
  for (let pr = 0; pr < s.projectCap; pr++) {
    if (!s.projectForming[pr]) continue;
    s.projectForming[pr] = 0;
    s.projectWorth[pr] = -1;
    s.projectIntegration[pr] = 0;
    const init = s.projectInitiator[pr];
    if (lead >= 0 || !ctx.combine) {
      s.projectApproach[pr] = s.approach[lead >= 0 ? lead : init];
    } else {
      let x = 0, agree = 0;
      const size = s.projectSize[pr];
      for (let n = 0; n < N; n++) {
        const den = s.projectVoteDen[pr * K + (n - (n % m)) / m];
        const on = den > 0 ? s.projectVote[pr * N + n] / den > 0.5 : ((s.approach[init] >> n) & 1) === 1;
        if (on) x |= 1 << n;
        const d = 2 * s.projectOnes[pr * N + n] / size - 1;
        agree += d < 0 ? -d : d;
      }
      s.projectApproach[pr] = x;
      let sectors = 0;
      for (let c = 0; c < S; c++) sectors += s.projectSectorSeen[pr * S + c];
      if (S > 1 && N > 0) s.projectIntegration[pr] = ctx.p.integrationCost * (sectors - 1) / (S - 1) * (1 - agree / N);
    }
    setProjectKnowledgeDir(s, pr);
  }
}

function detectFreeRiders(s: State, ctx: Ctx): void {
  const p = ctx.p;
  const chance = p.detectRate * (1 - ctx.tolerance);
  if (chance <= 0) return;
  for (let i = 0; i < s.n; i++) {
    const pr = s.projectOf[i];
    if (pr < 0 || s.projectState[pr] !== RUNNING || s.projectSize[pr] < 2) continue;
    // A free rider gives less than half of what it could: small actors are not free riders.
    if (contribFactor(s, i) >= 0.5) continue;
    if (ctx.rng() >= chance) continue;
    // The code of conduct's sanction (ODD.md (Spelregels)).
    if (ctx.sanction === SANCTION_REPUTATION) {
      s.reputation[i] *= p.reputationSanction;
    } else if (ctx.sanction === SANCTION_EXPULSION) {
      leaveProject(s, i);
      if (s.position[i] === CORE) s.position[i] = PERIPHERY;
      s.barredUntil[i] = s.tick + p.expulsionTicks;
    } else {
      // Lost trust: every tie toward the free rider weakens.
      const base = i * s.cap;
      for (let q = base; q < base + s.degree[i]; q++) {
        const r = findTie(s, s.tieTo[q], i);
        if (r >= 0) s.tieTrust[r] *= p.trustSanction;
      }
    }
    if (s.named[i] && s.tick - s.sanctionLogged[i] >= SANCTION_LOG_GAP) ctx.report.sanction(i, ctx.sanction);
    s.sanctionLogged[i] = s.tick;
  }
}

function leaveProject(s: State, i: number): void {
  const pr = s.projectOf[i];
  if (pr < 0) return;
  s.projectSize[pr]--;
  s.projectOf[i] = -1;
  s.memberContrib[i] = 0;
}

/** How far below-aspiration search lowers the bar to join a new combination, per unit of
 * search intensity. */
const SEARCH_OPENING = 0.5;

/** Present value of a return `delay` ticks away: hyperbolic, 1/(1 + r·(1 − patience)·delay). */
export function patienceDiscount(rate: number, patience: number, delay: number): number {
  return 1 / (1 + rate * (1 - patience) * delay);
}

function wouldJoin(s: State, ctx: Ctx, c: number, pr: number, via: number): boolean {
  const p = ctx.p;
  if (!s.present[c] || s.projectOf[c] >= 0 || s.position[c] === OUTSIDE || s.contrib[c] <= 0) return false;
  if (ctx.singleSector && s.sector[c] !== s.sector[s.projectInitiator[pr]]) return false;
  const k = s.k;
  const dist = normDist(s.projectDir, pr, s.pref, c, k);
  if (dist >= s.openness[c] * ctx.widen) return false;
  // Trust in whoever asks (the initiator or a member it knows).
  const q = findTie(s, c, via);
  if ((q >= 0 ? s.tieTrust[q] : 0) < p.trustMin) return false;
  // Selectivity: mutual benefit, not "nice" (“De kunst van het netwerken”, rule 5) — valued
  // later, so discounted by impatience (rule 4) — with the bar lowered by a debt to the asker
  // (reciprocity) and by search below aspiration.
  const benefit = (1 - normDist(s.projectDir, pr, s.stake, c, k)) *
    patienceDiscount(p.discountRate, s.profile[c * PW + PATIENCE_COL], p.projectDuration);
  const owed = q >= 0 && s.tieOwed[q] ? p.reciprocity : 0;
  if (benefit < p.joinBenefitFloor + 0.5 * s.profile[c * PW + SELECTIVITY_COL] - owed - SEARCH_OPENING * s.searching[c]) return false;
  // Granovetter (1978): join when enough trusted ties have joined already.
  let seen = 0;
  const base = c * s.cap;
  for (let r = base; r < base + s.degree[c]; r++) {
    if (s.projectOf[s.tieTo[r]] === pr && s.tieTrust[r] >= p.trustMin) seen++;
  }
  return seen >= s.threshold[c];
}

function recruit(s: State, ctx: Ctx): void {
  const p = ctx.p;
  for (let i = 0; i < s.n; i++) {
    const pr = s.projectOf[i];
    if (pr < 0 || s.projectState[pr] !== PROJECT_RECRUITING) continue;
    const base = i * s.cap;
    for (let q = base; q < base + s.degree[i]; q++) {
      if (s.projectSize[pr] >= p.maxProjectSize) break;
      const c = s.tieTo[q];
      if (wouldJoin(s, ctx, c, pr, i)) {
        s.projectOf[c] = pr;
        s.memberContrib[c] = 0;
        s.projectSize[pr]++;
        // Reciprocity: joining the helper's project repays a debt; being brought in by a
        // member creates one.
        const back = findTie(s, c, i);
        if (back >= 0) s.tieOwed[back] = s.tieOwed[back] ? 0 : 1;
      }
    }
  }
  let forming = false;
  for (let pr = 0; pr < s.projectCap; pr++) {
    if (s.projectState[pr] !== PROJECT_RECRUITING || s.tick - s.projectStart[pr] < p.recruitTicks) continue;
    if (s.projectSize[pr] >= p.quorum) {
      s.projectState[pr] = PROJECT_RUNNING;
      s.projectStart[pr] = s.tick;
      s.projectOutput[pr] = 0;
      s.projectPay[pr] = 0;
      s.projectEff[pr] = 0;
      s.projectsStarted++;
      s.projectForming[pr] = 1;
      forming = true;
      if (s.projectNamed[pr]) ctx.report.project('started', pr, s.projectInitiator[pr], s.projectSize[pr], 0);
    } else {
      s.projectState[pr] = PROJECT_CLOSING;
      s.projectOutput[pr] = -1;
      if (s.projectNamed[pr]) ctx.report.project('dissolved', pr, s.projectInitiator[pr], s.projectSize[pr], 0);
    }
  }
  if (forming) formApproaches(s, ctx);
}

/** A member saw approach x work with observed worth `seen`: where that beats what it knew of
 * its own, its beliefs move toward x by `rate`; either way x is now its last tried approach. */
function learnByDoing(s: State, i: number, x: number, seen: number, rate: number): void {
  const N = s.knobs, o = i * N;
  if (seen > s.lastWorth[i]) {
    for (let n = 0; n < N; n++) s.knobBelief[o + n] += rate * (((x >> n) & 1) - s.knobBelief[o + n]);
  }
  s.lastTried[i] = x;
  s.lastWorth[i] = seen;
}

/** Projects that reached their duration deliver: members are paid their share of the
 * accumulated output net of coordination, learn by doing, and are freed. */
function deliver(s: State, ctx: Ctx): void {
  const p = ctx.p, k = s.k;
  let any = false;
  for (let pr = 0; pr < s.projectCap; pr++) {
    if (s.projectState[pr] === RUNNING && s.tick - s.projectStart[pr] >= p.projectDuration) {
      s.projectState[pr] = PROJECT_CLOSING;
      any = true;
      s.projectsDelivered++;
      if (s.projectNamed[pr]) ctx.report.project('delivered', pr, s.projectInitiator[pr], s.projectSize[pr], s.projectEff[pr]);
    } else if (s.projectState[pr] === PROJECT_CLOSING) {
      any = true;
    }
  }
  if (!any) return;
  // Learning by doing: a delivered project reveals a noisy worth of the approach it executed,
  // one shared observation per project (drawn in project order so the stream is fixed).
  const N = s.knobs;
  for (let pr = 0; N > 0 && pr < s.projectCap; pr++) {
    if (s.projectState[pr] !== PROJECT_CLOSING || s.projectOutput[pr] < 0) continue;
    const xe = executedApproach(s, s.projectApproach[pr], s.projectMaxAccess[pr], s.projectMaxMandate[pr], p.accessNeeded, p.mandateNeeded);
    s.projectWorth[pr] = observedWorth(ctx.omega[xe], p.lbdNoise, ctx.rng);
  }
  // Members are paid by how well the output serves their stake, learn, and are freed.
  for (let i = 0; i < s.n; i++) {
    const pr = s.projectOf[i];
    if (pr < 0 || s.projectState[pr] !== PROJECT_CLOSING) continue;
    if (s.projectOutput[pr] >= 0) {
      // Paid from output net of coordination (ODD.md §7.5), later than it was produced.
      const share = s.projectPay[pr] / s.projectSize[pr];
      s.gainNetwork[i] += share * (1 - normDist(s.projectDir, pr, s.stake, i, k));
      if (N > 0) learnByDoing(s, i, s.projectApproach[pr], s.projectWorth[pr], p.lbdRate);
    }
    s.projectOf[i] = -1;
    s.memberContrib[i] = 0;
  }
  for (let pr = 0; pr < s.projectCap; pr++) {
    if (s.projectState[pr] !== PROJECT_CLOSING) continue;
    s.projectState[pr] = PROJECT_FREE;
    s.projectSize[pr] = 0;
    s.projectBonus[pr] = 0;
    s.projectInitiator[pr] = -1;
    s.projectFree[s.projectFreeCount++] = pr;
  }
}

function initiate(s: State, ctx: Ctx): void {
  const p = ctx.p, k = s.k, rng = ctx.rng;
  const platform = s.platformBudget > 0 ? 2 : 1;
  if (p.initiateRate <= 0) return; // no draws when nobody can initiate
  for (let i = 0; i < s.n; i++) {
    if (!s.present[i] || s.projectOf[i] >= 0 || s.position[i] === OUTSIDE || s.contrib[i] <= 0) continue;
    if (rng() >= p.initiateRate * s.proactiveness[i] * s.engagement[i] * platform) continue;
    if (s.projectFreeCount === 0) return;
    const pr = s.projectFree[--s.projectFreeCount];
    s.projectState[pr] = PROJECT_RECRUITING;
    s.projectInitiator[pr] = i;
    s.projectStart[pr] = s.tick;
    s.projectSize[pr] = 1;
    s.projectBonus[pr] = 0;
    s.projectNamed[pr] = s.named[i];
    s.projectSeq[pr] = ++s.projectCounter;
    s.projectOf[i] = pr;
    s.memberContrib[i] = 0;
    const o = pr * k;
    if (ctx.directing && s.leader >= 0) {
      // Directing leadership: the lead's agenda sets every project's direction.
      for (let x = 0; x < k; x++) s.projectDir[o + x] = s.agenda[x];
    } else {
      // d = (1 − n_i)·p_i + n_i·(trust-weighted mean of partners' stakes): need-recognition.
      const need = s.profile[i * PW + NEED_COL];
      let wsum = 0;
      for (let x = 0; x < k; x++) s.projectDir[o + x] = 0;
      const base = i * s.cap;
      for (let q = base; q < base + s.degree[i]; q++) {
        const j = s.tieTo[q], w = s.tieTrust[q];
        wsum += w;
        for (let x = 0; x < k; x++) s.projectDir[o + x] += w * s.stake[j * k + x];
      }
      for (let x = 0; x < k; x++) {
        const others = wsum > 0 ? s.projectDir[o + x] / wsum : s.pref[i * k + x];
        s.projectDir[o + x] = (1 - need) * s.pref[i * k + x] + need * others;
      }
    }
    // Until the members combine their knowledge, the project means its initiator's approach
    // (or the directing lead's) on the knowledge aspects.
    s.projectApproach[pr] = s.approach[ctx.directing && s.leader >= 0 ? s.leader : i];
    s.projectIntegration[pr] = 0;
    setProjectKnowledgeDir(s, pr);
  }
}

// --- Deals, solo action and the chain ------------------------------------------------

/** Solo output: linear after a fixed cost, with a minimum efficient scale — below `scale`
 * each unit yields proportionally less (scale 0: off). */
export function soloOutput(a: number, efficiency: number, fixedCost: number, scale: number): number {
  const out = efficiency * Math.max(0, a - fixedCost);
  return scale > 0 && a < scale ? out * a / scale : out;
}

/** Share of a promised deal contribution that actor i does not deliver. */
export function dealShortfall(s: State, opportunism: number, i: number): number {
  return opportunism * (1 - s.profile[i * PW + TRUST_COL]);
}

/** Partner j notices i's shortfall with probability dealDetect·(1 − trustworthiness_i): j's
 * trust in i falls by betrayalLoss, and gossip along ties stains i's reputation (the stain
 * fades over gossipMemory ticks, payoffs.ts). One draw per actor that shorts (none when it
 * delivers in full). */
function detectOpportunism(s: State, ctx: Ctx, i: number, j: number): void {
  const p = ctx.p;
  const untrust = 1 - s.profile[i * PW + TRUST_COL];
  if (untrust <= 0) return;
  if (ctx.rng() >= p.dealDetect * untrust) return;
  const q = findTie(s, j, i);
  if (q >= 0) s.tieTrust[q] -= p.betrayalLoss * s.tieTrust[q];
  s.stain[i] += p.gossip * (1 - s.stain[i]);
}

function dealsAndSolo(s: State, ctx: Ctx): void {
  const p = ctx.p, k = s.k, rng = ctx.rng, dir = s.dirScratch;
  if (ctx.chain) chain(s, ctx);
  // What is left after projects (including what a member held back from its project: it
  // stays with the actor) goes to deals and solo action; holding back is applied once, to
  // joint work only. Transactional actors (short horizon) prefer deals.
  for (let i = 0; i < s.n; i++) {
    s.dealLeft[i] = 0;
    if (!s.present[i] || s.contrib[i] <= 0) continue;
    if (!ctx.chain) s.dealLeft[i] = s.contrib[i] * (1 - s.profile[i * PW + PATIENCE_COL]);
  }
  for (let i = 0; i < s.n; i++) {
    const a = s.dealLeft[i];
    if (a <= 0) continue;
    const d = s.degree[i];
    if (d === 0) continue;
    const base = i * s.cap;
    const start = Math.floor(rng() * d);
    for (let t = 0; t < d; t++) {
      const j = s.tieTo[base + ((start + t) % d)];
      if (j === i || !s.present[j] || s.dealLeft[j] <= 0) continue;
      const amount = Math.min(a, s.dealLeft[j]);
      s.dealLeft[i] -= amount; s.dealLeft[j] -= amount;
      // Opportunism: each delivers only part of what it promised; the rest stays with it
      // (for solo action). Detection costs trust and, by gossip, reputation.
      const gi = amount * (1 - dealShortfall(s, p.opportunism, i)), gj = amount * (1 - dealShortfall(s, p.opportunism, j));
      s.contrib[i] -= gi; s.contrib[j] -= gj;
      s.spent[i] += gi; s.spent[j] += gj;
      if (p.opportunism > 0) { detectOpportunism(s, ctx, i, j); detectOpportunism(s, ctx, j, i); }
      const out = p.dealReturn * (gi + gj);
      for (let x = 0; x < k; x++) dir[x] = 0.5 * (s.stake[i * k + x] + s.stake[j * k + x]);
      // A deal reaches what the better-placed of the two reaches, and executes the approach of
      // the partner whose own last tried approach worked better (no combination).
      const access = s.access[i] > s.access[j] ? s.access[i] : s.access[j];
      const mandate = s.mandate[i] > s.mandate[j] ? s.mandate[i] : s.mandate[j];
      const xd = executedApproach(s, s.lastWorth[j] > s.lastWorth[i] ? s.approach[j] : s.approach[i], access, mandate, p.accessNeeded, p.mandateNeeded);
      record(s, out * unitEffectiveness(s, ctx.omega, xd, dir, 0, access, mandate, p.accessNeeded, p.mandateNeeded));
      // Immediate payoff for the overlap of both stakes.
      const overlap = 1 - normDist(s.stake, i, s.stake, j, k);
      s.gainOther[i] += 0.5 * out * overlap;
      s.gainOther[j] += 0.5 * out * overlap;
      break;
    }
  }
  // Solo: linear output after a fixed cost, aimed by the actor's own approach, with search.
  for (let i = 0; i < s.n; i++) {
    const a = s.contrib[i];
    if (!s.present[i] || a <= 0) continue;
    s.spent[i] += a;
    s.contrib[i] = 0;
    const out = soloOutput(a, p.soloEfficiency, p.soloFixedCost, p.soloMinScale);
    if (out <= 0) continue;
    let dist = 0;
    for (let x = 0; x < k; x++) {
      dir[x] = s.isKnowledge[x] ? s.belief[i * k + x] : s.pref[i * k + x];
      const d = dir[x] - s.stake[i * k + x];
      dist += d * d;
    }
    record(s, out * soloSearch(s, ctx, i, dir));
    s.gainOther[i] += out * (1 - Math.sqrt(dist / k));
  }
}

/** A solo actor's effectiveness this tick. With search on (F7) a share φ of its work tries one
 * untried one-knob variant of its approach (its own record, valid while its approach stays);
 * an observed improvement flips its belief on that knob. Below aspiration it searches again from
 * a local peak. Either way it now knows an observed worth of what it tried. */
function soloSearch(s: State, ctx: Ctx, i: number, dir: Float64Array): number {
  const p = ctx.p, omega = ctx.omega, N = s.knobs;
  const access = s.access[i], mandate = s.mandate[i];
  const x = s.approach[i];
  const xe = executedApproach(s, x, access, mandate, p.accessNeeded, p.mandateNeeded);
  const values = valueAcceptance(s, dir, 0, access, mandate, p.accessNeeded, p.mandateNeeded);
  const effX = withKnowledge(s, omega[xe], values);
  if (N === 0) return effX;
  const phi = p.searchShare;
  let knob = -1;
  if (phi > 0) {
    if (s.triedBase[i] !== x) { s.triedBase[i] = x; s.triedMask[i] = 0; }
    if (s.triedMask[i] === (1 << N) - 1 && s.searching[i] > 0) s.triedMask[i] = 0;
    knob = untriedKnob(s.triedMask[i], N, ctx.rng);
  }
  const obsX = observedWorth(omega[xe], p.lbdNoise, ctx.rng);
  if (knob < 0) {
    s.lastTried[i] = x;
    s.lastWorth[i] = obsX;
    return effX;
  }
  s.triedMask[i] |= 1 << knob;
  const v = x ^ (1 << knob);
  const ve = executedApproach(s, v, access, mandate, p.accessNeeded, p.mandateNeeded);
  const effV = withKnowledge(s, omega[ve], values);
  const obsV = observedWorth(omega[ve], p.lbdNoise, ctx.rng);
  if (obsV > obsX) {
    setKnob(s, i, knob, (v >> knob) & 1);
    s.soloKnowledge[i] += omega[v] - omega[x];
    s.approach[i] = v;
    s.approachWorth[i] = omega[v];
    s.triedBase[i] = v;
    s.triedMask[i] = 1 << knob; // the way back is known
    s.lastTried[i] = v;
    s.lastWorth[i] = obsV;
  } else {
    s.lastTried[i] = x;
    s.lastWorth[i] = obsX;
  }
  return (1 - phi) * effX + phi * effV;
}

/** Chain: each link produces linearly along the lead's known process — the chain's approach,
 * taken from its lead when the chain forms — without meeting cost, trust threshold, combination,
 * coordination or process loss (an assumption of the model, ODD.md §7.5). The chain is one unit
 * of action: it reaches what its best-placed link reaches. The lead local-searches (F7) with the
 * record that belongs to the approach. Holding back applies to a link's chain work (joint
 * work); what a link holds back stays with it for solo action. */
function chain(s: State, ctx: Ctx): void {
  const p = ctx.p, k = s.k;
  let access = 0, mandate = 0;
  for (let i = 0; i < s.n; i++) {
    if (!s.present[i]) continue;
    if (s.access[i] > access) access = s.access[i];
    if (s.mandate[i] > mandate) mandate = s.mandate[i];
  }
  const values = valueAcceptance(s, s.agenda, 0, access, mandate, p.accessNeeded, p.mandateNeeded);
  const eff = recordSearch(s, ctx, s.chainApproach, access, mandate, values, s.chainLead >= 0 && s.searching[s.chainLead] > 0);
  s.chainApproach = kept;
  for (let i = 0; i < s.n; i++) {
    if (!s.present[i] || s.contrib[i] <= 0) continue;
    const a = s.contrib[i] * contribFactor(s, i);
    const out = p.chainEfficiency * a;
    s.spent[i] += a;
    s.contrib[i] -= a;
    record(s, out * eff);
    let dist = 0;
    for (let a = 0; a < k; a++) { const d = s.agenda[a] - s.stake[i * k + a]; dist += d * d; }
    s.gainOther[i] += out * (1 - Math.sqrt(dist / k));
  }
}

export function action(s: State, ctx: Ctx): void {
  s.impactTick = 0;
  returnMeetingTime(s);
  if (!ctx.chain) {
    contributeToProjects(s, ctx);
    detectFreeRiders(s, ctx);
    produce(s, ctx);
    deliver(s, ctx);
    recruit(s, ctx);
    initiate(s, ctx);
  } else {
    dissolveAllProjects(s);
  }
  dealsAndSolo(s, ctx);
  const y = s.impactTick / s.totalResources0;
  s.impactTick = y;
  s.impact += y;
  const drop = ctx.p.solveRate * y;
  s.severity *= drop >= 1 ? 0 : 1 - drop;
}

/** Meeting time nobody used this tick is not lost: it goes back to contributions. (Its own
 * function: as a loop inside action() it was compiled on stack and discarded every tick.) */
function returnMeetingTime(s: State): void {
  for (let i = 0; i < s.n; i++) {
    if (s.meetTime[i] > 0) { s.contrib[i] += s.meetTime[i]; s.meetTime[i] = 0; }
  }
}

/** Switching to a chain structure ends the network's projects (no payoff). */
function dissolveAllProjects(s: State): void {
  if (s.projectFreeCount === s.projectCap) return;
  for (let i = 0; i < s.n; i++) { s.projectOf[i] = -1; s.memberContrib[i] = 0; }
  s.projectFreeCount = 0;
  for (let pr = s.projectCap - 1; pr >= 0; pr--) {
    s.projectState[pr] = PROJECT_FREE;
    s.projectSize[pr] = 0;
    s.projectFree[s.projectFreeCount++] = pr;
  }
}
