// Step 3 — meetings: who talks to whom this tick. Partners come from existing ties
// (weighted by trust × the partner's reputation), occasionally from anywhere (new ties), and
// under facilitation from other sectors, brokered and paid for by the leader.
import { spendMeetingTime } from './budgets.ts';
import { MODE_ALL_TIES, MODE_RANDOM, type Ctx } from './context.ts';
import { decayTies, ensureTie, findTie } from '../ties.ts';
import { OUTSIDE, type State } from '../state.ts';

function addPair(s: State, i: number, j: number, qi: number, qj: number): void {
  if (s.pairCount >= s.pairCap) return;
  s.pairA[s.pairCount] = i;
  s.pairB[s.pairCount] = j;
  s.pairSlotA[s.pairCount] = qi;
  s.pairSlotB[s.pairCount] = qj;
  s.pairCount++;
  if (s.sector[i] !== s.sector[j]) s.crossSector++;
}

const canMeet = (s: State, j: number) => s.present[j] === 1 && (s.position[j] !== OUTSIDE || s.mobilised[j] === 1);

/** A meeting creates the tie in both directions if it is new. */
function meet(s: State, ctx: Ctx, i: number, j: number): void {
  const qi = ensureTie(s, i, j, ctx.p.newTieTrust);
  const qj = ensureTie(s, j, i, ctx.p.newTieTrust);
  addPair(s, i, j, qi, qj);
}

export function meetings(s: State, ctx: Ctx): void {
  const p = ctx.p, rng = ctx.rng, n = s.n, cap = s.cap;
  s.pairCount = 0;
  s.crossSector = 0;
  if (p.tieDecay > 0) decayTies(s, p.tieDecay, p.tieDropBelow);
  // Meetings brokered by a lever come first, whatever the structure.
  for (let b = 0; b < s.brokerCount; b++) {
    const i = s.brokerA[b], j = s.brokerB[b];
    if (s.present[i] && s.present[j] && i !== j) meet(s, ctx, i, j);
  }
  s.brokerCount = 0;

  if (ctx.chain) {
    for (let i = 0; i < n; i++) {
      const j = s.chainNext[i];
      if (j >= 0 && s.present[i] && s.present[j]) addPair(s, i, j, findTie(s, i, j), findTie(s, j, i));
    }
    return;
  }
  if (ctx.mode === MODE_RANDOM) {
    // Deffuant et al. (2000): uniform random pairs on a complete graph, one per actor per tick.
    const m = s.presentCount;
    if (m < 2) return;
    for (let t = 0; t < m; t++) {
      const i = s.presentList[Math.floor(rng() * m)];
      let j = s.presentList[Math.floor(rng() * (m - 1))];
      if (j === i) j = s.presentList[m - 1];
      addPair(s, i, j, findTie(s, i, j), findTie(s, j, i));
    }
    return;
  }
  if (ctx.mode === MODE_ALL_TIES) {
    // DeGroot (1974): everyone hears all its ties every tick. A pair is listed once.
    for (let i = 0; i < n; i++) {
      if (!s.present[i]) continue;
      for (let q = i * cap, end = q + s.degree[i]; q < end; q++) {
        const j = s.tieTo[q];
        if (!s.present[j]) continue;
        const back = findTie(s, j, i);
        if (i < j || back < 0) addPair(s, i, j, q, back);
      }
    }
    return;
  }
  meetAlongTies(s, ctx);
  facilitate(s, ctx);
}

/** Partner weights of one actor's ties (trust × standing + 1e-6), reused across its meetings
 * this tick (module scratch, grown to the tie capacity; allocation-free per tick). */
let tieWeight = new Float64Array(0);

/** Each actor that can meet draws partners along its ties (or explores). A function of its
 * own: as the tail of meetings() this loop was compiled on stack and thrown away at its exit
 * every tick (the code after it had no type feedback yet). The weights of an actor's ties are
 * computed once and reused for its next draw — they are the same numbers: trust and standing
 * do not change while it meets, and its tie list only changes when it meets someone new
 * (explores), after which they are computed afresh. */
