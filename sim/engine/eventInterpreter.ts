// The event interpreter: what each scheduled event or intervention does to a run's state,
// and the plain-language line it writes. Events reach it already checked against the
// scenario (sim/schema/events.ts), so a name that resolves to nothing is an engine fault.
import type { Bilingual, Params } from '../schema/params.ts';
import { resolveRules, type Rules } from '../schema/rules.ts';
import type { Scenario, ScenarioEvent } from '../schema/scenario.ts';
import { pct, rulesChangeText } from './log.ts';
import { applyBehaviourMix, archetypeProfiles, BROKER_MAX, OUTSIDE, pairCapacity, PERIPHERY, rebuildPresent, type ActorMeta, type State } from './state.ts';
import { dropActorTies, ensureTie } from './ties.ts';

/** What the interpreter may read and change of a run. */
export interface EventHost {
  readonly scenario: Scenario;
  readonly state: State;
  readonly meta: ActorMeta;
  readonly nameIndex: ReadonlyMap<string, number>;
  rules: Rules;
  params: Params;
  /** After rules changed: rebuild the mechanisms' context and the chain. */
  rulesChanged(): void;
  /** After parameters changed: rebuild the mechanisms' context. */
  paramsChanged(): void;
  /** After actors entered or left: rebuild the chain if there is one. */
  membershipChanged(): void;
}

/** The actors an event's target names: '*', 'sector:<id>', 'group:<name>' or an actor's name. */
export function eventTargets(host: EventHost, target: string): number[] {
  const s = host.state;
  const out: number[] = [];
  if (target === '*') { for (let i = 0; i < s.n; i++) out.push(i); return out; }
  if (target.startsWith('sector:')) {
    const sec = host.scenario.sectors.findIndex((x) => x.id === target.slice(7));
    for (let i = 0; i < s.n; i++) if (s.sector[i] === sec) out.push(i);
    return out;
  }
  if (target.startsWith('group:')) {
    const g = host.meta.groupNames.indexOf(target.slice(6));
    for (let i = 0; i < s.n; i++) if (host.meta.groupOf[i] === g) out.push(i);
    return out;
  }
  const i = host.nameIndex.get(target);
  if (i === undefined) throw new RangeError(`internal: unknown actor '${target}' reached the engine unchecked`);
  out.push(i);
  return out;
}

function targetText(host: EventHost, target: string): Bilingual {
  if (target === '*') return { nl: 'iedereen', en: 'everyone' };
  if (target.startsWith('sector:')) {
    const sec = host.scenario.sectors.find((x) => x.id === target.slice(7));
    return sec ? sec.label : { nl: target, en: target };
  }
  if (target.startsWith('group:')) {
    const g = host.scenario.groups.find((x) => x.name === target.slice(6));
    return g ? g.label : { nl: target, en: target };
  }
  return { nl: target, en: target };
}

const clamp = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);

