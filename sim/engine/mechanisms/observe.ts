// Step 10 — measures, every tick, each O(actors · K + ties). Writes into a preallocated row.
import { clamp01, normDist } from './geometry.ts';
import { corenessFit, updateCoreness } from './coreness.ts';
import type { Ctx } from './context.ts';
import { MEASURE_INDEX as I } from '../../schema/measures.ts';
import { CORE, NETWERKER, OUTSIDE, TRANSACTIONEEL, PERIPHERY, PROJECT_RUNNING, type State } from '../state.ts';

/** Cube root by Newton's method with a fixed number of steps: only + − × ÷, so it is
 * bit-identical in every V8 (Math.cbrt is not guaranteed to be). */
export function cbrt(x: number): number {
  if (x <= 0) return 0;
  let y = x < 1 ? 1 : x;
  for (let t = 0; t < 60; t++) {
    const next = (2 * y + x / (y * y)) / 3;
    if (next >= y) break;
    y = next;
  }
  return y;
}

export function richtenOf(s: State): number {
  const k = s.k, mean = s.dirScratch;
  mean.fill(0);
  let esum = 0;
  for (let i = 0; i < s.n; i++) {
    if (!s.present[i]) continue;
    const e = s.engagement[i];
    esum += e;
    for (let x = 0; x < k; x++) mean[x] += e * s.pref[i * k + x];
  }
  if (esum <= 0) return 0;
  for (let x = 0; x < k; x++) mean[x] /= esum;
  let spread = 0;
  for (let i = 0; i < s.n; i++) if (s.present[i]) spread += s.engagement[i] * normDist(s.pref, i, mean, 0, k);
  return clamp01(1 - 2 * spread / esum);
}

/** leren (ODD.md §7.4, §8): the worth of the approaches actors would now try and how shared
 * they are — the engagement-weighted mean ω of their approaches times their agreement on the
 * knobs (the mean over knobs of |2·share on − 1|, engagement-weighted). High only when a good
 * approach is widely held; turbulence and newcomers pull it down. O(n·N). */
export function lerenOf(s: State): number {
  const N = s.knobs;
  if (N === 0) return 0;
  let esum = 0, worth = 0;
  for (let i = 0; i < s.n; i++) {
    if (!s.present[i]) continue;
    esum += s.engagement[i];
    worth += s.engagement[i] * s.approachWorth[i];
  }
  if (esum <= 0) return 0;
  // Engagement-weighted count of actors with each knob on, in one pass (scratch: knobOn).
  const on = s.knobOn;
  on.fill(0);
  for (let i = 0; i < s.n; i++) {
    if (!s.present[i]) continue;
    const x = s.approach[i], e = s.engagement[i];
    for (let n = 0; n < N; n++) if (((x >> n) & 1) === 1) on[n] += e;
  }
  let agree = 0;
  for (let n = 0; n < N; n++) {
    const d = 2 * on[n] / esum - 1;
    agree += d < 0 ? -d : d;
  }
  return (worth / esum) * (agree / N);
}

