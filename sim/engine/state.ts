// The run's whole state as structure of arrays: typed arrays and numbers only, so it can be
// saved, restored and sent between threads exactly. Names and texts live on the run.
import type { Params } from '../schema/params.ts';
import { randomInt, randomNormal, type Rng } from './rng.ts';
import { ensureTie } from './ties.ts';
import { ARCHETYPE_PROFILES, ARCHETYPES, type Dist, type Profile, type Scenario } from '../schema/scenario.ts';
import { actorNames } from '../schema/events.ts';
import { knobsPerAspect } from '../schema/scenario.ts';
import { createOpgave } from './opgave.ts';

export const OUTSIDE = 0, PERIPHERY = 1, CORE = 2;
export const NETWERKER = 0, TRANSACTIONEEL = 1, MEELIFTER = 2;
/** Behaviour profile columns (the five network rules of “De kunst van het netwerken”). */
export const NEED = 0, VALUE = 1, TRUST = 2, PATIENCE = 3, SELECTIVITY = 4;
export const PROFILE_WIDTH = 5;
/** Default representation of a group of organisations (named actors default to the same). */
export const ORGANISATION_ACHTERBAN = 0.5;


/** The archetypes' profiles for a scenario, indexed as ARCHETYPES (NETWERKER, …): its own
 * `archetypes` where given, else the defaults. Derived from the scenario alone (no draws), so a
 * restored run gets the same. */
export function archetypeProfiles(sc: Pick<Scenario, 'archetypes'>): readonly Profile[] {
  return ARCHETYPES.map((a) => sc.archetypes?.[a] ?? ARCHETYPE_PROFILES[a]);
}

/** Brokered meetings (a lever) queued for one tick. */
export const BROKER_MAX = 64;

export const PROJECT_FREE = 0, PROJECT_RECRUITING = 1, PROJECT_RUNNING = 2;