function meetAlongTies(s: State, ctx: Ctx): void {
  const p = ctx.p, rng = ctx.rng, n = s.n, cap = s.cap;
  if (tieWeight.length < cap) tieWeight = new Float64Array(cap);
  const weight = tieWeight, trust = s.tieTrust, to = s.tieTo, reputation = s.reputation, stain = s.stain;
  const maxMeetings = p.maxMeetings, meetingCost = p.meetingCost, exploreRate = p.exploreRate;
  for (let i = 0; i < n; i++) {
    if (!canMeet(s, i)) continue;
    let m = maxMeetings;
    if (meetingCost > 0) m = Math.min(m, Math.floor(s.meetTime[i] / meetingCost + 1e-9));
    let total = -1; // < 0: the weights are not computed for i's current ties
    const base = i * cap;
    for (let t = 0; t < m; t++) {
      let j = -1, slot = -1, explored = false;
      const d = s.degree[i];
      if (d === 0 || rng() < exploreRate) {
        j = s.presentList[Math.floor(rng() * s.presentCount)];
        explored = true;
      } else {
        // Weight ∝ trust × standing (reputation less gossip; state.ts standing(), inlined:
        // an imported function in this loop costs a getter call per tie under CommonJS).
        if (total < 0) {
          total = 0;
          for (let q = 0; q < d; q++) {
            const partner = to[base + q];
            const w = trust[base + q] * (reputation[partner] * (1 - stain[partner])) + 1e-6;
            weight[q] = w;
            total += w;
          }
        }
        let u = rng() * total;
        for (let q = 0; q < d; q++) {
          u -= weight[q];
          if (u <= 0 || q === d - 1) { j = to[base + q]; slot = base + q; break; }
        }
      }
      if (j < 0 || j === i || !canMeet(s, j)) continue;
      // Both parties pay the meeting's time (ODD.md §7.2); a partner who cannot, cannot meet.
      if (s.meetTime[j] + s.contrib[j] < meetingCost) continue;
      if (!spendMeetingTime(s, i, meetingCost)) break;
      spendMeetingTime(s, j, meetingCost);
      if (explored) {
        meet(s, ctx, i, j);
        total = -1; // a new tie may have been added or replaced one
      } else {
        // Along a tie: i's slot is the one drawn (what ensureTie would find), j's may be new.
        addPair(s, i, j, slot, ensureTie(s, j, i, ctx.p.newTieTrust));
      }
    }
  }
}

function facilitate(s: State, ctx: Ctx): void {
  const p = ctx.p, rng = ctx.rng;
  const L = s.leader;
  if (ctx.facilitating && L >= 0 && s.present[L]) {
    // The facilitating leader brokers cross-sector meetings and pays for each; an outsider it
    // brings in is mobilised (ODD.md (Spelregels), “Samenwerken in netwerken”: "mobiliseren en verbinden").
    for (let t = 0; t < p.leaderMeetings; t++) {
      if (!spendMeetingTime(s, L, p.meetingCost)) break;
      const a = s.presentList[Math.floor(rng() * s.presentCount)];
      let b = s.presentList[Math.floor(rng() * s.presentCount)];
      if (s.sector[b] === s.sector[a]) b = s.presentList[Math.floor(rng() * s.presentCount)];
      if (a === b) continue;
      if (s.position[a] === OUTSIDE) { s.mobilised[a] = 1; s.engagement[a] += p.mobiliseBoost * (1 - s.engagement[a]); }
      if (s.position[b] === OUTSIDE) { s.mobilised[b] = 1; s.engagement[b] += p.mobiliseBoost * (1 - s.engagement[b]); }
      meet(s, ctx, a, b);
    }
  }
}