/** Applies one event; returns the log line it writes (unless the event carries its own label). */
export function applyEvent(host: EventHost, e: ScenarioEvent): Bilingual {
  const s = host.state;
  switch (e.type) {
    case 'resourceCut': {
      for (const i of eventTargets(host, e.target)) s.resources[i] *= 1 - e.cut;
      const t = targetText(host, e.target);
      return { nl: `Bezuiniging van ${pct(e.cut)} op ${t.nl}`, en: `Budget cut of ${pct(e.cut)} for ${t.en}` };
    }
    case 'stakeShift': {
      const x = host.scenario.aspects.findIndex((a) => a.id === e.aspect);
      for (const i of eventTargets(host, e.target)) {
        const o = i * s.k + x;
        s.stake[o] = clamp(e.to !== undefined ? e.to : s.stake[o] + (e.by ?? 0));
      }
      const t = targetText(host, e.target);
      const a = host.scenario.aspects[x].label;
      return { nl: `Belang van ${t.nl} verschuift op ${a.nl}`, en: `Stake of ${t.en} shifts on ${a.en}` };
    }
    case 'shift': {
      const arr = s[e.trait] as Float64Array;
      for (const i of eventTargets(host, e.target)) {
        const v = e.to !== undefined ? e.to : arr[i] + (e.by ?? 0);
        arr[i] = e.trait === 'resources' ? Math.max(0, v) : clamp(v);
      }
      const t = targetText(host, e.target);
      return {
        nl: `${t.nl}: ${e.trait} ${e.to !== undefined ? `wordt ${e.to}` : `${(e.by ?? 0) >= 0 ? '+' : ''}${e.by}`}`,
        en: `${t.en}: ${e.trait} ${e.to !== undefined ? `becomes ${e.to}` : `${(e.by ?? 0) >= 0 ? '+' : ''}${e.by}`}`,
      };
    }
    case 'enter': {
      for (const i of eventTargets(host, e.target)) {
        s.present[i] = 1;
        if (s.position[i] === OUTSIDE && s.engagement[i] >= host.params.engagementOut) s.position[i] = PERIPHERY;
      }
      rebuildPresent(s);
      host.membershipChanged();
      const t = targetText(host, e.target);
      return { nl: `${t.nl} treedt toe tot het netwerk`, en: `${t.en} enters the network` };
    }
    case 'leave': {
      for (const i of eventTargets(host, e.target)) {
        s.present[i] = 0;
        const pr = s.projectOf[i];
        if (pr >= 0) { s.projectSize[pr]--; s.projectOf[i] = -1; s.memberContrib[i] = 0; }
        dropActorTies(s, i);
      }
      rebuildPresent(s);
      host.membershipChanged();
      const t = targetText(host, e.target);
      return { nl: `${t.nl} verlaat het netwerk`, en: `${t.en} leaves the network` };
    }
    case 'rules': {
      const before = host.rules;
      host.rules = resolveRules(before, e.rules);
      if (JSON.stringify(before.behaviour) !== JSON.stringify(host.rules.behaviour)) applyBehaviourMix(s, host.rules.behaviour, archetypeProfiles(host.scenario));
      host.rulesChanged();
      return rulesChangeText(before, host.rules);
    }
    case 'params': {
      const next = { ...host.params };
      const changed: string[] = [];
      for (const [k, v] of Object.entries(e.params)) {
        if (v === undefined || k === 'maxTies') continue; // tie slots are fixed for a run
        (next as Record<string, unknown>)[k] = v;
        changed.push(`${k} = ${v}`);
      }
      host.params = next;
      if (e.params.selfWeight !== undefined) s.selfWeight.fill(next.selfWeight);
      const need = pairCapacity(s.n, s.cap, next);
      if (need > s.pairCap) {
        s.pairCap = need;
        s.pairA = new Int32Array(need);
        s.pairB = new Int32Array(need);
        s.pairSlotA = new Int32Array(need);
        s.pairSlotB = new Int32Array(need);
      }
      host.paramsChanged();
      return { nl: `Parameters gewijzigd: ${changed.join(', ')}`, en: `Parameters changed: ${changed.join(', ')}` };
    }
    case 'agendering': {
      s.urgency = clamp(s.urgency + e.amount);
      return { nl: `Agendering: de urgentie van de opgave wordt aangescherpt (+${pct(e.amount)})`, en: `Agenda-setting: the opgave's urgency is raised (+${pct(e.amount)})` };
    }
    case 'platform': {
      s.platformBudget += e.amount;
      return { nl: `Een platform wordt gefinancierd (budget ${e.amount})`, en: `A platform is funded (budget ${e.amount})` };
    }
    case 'mobilise': {
      for (const i of eventTargets(host, e.target)) {
        s.mobilised[i] = 1;
        s.engagement[i] += e.amount * (1 - s.engagement[i]);
        if (s.present[i] && s.position[i] === OUTSIDE) s.position[i] = PERIPHERY;
      }
      const t = targetText(host, e.target);
      return { nl: `${t.nl} wordt gemobiliseerd`, en: `${t.en} is mobilised` };
    }
    case 'mandate': {
      for (const i of eventTargets(host, e.target)) s.mandate[i] = clamp(s.mandate[i] + e.amount);
      const t = targetText(host, e.target);
      return { nl: `${t.nl} krijgt mandaat (legitimatie, +${pct(e.amount)})`, en: `${t.en} is granted a mandate (legitimation, +${pct(e.amount)})` };
    }
    case 'landscape': {
      // Takes effect from the next shock: a shock falls on ticks that are multiples of the period.
      if (e.turbulence !== undefined) s.turbulenceShare = e.turbulence;
      if (e.turbulenceEvery !== undefined) s.turbulenceEvery = e.turbulenceEvery;
      const every = s.turbulenceEvery;
      return s.turbulenceShare > 0
        ? { nl: `Turbulentie: elke ${every} ronden verandert ${pct(s.turbulenceShare)} van de knoppen`, en: `Turbulence: every ${every} ticks ${pct(s.turbulenceShare)} of the knobs change` }
        : { nl: 'Turbulentie uit: het landschap van de opgave ligt vast', en: "Turbulence off: the opgave's landscape stays fixed" };
    }
    case 'broker': {
      const as = eventTargets(host, e.target), bs = eventTargets(host, e.with);
      for (const a of as) for (const b of bs) {
        // Nobody brokers a meeting with an actor who has left the network (or not yet entered).
        if (a === b || !s.present[a] || !s.present[b] || s.brokerCount >= BROKER_MAX) continue;
        s.brokerA[s.brokerCount] = a; s.brokerB[s.brokerCount] = b; s.brokerCount++;
        ensureTie(s, a, b, host.params.newTieTrust);
        ensureTie(s, b, a, host.params.newTieTrust);
      }
      const t1 = targetText(host, e.target), t2 = targetText(host, e.with);
      return { nl: `Ontmoeting gemakeld tussen ${t1.nl} en ${t2.nl}`, en: `Meeting brokered between ${t1.en} and ${t2.en}` };
    }
  }
}
