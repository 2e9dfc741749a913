// Step 7 — payoffs and engagement. An actor values output by how well it serves its stake,
// plus knowledge gained and the opgave's progress, minus what it spent; engagement follows
// that payoff (remembered over the actor's horizon) and its identity fit with the network.
import { beliefError, clamp01, normDist } from './geometry.ts';
import type { Ctx } from './context.ts';
import { baseMeetShare, CORE, NEED, OUTSIDE, PATIENCE, PERIPHERY, PROFILE_WIDTH, SELECTIVITY, TRUST, VALUE, type State } from '../state.ts';

/** x ↦ (−1, 1) without exp: keeps the engine to + − × ÷ √. */
const squash = (x: number) => x / (1 + Math.abs(x));

/** Keeps the relative aspiration gap finite when both levels are near 0 (a guard, listed in
 * ODD.md's fixed constants). */
const GAP_FLOOR = 0.05;

/** Search intensity below aspiration: weight·squash(gap / (|aspiration| + |level| + 0.05)) for a
 * positive gap, else 0. Weight 0 switches aspiration off. */
export function searchIntensity(aspiration: number, level: number, weight: number): number {
  const gap = aspiration - level;
  if (gap <= 0 || weight <= 0) return 0;
  return weight * squash(gap / (Math.abs(aspiration) + Math.abs(level) + GAP_FLOOR));
}

/** Each present actor's tie strength; returns their mean. Centrality is relative: the mean tie
 * strength sets what "central" means in this network. (Its own function: as the first loop of
 * payoffs() it was compiled on stack and discarded at its exit every tick.) */
function tieStrengths(s: State): number {
  let strengthSum = 0, present = 0;
  for (let i = 0; i < s.n; i++) {
    if (!s.present[i]) continue;
    present++;
    let strength = 0;
    for (let q = i * s.cap, end = q + s.degree[i]; q < end; q++) strength += s.tieTrust[q];
    s.tieStrength[i] = strength;
    strengthSum += strength;
  }
  return present > 0 ? strengthSum / present : 0;
}