export interface State {
  n: number; k: number; sectors: number; cap: number; projectCap: number; pairCap: number;
  tick: number;
  // The opgave.
  isKnowledge: Uint8Array; requiresAccess: Uint8Array; requiresMandate: Uint8Array;
  // The knowledge side as a landscape of knobs (ODD.md §7.4; sim/engine/opgave.ts). N = knobs,
  // m = knobsPerAspect; knob n belongs to knowledge aspect ⌊n/m⌋, which is scenario aspect
  // knowAspect[⌊n/m⌋]. Approaches are bit masks (bit n = knob n on).
  knobs: number; knobsPerAspect: number; knobK: number; knobWithin: number;
  knowAspect: Int32Array; knobDeps: Int32Array; knobTables: Float64Array;
  /** x*, W_max·N and W̄·N of the current tables; the polarity π and status quo x⁰ (bit masks). */
  landBest: number; landMaxSum: number; landMeanSum: number; landPolarity: number; landStatusQuo: number;
  /** Knobs of aspects that require access or mandate (bit masks). */
  accessKnobs: number; mandateKnobs: number;
  turbulenceShare: number; turbulenceEvery: number;
  /** Tried-variant records that belong to an approach (projects, chain): open addressing, key = x + 1. */
  recordKey: Int32Array; recordMask: Int32Array;
  chainApproach: number; chainLead: number;
  /** Scratch for leren: engagement with each knob on. */
  knobOn: Float64Array;
  severity: number; severityStart: number; urgency: number; platformBudget: number;
  impact: number; impactTick: number; totalResources0: number;
  // Sectors.
  sectorAffect: Float64Array; rival: Uint8Array; sectorStake: Float64Array; sectorWeight: Float64Array;
  // Actors.
  sector: Uint16Array; present: Uint8Array; named: Uint8Array;
  /** belief: on knowledge aspects the projection P_k(β_i) of the knob beliefs (what preferences
   * drift toward); unused on value aspects. */
  stake: Float64Array; belief: Float64Array; pref: Float64Array; expertise: Float64Array;
  /** β_in: how sure actor i is that knob n should be on; the approach it would try is β rounded. */
  knobBelief: Float64Array; approach: Int32Array; approachWorth: Float64Array;
  /** An actor's own record of tried variants, valid for approach triedBase; its last tried
   * approach and that approach's observed worth (−1: nothing tried yet). */
  triedBase: Int32Array; triedMask: Int32Array; lastTried: Int32Array; lastWorth: Float64Array; knobNum: Float64Array;
  /** Worth gained this tick by the actor's own solo search (a return of acting alone, not of the network). */
  soloKnowledge: Float64Array;
  resources: Float64Array; mandate: Float64Array; reputation: Float64Array; access: Float64Array;
  /** Gossip's damage to reputation (0 … 1); it fades. Standing = reputation·(1 − stain). */
  stain: Float64Array;
  proactiveness: Float64Array; openness: Float64Array; achterban: Float64Array; threshold: Float64Array;
  selfWeight: Float64Array;
  profile: Float64Array; ownProfile: Float64Array; archetype: Uint8Array; ownArchetype: Uint8Array; mixDraw: Float64Array;
  engagement: Float64Array; meetShare: Float64Array; meetTime: Float64Array; contrib: Float64Array;
  position: Uint8Array; lastPosition: Uint8Array; barredUntil: Int32Array; mobilised: Uint8Array;
  /** Tick of the last logged sanction (the log names a free rider once per spell, not every tick). */
  sanctionLogged: Int32Array;
  projectOf: Int32Array; memberContrib: Float64Array; contribAvg: Float64Array;
  payoff: Float64Array; payoffAvg: Float64Array;
  /** Payoff over one common window for the per-archetype measures (bias-corrected by its weight). */
  payoffSeen: Float64Array; payoffSeenWeight: Float64Array;
  /** Aspiration level (absolute payoff), how hard the actor searches, and for how long. */
  aspiration: Float64Array; searching: Float64Array; searchTicks: Float64Array; gainNetwork: Float64Array; gainOther: Float64Array;
  spent: Float64Array; spentNetwork: Float64Array; tieStrength: Float64Array; projectTick: Float64Array; beliefError: Float64Array;
  /** Payoff and spending per channel (network vs deals/solo), remembered over the horizon. */
  networkGainAvg: Float64Array; otherGainAvg: Float64Array; networkSpendAvg: Float64Array; otherSpendAvg: Float64Array;
  // Ties (slots i·cap … i·cap + degree[i] − 1). tieOwed: i owes j a return for help
  // (knowledge shared, brought into a project) — reciprocity.
  tieTo: Int32Array; tieTrust: Float64Array; tieOwed: Uint8Array; degree: Int32Array;
  // Meetings of this tick.
  pairA: Int32Array; pairB: Int32Array; pairCount: number; crossSector: number;
  /** Slot of the tie A → B and of B → A for each meeting (−1: none), so dialogue and learning
   * need not search the slot lists again. */
  pairSlotA: Int32Array; pairSlotB: Int32Array;
  learnNum: Float64Array; learnDen: Float64Array; dealLeft: Float64Array; chainNext: Int32Array;
  // Projects.
  projectState: Uint8Array; projectInitiator: Int32Array; projectStart: Int32Array;
  projectSize: Int32Array; projectDir: Float64Array; projectTickSum: Float64Array; projectNamed: Uint8Array;
  projectBonus: Float64Array; projectSumC: Float64Array; projectSumSqrt: Float64Array; projectMaxAccess: Float64Array; projectMaxMandate: Float64Array;
  projectCoord: Float64Array; projectExpMin: Float64Array; projectExpMax: Float64Array; projectOutput: Float64Array;
  /** A project's approach (bit mask), the share of output its integration costs, its last
   * observed worth, and scratch for forming the approach (votes per knob, weights per aspect,
   * ones per knob, sectors). */
  projectApproach: Int32Array; projectIntegration: Float64Array; projectWorth: Float64Array; projectForming: Uint8Array;
  projectVote: Float64Array; projectVoteDen: Float64Array; projectOnes: Float64Array; projectSectorSeen: Uint8Array;
  /** Output net of coordination accumulated while running: what members are paid at delivery. */
  projectPay: Float64Array;
  projectEff: Float64Array; projectFree: Int32Array; projectFreeCount: number; projectsRunning: number;
  projectsStarted: number; projectsDelivered: number; projectSeq: Int32Array; projectCounter: number;
  presentList: Int32Array; presentCount: number; dirScratch: Float64Array;
  brokerA: Int32Array; brokerB: Int32Array; brokerCount: number;
  // Agenda, leader, coreness.
  agenda: Float64Array; leader: number; samensturing: number;
  coreness: Float64Array; corenessNext: Float64Array;
  // Scratch for the six-domain and per-sector measures.
  sectorEngaged: Float64Array; sectorCount: Float64Array;
  // Tick-0 reference values for lerenGain and balance.
  richten0: number; leren0: number; handelen0: number; started: number;
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

export function drawDist(d: Dist, rng: Rng): number {
  if (typeof d === 'number') return d;
  if ('mean' in d) return clamp01(d.mean + d.sd * randomNormal(rng));
  return d.min + (d.max - d.min) * rng();
}

export function perAspectValue<T>(v: Record<string, T> | T[], aspectIds: string[], k: number): T {
  return Array.isArray(v) ? v[k] : v[aspectIds[k]];
}

function pickArchetype(mix: { netwerker: number; transactioneel: number; meelifter: number }, u: number): number {
  const total = mix.netwerker + mix.transactioneel + mix.meelifter;
  if (u * total < mix.netwerker) return NETWERKER;
  if (u * total < mix.netwerker + mix.transactioneel) return TRANSACTIONEEL;
  return MEELIFTER;
}

export interface ActorMeta { names: string[]; groupOf: Int32Array; groupNames: string[] }

/** Builds the initial state. Every draw comes from `rng`, in a fixed order. */
export function createState(sc: Scenario, p: Params, rng: Rng): { state: State; meta: ActorMeta } {
  const k = sc.aspects.length;
  const S = sc.sectors.length;
  const aspectIds = sc.aspects.map((a) => a.id);
  const sectorIndex = new Map(sc.sectors.map((x, i) => [x.id, i]));
  let n = sc.actors.length;
  for (const g of sc.groups) n += g.count;
  const cap = p.maxTies;
  const projectCap = Math.max(4, Math.ceil(n / 2));
  const pairCap = pairCapacity(n, cap, p);
  const f = (len: number) => new Float64Array(len);
  const land = sc.opgave.landscape;
  const knowAspect = sc.aspects.flatMap((a, x) => (a.kind === 'knowledge' ? [x] : []));
  const m = knobsPerAspect(knowAspect.length, land.knobs);
  const N = m * knowAspect.length;
  const kappa = N > 0 ? Math.min(land.interdependence, N - 1) : 0;
  let recordCap = 64;
  while (recordCap < 4 * projectCap) recordCap *= 2;
  const s: State = {
    n, k, sectors: S, cap, projectCap, pairCap, tick: 0,
    isKnowledge: new Uint8Array(k), requiresAccess: new Uint8Array(k), requiresMandate: new Uint8Array(k),
    knobs: N, knobsPerAspect: m, knobK: kappa, knobWithin: land.withinShare, knowAspect: Int32Array.from(knowAspect),
    knobDeps: new Int32Array(0), knobTables: f(0),
    landBest: 0, landMaxSum: 0, landMeanSum: 0, landPolarity: 0, landStatusQuo: 0, accessKnobs: 0, mandateKnobs: 0,
    turbulenceShare: land.turbulence, turbulenceEvery: land.turbulenceEvery,
    recordKey: new Int32Array(recordCap), recordMask: new Int32Array(recordCap), chainApproach: 0, chainLead: -1, knobOn: f(N),
    severity: sc.opgave.severity, severityStart: sc.opgave.severity, urgency: sc.opgave.urgency, platformBudget: 0,
    impact: 0, impactTick: 0, totalResources0: 0,
    sectorAffect: f(S), rival: new Uint8Array(S * S), sectorStake: f(S * k), sectorWeight: f(S),
    sector: new Uint16Array(n), present: new Uint8Array(n), named: new Uint8Array(n),
    stake: f(n * k), belief: f(n * k), pref: f(n * k), expertise: f(n * k),
    knobBelief: f(n * N), approach: new Int32Array(n), approachWorth: f(n),
    triedBase: new Int32Array(n), triedMask: new Int32Array(n), lastTried: new Int32Array(n), lastWorth: f(n).fill(-1), knobNum: f(n * N), soloKnowledge: f(n),
    resources: f(n), mandate: f(n), reputation: f(n), stain: f(n), access: f(n), proactiveness: f(n), openness: f(n),
    achterban: f(n), threshold: f(n), selfWeight: f(n),
    profile: f(n * PROFILE_WIDTH), ownProfile: f(n * PROFILE_WIDTH), archetype: new Uint8Array(n),
    ownArchetype: new Uint8Array(n), mixDraw: f(n),
    engagement: f(n), meetShare: f(n), meetTime: f(n), contrib: f(n),
    position: new Uint8Array(n), lastPosition: new Uint8Array(n), barredUntil: new Int32Array(n), mobilised: new Uint8Array(n), sanctionLogged: new Int32Array(n).fill(-1000),
    projectOf: new Int32Array(n).fill(-1), memberContrib: f(n), contribAvg: f(n),
    payoff: f(n), payoffAvg: f(n), payoffSeen: f(n), payoffSeenWeight: f(n), aspiration: f(n), searching: f(n), searchTicks: f(n), gainNetwork: f(n), gainOther: f(n), spent: f(n), spentNetwork: f(n), tieStrength: f(n), projectTick: f(n), beliefError: f(n),
    networkGainAvg: f(n), otherGainAvg: f(n), networkSpendAvg: f(n), otherSpendAvg: f(n),
    tieTo: new Int32Array(n * cap).fill(-1), tieTrust: f(n * cap), tieOwed: new Uint8Array(n * cap), degree: new Int32Array(n),
    pairA: new Int32Array(pairCap), pairB: new Int32Array(pairCap), pairCount: 0, crossSector: 0,
    pairSlotA: new Int32Array(pairCap), pairSlotB: new Int32Array(pairCap),
    learnNum: f(n * k), learnDen: f(n), dealLeft: f(n), chainNext: new Int32Array(n).fill(-1),
    projectState: new Uint8Array(projectCap), projectInitiator: new Int32Array(projectCap).fill(-1),
    projectStart: new Int32Array(projectCap), projectSize: new Int32Array(projectCap), projectDir: f(projectCap * k),
    projectTickSum: f(projectCap), projectNamed: new Uint8Array(projectCap),
    projectBonus: f(projectCap), projectSumC: f(projectCap), projectSumSqrt: f(projectCap), projectMaxAccess: f(projectCap), projectMaxMandate: f(projectCap),
    projectCoord: f(projectCap), projectExpMin: f(projectCap * k), projectExpMax: f(projectCap * k), projectOutput: f(projectCap), projectPay: f(projectCap),
    projectApproach: new Int32Array(projectCap), projectIntegration: f(projectCap), projectWorth: f(projectCap), projectForming: new Uint8Array(projectCap),
    projectVote: f(projectCap * N), projectVoteDen: f(projectCap * knowAspect.length), projectOnes: f(projectCap * N), projectSectorSeen: new Uint8Array(projectCap * S),
    projectEff: f(projectCap), projectFree: new Int32Array(projectCap), projectFreeCount: 0, projectsRunning: 0,
    projectsStarted: 0, projectsDelivered: 0, projectSeq: new Int32Array(projectCap), projectCounter: 0,
    presentList: new Int32Array(n), presentCount: 0, dirScratch: f(k),
    brokerA: new Int32Array(BROKER_MAX), brokerB: new Int32Array(BROKER_MAX), brokerCount: 0,
    agenda: f(k), leader: -1, samensturing: 0,
    coreness: f(n), corenessNext: f(n),
    sectorEngaged: f(S), sectorCount: f(S),
    richten0: 0, leren0: 0, handelen0: 0, started: 0,
  };
  sc.aspects.forEach((a, i) => {
    s.isKnowledge[i] = a.kind === 'knowledge' ? 1 : 0;
    s.requiresAccess[i] = a.requiresAccess ? 1 : 0;
    s.requiresMandate[i] = a.requiresMandate ? 1 : 0;
  });
  sc.sectors.forEach((x, i) => {
    s.sectorAffect[i] = x.affectedness;
    for (const r of x.rivals) {
      const j = sectorIndex.get(r)!;
      s.rival[i * S + j] = 1;
      s.rival[j * S + i] = 1;
    }
  });
  const meta = actorMeta(sc);
  const sectorExpertise = (sec: number, a: number) => {
    const e = sc.sectors[sec].expertise;
    return e ? perAspectValue(e, aspectIds, a) : p.sectorExpertise;
  };
  // Value aspects: belief = stake (unused). Knowledge aspects get their knob beliefs once the
  // landscape exists (opgave.ts), after every actor's stake and expertise are drawn.
  const initBeliefs = (i: number) => {
    for (let a = 0; a < k; a++) {
      const x = i * k + a;
      s.belief[x] = s.stake[x];
      s.pref[x] = s.stake[x];
    }
  };
  const profiles = archetypeProfiles(sc);
  const setProfile = (i: number, prof: Profile, archetype: number) => {
    const o = i * PROFILE_WIDTH;
    s.ownProfile[o + NEED] = prof.need; s.ownProfile[o + VALUE] = prof.value; s.ownProfile[o + TRUST] = prof.trust;
    s.ownProfile[o + PATIENCE] = prof.patience; s.ownProfile[o + SELECTIVITY] = prof.selectivity;
    s.ownArchetype[i] = archetype;
  };

  let i = 0;
  for (const a of sc.actors) {
    const sec = sectorIndex.get(a.sector)!;
    s.sector[i] = sec; s.named[i] = 1; s.present[i] = a.present ? 1 : 0;
    for (let x = 0; x < k; x++) {
      s.stake[i * k + x] = perAspectValue(a.stake, aspectIds, x);
      s.expertise[i * k + x] = a.knowledge ? perAspectValue(a.knowledge, aspectIds, x) : sectorExpertise(sec, x);
    }
    s.resources[i] = a.resources; s.mandate[i] = a.mandate; s.reputation[i] = a.reputation; s.access[i] = a.access;
    s.proactiveness[i] = a.proactiveness; s.openness[i] = a.openness; s.achterban[i] = a.achterban;
    s.threshold[i] = a.threshold; s.engagement[i] = a.engagement;
    if (typeof a.behaviour === 'string') {
      const arch = a.behaviour === 'netwerker' ? NETWERKER : a.behaviour === 'transactioneel' ? TRANSACTIONEEL : MEELIFTER;
      setProfile(i, profiles[arch], arch);
    } else {
      setProfile(i, a.behaviour, nearestArchetype(a.behaviour, profiles));
    }
    s.position[i] = a.position === 'core' ? CORE : a.position === 'periphery' ? PERIPHERY : a.position === 'outside' ? OUTSIDE : positionFor(a.engagement, p);
    s.mixDraw[i] = rng();
    initBeliefs(i);
    i++;
  }
  sc.groups.forEach((g) => {
    const sec = sectorIndex.get(g.sector)!;
    const first = i;
    for (let c = 0; c < g.count; c++, i++) {
      s.sector[i] = sec; s.present[i] = 1;
      for (let x = 0; x < k; x++) {
        s.stake[i * k + x] = drawDist(perAspectValue(g.stake, aspectIds, x), rng);
        s.expertise[i * k + x] = g.knowledge ? drawDist(perAspectValue(g.knowledge, aspectIds, x), rng) : sectorExpertise(sec, x);
      }
      s.resources[i] = typeof g.resources === 'number' ? g.resources : Math.max(0, g.resources.mean + g.resources.sd * randomNormal(rng));
      s.mandate[i] = drawDist(g.mandate, rng); s.reputation[i] = drawDist(g.reputation, rng);
      s.access[i] = drawDist(g.access, rng); s.proactiveness[i] = drawDist(g.proactiveness, rng);
      s.openness[i] = drawDist(g.openness, rng);
      // Organisations represent a constituency by default, persons act on personal title (ODD.md §5).
      s.achterban[i] = drawDist(g.achterban ?? (g.organisation ? ORGANISATION_ACHTERBAN : 0), rng);
      s.engagement[i] = drawDist(g.engagement, rng); s.threshold[i] = g.threshold;
      const arch = pickArchetype(g.behaviour, rng());
      setProfile(i, profiles[arch], arch);
      s.position[i] = positionFor(s.engagement[i], p);
      s.mixDraw[i] = rng();
      initBeliefs(i);
    }
    // Random ties within and beyond the group: O(count · perActor).
    const count = g.count;
    if (count > 0 && g.ties.perActor > 0) {
      for (let c = first; c < first + count; c++) {
        for (let t = 0; t < g.ties.perActor; t++) {
          const j = rng() < g.ties.sameSector || n === count ? first + randomInt(rng, count) : randomInt(rng, n);
          const trust = drawDist(g.ties.trust, rng);
          if (j !== c) { ensureTie(s, c, j, trust); ensureTie(s, j, c, trust); }
        }
      }
    }
  });
  const nameIndex = new Map(meta.names.map((nm, idx) => [nm, idx]));
  for (const t of sc.ties) {
    const a = nameIndex.get(t.from)!, b = nameIndex.get(t.to)!;
    ensureTie(s, a, b, t.trust);
    if (!t.directed) ensureTie(s, b, a, t.trust);
  }
  for (let x = 0; x < n; x++) {
    s.selfWeight[x] = p.selfWeight;
    s.lastPosition[x] = s.position[x];
    if (s.present[x]) s.totalResources0 += s.resources[x];
    s.coreness[x] = 1 / Math.sqrt(n);
  }
  sc.actors.forEach((a, x) => { if (a.selfWeight !== undefined) s.selfWeight[x] = a.selfWeight; });
  if (s.totalResources0 === 0) s.totalResources0 = 1;
  for (let q = projectCap - 1; q >= 0; q--) s.projectFree[s.projectFreeCount++] = q;
  rebuildPresent(s);
  createOpgave(sc, s, p, rng);
  settleShape(s);
  return { state: s, meta };
}

// V8 tracks each field of an object's hidden class as "const" until it is first changed, and as
// small-integer until it first holds a fraction. The first change of either kind mid-run (the
// first delivered project, the first fractional impact) invalidates all optimised code that
// read any field of the state, so every mechanism runs unoptimised again for a while — in
// every run, not once per process. Settling the shape at creation, before any mechanism is
// optimised, avoids that. Values are restored exactly: output does not change.
const DOUBLE_FIELDS = ['knobWithin', 'landMaxSum', 'landMeanSum', 'turbulenceShare', 'severity', 'severityStart', 'urgency', 'platformBudget', 'impact', 'impactTick', 'totalResources0',
  'samensturing', 'richten0', 'leren0', 'handelen0'] as const;
const INT_FIELDS = ['tick', 'pairCount', 'crossSector', 'projectFreeCount', 'projectsRunning', 'projectsStarted', 'projectsDelivered',
  'projectCounter', 'presentCount', 'brokerCount', 'leader', 'started', 'landBest', 'chainApproach', 'chainLead'] as const;

/** Gives the state's scalar fields their final representation (double or small integer, mutable). */
export function settleShape(s: State): void {
  for (const f of DOUBLE_FIELDS) { const v = s[f]; s[f] = 0.5; s[f] = v; }
  for (const f of INT_FIELDS) { const v = s[f]; s[f] = v + 1; s[f] = v; }
}

/** Names and group membership: derived from the scenario alone (no draws), so a restored run
 * can rebuild them. */
export function actorMeta(sc: Scenario): ActorMeta {
  const group: number[] = sc.actors.map(() => -1);
  sc.groups.forEach((g, gi) => { for (let c = 0; c < g.count; c++) group.push(gi); });
  return { names: actorNames(sc), groupOf: Int32Array.from(group), groupNames: sc.groups.map((g) => g.name) };
}

export function positionFor(e: number, p: Params): number {
  return e >= p.engagementCore ? CORE : e >= p.engagementOut ? PERIPHERY : OUTSIDE;
}

function nearestArchetype(prof: Profile, profiles: readonly Profile[]): number {
  let best = 0, bestD = Infinity;
  profiles.forEach((a, i) => {
    const d = (a.need - prof.need) ** 2 + (a.value - prof.value) ** 2 + (a.trust - prof.trust) ** 2 +
      (a.patience - prof.patience) ** 2 + (a.selectivity - prof.selectivity) ** 2;
    if (d < bestD) { bestD = d; best = i; }
  });
  return best;
}

/** Meetings a tick can hold: every tie under `all-ties`; otherwise each actor's own meetings
 * plus one random pair each, the leader's brokered ones and the levers' (BROKER_MAX). */
export function pairCapacity(n: number, cap: number, p: Params): number {
  const own = p.meetingMode === 'all-ties' ? n * cap : n * (p.maxMeetings + 1);
  return own + p.leaderMeetings + BROKER_MAX + 16;
}

/** Applies the rules' behaviour mix (or restores the scenario's own profiles). No draws: each
 * actor keeps the uniform `mixDraw` it got at initialisation, so a rule change is replayable. */
export function applyBehaviourMix(s: State, mix: { netwerker: number; transactioneel: number; meelifter: number } | null,
  profiles: readonly Profile[]): void {
  for (let i = 0; i < s.n; i++) {
    const arch = mix ? pickArchetype(mix, s.mixDraw[i]) : s.ownArchetype[i];
    s.archetype[i] = arch;
    const o = i * PROFILE_WIDTH;
    if (mix) {
      const a = profiles[arch];
      s.profile[o + NEED] = a.need; s.profile[o + VALUE] = a.value; s.profile[o + TRUST] = a.trust;
      s.profile[o + PATIENCE] = a.patience; s.profile[o + SELECTIVITY] = a.selectivity;
    } else {
      for (let c = 0; c < PROFILE_WIDTH; c++) s.profile[o + c] = s.ownProfile[o + c];
    }
  }
}

/** The list of present actors, for uniform random partner draws. Rebuilt only when an actor
 * enters or leaves. */
export function rebuildPresent(s: State): void {
  let c = 0;
  for (let i = 0; i < s.n; i++) if (s.present[i]) s.presentList[c++] = i;
  s.presentCount = c;
}

/** Reputation as others see it now: the trait, less what gossip about detected opportunism
 * has taken from it (ODD.md §7.5). */
export function standing(s: State, i: number): number {
  return s.reputation[i] * (1 - s.stain[i]);
}

/** The meeting-time share an actor's profile leans to: need-recognition, adding value and a
 * long breath all take meeting time. */
export function baseMeetShare(s: State, i: number, habit: number): number {
  const o = i * PROFILE_WIDTH;
  return habit + 0.5 * (s.profile[o + NEED] + s.profile[o + VALUE] + s.profile[o + PATIENCE]) / 3;
}
