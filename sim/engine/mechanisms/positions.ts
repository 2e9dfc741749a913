// Step 8 — positions: engagement moves actors between outside, periphery and core; the
// entry rule decides admission to the core.
import { ENTRY_CLOSED, ENTRY_INVITATION, ENTRY_OPEN, ENTRY_SELECTIVE, type Ctx } from './context.ts';
import { CORE, OUTSIDE, PERIPHERY, standing, type State } from '../state.ts';
import { PARAMS } from '../../schema/params.ts';

/** The claim to a place in the core: the four routes of “De kunst van het netwerken”. */
export function claim(s: State, i: number): number {
  return (s.mandate[i] + standing(s, i) + s.access[i] + s.proactiveness[i]) / 4;
}

/** Room for the largest invitePerTick the schema allows, so no hidden cap binds. */
const INVITE_MAX = PARAMS.invitePerTick.max;
const inviteIdx = new Int32Array(INVITE_MAX);
const inviteScore = new Float64Array(INVITE_MAX);

export function positions(s: State, ctx: Ctx): number {
  const p = ctx.p, n = s.n, k = s.k;
  const out = p.engagementOut, coreT = p.engagementCore, h = p.hysteresis;
  // Where entry is controlled (invitation, closed), a place in the core is kept until the
  // member's engagement falls halfway to the periphery threshold: leaving is not free either.
  const controlled = ctx.entry === ENTRY_INVITATION || ctx.entry === ENTRY_CLOSED;
  const exitCore = controlled ? 0.5 * (out + coreT) : coreT - h;
  let meanContrib = 0, members = 0;
  for (let i = 0; i < n; i++) {
    s.lastPosition[i] = s.position[i];
    if (s.present[i] && s.position[i] !== OUTSIDE) { meanContrib += s.contribAvg[i]; members++; }
  }
  meanContrib = members > 0 ? meanContrib / members : 0;
  for (let i = 0; i < n; i++) {
    if (!s.present[i]) continue;
    const e = s.engagement[i];
    const pos = s.position[i];
    if (pos === CORE) {
      if (e < out - h) s.position[i] = OUTSIDE;
      else if (e < exitCore) s.position[i] = PERIPHERY;
    } else if (pos === PERIPHERY) {
      if (e < out - h) s.position[i] = OUTSIDE;
    } else if (e >= out + h || s.mobilised[i]) {
      s.position[i] = PERIPHERY;
    }
    if (s.position[i] === PERIPHERY && e >= coreT && s.barredUntil[i] <= s.tick) {
      let admit = false;
      if (ctx.entry === ENTRY_OPEN) admit = true;
      else if (ctx.entry === ENTRY_SELECTIVE) {
        const contribution = meanContrib > 0 ? Math.min(1, s.contribAvg[i] / (2 * meanContrib)) : 0;
        admit = 0.5 * contribution + 0.5 * claim(s, i) >= p.selectThreshold;
      }
      if (admit) s.position[i] = CORE;
    }
  }
  if (ctx.entry === ENTRY_INVITATION) invite(s, ctx, k);
  let churn = 0;
  for (let i = 0; i < n; i++) {
    if (s.position[i] === s.lastPosition[i]) continue;
    churn++;
    if (s.named[i]) ctx.report.position(i, s.lastPosition[i], s.position[i], false);
  }
  return churn;
}

/** Invitation: the core invites the actors whose knowledge or access adds most to its own
 * (“De kunst van het netwerken”: "zij vullen aan wat nog nodig is"). O(actors · K). */
function invite(s: State, ctx: Ctx, k: number): void {
  const p = ctx.p, n = s.n;
  const want = Math.min(p.invitePerTick, INVITE_MAX);
  if (want <= 0) return;
  const coreBest = s.dirScratch; // the core's best expertise per aspect (scratch reuse)
  coreBest.fill(0);
  let coreAccess = 0, coreSize = 0;
  for (let i = 0; i < n; i++) {
    if (!s.present[i] || s.position[i] !== CORE) continue;
    coreSize++;
    if (s.access[i] > coreAccess) coreAccess = s.access[i];
    for (let x = 0; x < k; x++) if (s.expertise[i * k + x] > coreBest[x]) coreBest[x] = s.expertise[i * k + x];
  }
  if (coreSize === 0) {
    // Nobody to invite yet: the actor with the strongest claim takes the initiative and forms
    // the core (“De kunst van het netwerken”: "een aantal organisaties dat het initiatief neemt").
    const L = s.leader;
    if (L >= 0 && s.present[L] && s.position[L] !== OUTSIDE && s.barredUntil[L] <= s.tick) {
      s.position[L] = CORE;
      if (s.engagement[L] < p.engagementCore) s.engagement[L] = p.engagementCore;
    }
    return;
  }
  let filled = 0;
  for (let i = 0; i < n; i++) {
    if (!s.present[i] || s.position[i] === CORE || s.barredUntil[i] > s.tick) continue;
    if (s.engagement[i] < p.engagementOut * 0.5) continue;
    // What the candidate adds beyond what the core already has: knowledge and access.
    let score = 0;
    for (let x = 0; x < k; x++) { const more = s.expertise[i * k + x] - coreBest[x]; if (more > 0) score += more; }
    score = score / k + (s.access[i] > coreAccess ? s.access[i] - coreAccess : 0);
    if (score < p.inviteMinGain) continue;
    // Keep the best `want` candidates (insertion into a tiny sorted buffer).
    let pos = filled < want ? filled : want;
    if (pos === want && score <= inviteScore[want - 1]) continue;
    if (pos === want) pos = want - 1;
    while (pos > 0 && inviteScore[pos - 1] < score) {
      inviteScore[pos] = inviteScore[pos - 1];
      inviteIdx[pos] = inviteIdx[pos - 1];
      pos--;
    }
    inviteScore[pos] = score;
    inviteIdx[pos] = i;
    if (filled < want) filled++;
  }
  for (let t = 0; t < filled; t++) {
    const i = inviteIdx[t];
    s.position[i] = CORE;
    if (s.engagement[i] < p.engagementCore) s.engagement[i] = p.engagementCore;
  }
}