export function payoffs(s: State, ctx: Ctx, severityBefore: number): void {
  const p = ctx.p, k = s.k;
  const progress = severityBefore - s.severity;
  const meanStrength = tieStrengths(s);
  const identityWeightSum = p.identityPassieWeight + p.identityPositieWeight + p.identityOpgaveWeight + p.identityHowWeight;
  const shareMin = p.meetShareMin, shareMax = p.meetShareMax;
  // The state's arrays as locals: one load each per tick, not per actor.
  const {
    aspiration, beliefError: errorBefore, contribAvg, engagement, gainNetwork, gainOther, meetShare, mobilised,
    networkGainAvg, networkSpendAvg, otherGainAvg, otherSpendAvg, payoff, payoffAvg, payoffSeen, payoffSeenWeight,
    position, present, profile, projectTick, searchTicks, searching, sector, sectorAffect, soloKnowledge, spent,
    spentNetwork, stain, tieStrength: strengthOf,
  } = s;
  for (let i = 0; i < s.n; i++) {
    if (!present[i]) continue;
    const o = i * PROFILE_WIDTH;
    // Knowledge gained this tick: what the actor found by its own solo search is a return of
    // acting alone; the rest (learning from partners, learning by doing in a project) of the network.
    const knowledgeGain = errorBefore[i] - beliefError(s, i);
    const network = gainNetwork[i] + p.knowledgeValue * (knowledgeGain - soloKnowledge[i]);
    gainOther[i] += p.knowledgeValue * soloKnowledge[i];
    const pay = network + gainOther[i] + p.opgaveValue * sectorAffect[sector[i]] * progress - p.spendCost * spent[i];
    payoff[i] = pay;
    // Patient actors weigh a long horizon, transactional ones the last few ticks.
    const horizon = p.horizonMin + (p.horizonMax - p.horizonMin) * profile[o + PATIENCE];
    payoffAvg[i] += (pay - payoffAvg[i]) / horizon;
    // The per-archetype measures use one window for everyone, bias-corrected, so archetypes
    // with different horizons are comparable from the first tick (ODD.md §7.9).
    const firstSeen = payoffSeenWeight[i] === 0;
    payoffSeen[i] += (pay - payoffSeen[i]) / p.payoffWindow;
    payoffSeenWeight[i] += (1 - payoffSeenWeight[i]) / p.payoffWindow;
    // Aspiration (Cyert & March 1963; Greve 2003): the absolute payoff level against an
    // aspiration that adapts slowly. Below it, the actor searches; if searching goes on
    // without paying, it withdraws — the longer its horizon, the later.
    const level = payoffSeen[i] / payoffSeenWeight[i];
    aspiration[i] = firstSeen ? level : aspiration[i] + p.aspirationRate * (level - aspiration[i]);
    const search = searchIntensity(aspiration[i], level, p.aspirationWeight);
    searching[i] = search;
    searchTicks[i] = search > 0 ? searchTicks[i] + 1 : 0;
    const withdraw = search * searchTicks[i] / (searchTicks[i] + horizon);
    contribAvg[i] += (projectTick[i] - contribAvg[i]) / horizon;

    networkGainAvg[i] += (network - networkGainAvg[i]) / horizon;
    otherGainAvg[i] += (gainOther[i] - otherGainAvg[i]) / horizon;
    networkSpendAvg[i] += (spentNetwork[i] - networkSpendAvg[i]) / horizon;
    otherSpendAvg[i] += (spent[i] - spentNetwork[i] - otherSpendAvg[i]) / horizon;
    // Identity fit (“Samenwerken in netwerken”): passie (what it wants vs the agenda), positie (how central
    // the network is to its role), opgave (urgency), and how (its profile vs the rules). An
    // actor perceives the network's identity through its relations: passie, positie and how
    // count by its exposure (tie strength relative to the network's mean); urgency does not.
    const passie = 1 - normDist(s.pref, i, s.agenda, 0, k);
    const tieStrength = strengthOf[i];
    const pos = position[i] === CORE ? 1 : position[i] === PERIPHERY ? 0.5 : 0;
    const relative = meanStrength > 0 ? tieStrength / meanStrength : 0;
    const exposure = relative > 1 ? 1 : relative;
    const positie = p.positieRoleWeight * pos + (1 - p.positieRoleWeight) * (relative > 2 ? 1 : relative / 2);
    const opgave = clamp01(s.severity * sectorAffect[sector[i]] * (0.5 + s.urgency));
    const style = (profile[o + NEED] + profile[o + VALUE] + profile[o + TRUST] + profile[o + PATIENCE] + profile[o + SELECTIVITY]) / PROFILE_WIDTH;
    const how = 1 - Math.abs(style - ctx.ruleStyle);
    // A weighted mean; with the default weights 1 this is the plain mean of the four, bit for bit.
    const identity = identityWeightSum > 0
      ? (exposure * (p.identityPassieWeight * passie + p.identityHowWeight * how) + p.identityPositieWeight * positie + p.identityOpgaveWeight * opgave) / identityWeightSum
      : 0;
    // What the network is worth to the actor: its remembered return per unit spent on the
    // network (meetings, sharing, projects, knowledge) against deals and solo action. An actor
    // that does not take part has no network return, so going alone wins and it stays out.
    const rNet = networkGainAvg[i] / (networkSpendAvg[i] + 1e-9);
    const rOther = otherGainAvg[i] / (otherSpendAvg[i] + 1e-9);
    const lean = rNet !== rOther ? (rNet - rOther) / (Math.abs(rNet) + Math.abs(rOther)) : 0;
    const target = p.identityWeight * identity + (1 - p.identityWeight) * (0.5 + 0.5 * lean) - withdraw;
    engagement[i] = clamp01(engagement[i] + p.engagementRate * (target - engagement[i]));

    // Budget: lean toward the channel that paid off, and back toward the profile's habit.
    // Searching below aspiration takes meeting time too.
    let m = meetShare[i] + p.budgetAdapt * (0.5 * lean + search + (baseMeetShare(s, i, p.meetingHabit) - meetShare[i]));
    m = m < shareMin ? shareMin : m > shareMax ? shareMax : m;
    meetShare[i] = m;
    if (position[i] === OUTSIDE) mobilised[i] = 0;
    // Gossip fades: what was said about detected opportunism is forgotten over gossipMemory ticks.
    if (stain[i] > 0) stain[i] -= stain[i] / p.gossipMemory;
  }
}