export function observe(s: State, ctx: Ctx, row: Float64Array, churn: number): void {
  const p = ctx.p, k = s.k, n = s.n;
  let core = 0, periphery = 0, outside = 0, present = 0;
  let engagedRes = 0, projectRes = 0, cohNum = 0, cohDen = 0;
  let trustSum = 0, ties = 0;
  let urgency = 0, affected = 0, affectedIn = 0, engaged = 0, inProject = 0;
  let endorseNum = 0, endorseDen = 0;
  let pay0 = 0, pay1 = 0, pay2 = 0, count0 = 0, count1 = 0, count2 = 0;
  s.sectorEngaged.fill(0);
  // The state's arrays as locals: one load each per tick, not per actor.
  const {
    achterban, archetype, degree, engagement, mandate, payoffSeen, payoffSeenWeight, position,
    present: isPresent, projectOf, projectState, projectTick, resources, sector, sectorAffect, sectorEngaged,
    tieTrust,
  } = s;
  for (let i = 0; i < n; i++) {
    if (!isPresent[i]) continue;
    present++;
    const pos = position[i];
    if (pos === CORE) core++; else if (pos === PERIPHERY) periphery++; else outside++;
    const sec = sector[i];
    const aff = sectorAffect[sec];
    if (pos !== OUTSIDE) {
      engaged++;
      engagedRes += resources[i];
      projectRes += projectTick[i];
      sectorEngaged[sec] += 1;
      const pr = projectOf[i];
      if (pr >= 0 && projectState[pr] === PROJECT_RUNNING) inProject++;
    }
    if (projectTick[i] > 0) {
      const pr = projectOf[i];
      if (pr >= 0) {
        cohNum += projectTick[i] * (1 - normDist(s.projectDir, pr, s.agenda, 0, k));
        cohDen += projectTick[i];
      }
    }
    for (let q = i * s.cap, end = q + degree[i]; q < end; q++) { trustSum += tieTrust[q]; ties++; }
    urgency += clamp01(s.severity * aff * (0.5 + s.urgency));
    if (aff >= 0.5) { affected++; if (pos !== OUTSIDE) affectedIn++; }
    const w = mandate[i] + achterban[i];
    endorseNum += w * engagement[i] * (1 - normDist(s.agenda, 0, s.stake, i, k));
    endorseDen += w;
    const a = archetype[i];
    const sw = payoffSeenWeight[i];
    const seen = sw > 0 ? payoffSeen[i] / sw : 0;
    if (a === NETWERKER) { pay0 += seen; count0++; }
    else if (a === TRANSACTIONEEL) { pay1 += seen; count1++; }
    else { pay2 += seen; count2++; }
  }
  updateCoreness(s, p.corenessIterations);
  let sectorShare = 0, sectorW = 0;
  for (let sec = 0; sec < s.sectors; sec++) {
    if (s.sectorCount[sec] === 0) continue;
    sectorShare += s.sectorAffect[sec] * (s.sectorEngaged[sec] / s.sectorCount[sec]);
    sectorW += s.sectorAffect[sec];
  }
  const legitimacy = 0.5 * (sectorW > 0 ? sectorShare / sectorW : 0) + 0.5 * (endorseDen > 0 ? endorseNum / endorseDen : 0);

  const richten = richtenOf(s);
  const leren = lerenOf(s);
  const handelen = engagedRes > 0 ? clamp01(projectRes / engagedRes) : 0;
  if (!s.started) {
    s.richten0 = richten; s.leren0 = leren; s.handelen0 = handelen; s.started = 1;
  }
  const r1 = rescale(richten, s.richten0), r2 = rescale(leren, s.leren0), r3 = rescale(handelen, s.handelen0);
  const am = (r1 + r2 + r3) / 3;
  const balance = am > 1e-12 ? clamp01(cbrt(r1 * r2 * r3) / am) : 0;

  row[I.richten] = richten;
  row[I.leren] = leren;
  row[I.lerenGain] = leren - s.leren0;
  row[I.handelen] = handelen;
  row[I.coherence] = cohDen > 0 ? clamp01(cohNum / cohDen) : 0;
  row[I.balance] = balance;
  row[I.impact] = s.impact;
  row[I.severity] = s.severity;
  row[I.core] = core;
  row[I.periphery] = periphery;
  row[I.outside] = outside;
  row[I.churn] = churn;
  row[I.trust] = ties > 0 ? trustSum / ties : 0;
  row[I.density] = present > 1 ? ties / (present * (present - 1)) : 0;
  row[I.coreness] = corenessFit(s);
  row[I.legitimacy] = legitimacy;
  row[I.agendering] = present > 0 ? urgency / present : 0;
  row[I.interaction] = s.pairCount > 0 ? s.crossSector / s.pairCount : 0;
  row[I.mobilisation] = affected > 0 ? affectedIn / affected : 0;
  row[I.platform] = engaged > 0 ? inProject / engaged : 0;
  row[I.samensturing] = s.samensturing;
  row[I.legitimation] = legitimacy;
  row[I.projects] = s.projectsRunning = countRunning(s);
  row[I.meetings] = s.pairCount;
  row[I.payoffNetwerker] = count0 > 0 ? pay0 / count0 : 0;
  row[I.payoffTransactioneel] = count1 > 0 ? pay1 / count1 : 0;
  row[I.payoffMeelifter] = count2 > 0 ? pay2 / count2 : 0;
  row[I.present] = present;
}

function rescale(f: number, f0: number): number {
  if (f <= f0) return 0;
  return f0 >= 1 ? 0 : (f - f0) / (1 - f0);
}

function countRunning(s: State): number {
  let c = 0;
  for (let pr = 0; pr < s.projectCap; pr++) if (s.projectState[pr] === PROJECT_RUNNING) c++;
  return c;
}
