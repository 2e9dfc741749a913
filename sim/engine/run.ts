// A run: (scenario, rules, seed) → a state advanced by step(). Mesa-style, the model runs
// headless exactly as it runs under the UI; drivers (CLI, workers, app) only call step().
import { defaultParams, type Bilingual, type Params } from '../schema/params.ts';
import { createRng, type Rng, type RngState } from './rng.ts';
import { DEFAULT_RULES, resolveRules, RULE_OPTIONS, type PartialRules, type Rules } from '../schema/rules.ts';
import type { Scenario, ScenarioEvent } from '../schema/scenario.ts';
import {
  actorMeta, applyBehaviourMix, baseMeetShare, BROKER_MAX, createState, OUTSIDE, pairCapacity, PERIPHERY,
  rebuildPresent, type ActorMeta, type State,
} from './state.ts';
import { dropActorTies, ensureTie } from './ties.ts';
import { buildCtx, type Ctx, type Reporter } from './mechanisms/context.ts';
import { budgets } from './mechanisms/budgets.ts';
import { meetings } from './mechanisms/meetings.ts';
import { dialogue } from './mechanisms/dialogue.ts';
import { learning } from './mechanisms/learning.ts';
import { action } from './mechanisms/action.ts';
import { payoffs } from './mechanisms/payoffs.ts';
import { positions } from './mechanisms/positions.ts';
import { agenda, chooseLeader, coreRuleChoice } from './mechanisms/agenda.ts';
import { observe } from './mechanisms/observe.ts';
import { MEASURES } from '../schema/measures.ts';
import { pct, positionText, rulesChangeText, type LogEntry } from './log.ts';

export const ENGINE_VERSION = '0.1.0';

/** An intervention or scheduled event without its tick (the run supplies it). */
export type Intervention = ScenarioEvent extends infer E ? E extends ScenarioEvent ? Omit<E, 'tick'> : never : never;

export interface RunConfig {
  scenario: Scenario;
  /** A preset id or partial rules on top of the scenario's rules. */
  rules?: string | PartialRules;
  seed: number | string;
  /** Extra scheduled events and interventions (e.g. from `--events`). */
  events?: ScenarioEvent[];
}

export interface SavedRun {
  version: string;
  scenario: Scenario;
  seed: number | string;
  rules: Rules;
  params: Params;
  events: ScenarioEvent[];
  eventCursor: number;
  interventions: ScenarioEvent[];
  log: LogEntry[];
  rng: RngState;
  state: Record<string, number | { type: string; data: number[] }>;
  measures: number[];
}

export interface Run {
  readonly scenario: Scenario;
  readonly seed: number | string;
  readonly state: State;
  readonly meta: ActorMeta;
  readonly tick: number;
  readonly rules: Rules;
  readonly params: Params;
  /** The current tick's measures, in MEASURES order (a view that step() overwrites). */
  readonly measures: Float64Array;
  readonly log: LogEntry[];
  /** Scheduled events from the scenario and the config, plus interventions, by tick. */
  readonly events: readonly ScenarioEvent[];
  /** Interventions made during the run (the `--events` file that replays them). */
  readonly interventions: readonly ScenarioEvent[];
  step(): Float64Array;
  /** Schedules an intervention for the next tick and records it. */
  intervene(event: Intervention): ScenarioEvent;
  /** Shorthand for intervene({ type: 'rules', rules }). */
  setRules(change: string | PartialRules): ScenarioEvent;
  save(): SavedRun;
}

/** The scenario's rules field resolved to full rules. */
export function scenarioRules(sc: Scenario): Rules {
  const r = sc.rules;
  if (typeof r === 'string') return resolveRules(DEFAULT_RULES, r);
  const { preset, ...rest } = r;
  return { ...(preset ? resolveRules(DEFAULT_RULES, preset) : DEFAULT_RULES), ...rest };
}

export function scenarioParams(sc: Scenario): Params {
  return { ...defaultParams(), ...(sc.params as Partial<Params>) };
}

function sortEvents(events: ScenarioEvent[]): ScenarioEvent[] {
  // Stable: events at the same tick keep their order (scenario, then config, then interventions).
  return events.map((e, i) => [e, i] as const).sort((a, b) => a[0].tick - b[0].tick || a[1] - b[1]).map((x) => x[0]);
}

export function createRun(config: RunConfig): Run {
  const sc = config.scenario;
  const params = scenarioParams(sc);
  let rules = scenarioRules(sc);
  if (config.rules !== undefined) rules = resolveRules(rules, config.rules);
  const rng = createRng(config.seed);
  const { state, meta } = createState(sc, params, rng);
  const events = sortEvents([...sc.events, ...(config.events ?? [])]);
  const engine = new Engine(sc, config.seed, state, meta, rules, params, rng, events, 0, [], []);
  engine.initialise();
  return engine;
}

export function restoreRun(saved: SavedRun): Run {
  if (saved.version !== ENGINE_VERSION) {
    throw new Error(`saved run is from engine version ${saved.version}; this is ${ENGINE_VERSION}`);
  }
  const state = {} as Record<string, unknown>;
  for (const [key, v] of Object.entries(saved.state)) {
    if (typeof v === 'number') state[key] = v;
    else state[key] = new (TYPED[v.type])(v.data);
  }
  const rng = createRng(saved.seed, saved.rng);
  const engine = new Engine(saved.scenario, saved.seed, state as unknown as State, actorMeta(saved.scenario),
    saved.rules, saved.params, rng, saved.events.slice(), saved.eventCursor, saved.interventions.slice(), saved.log.slice());
  engine.row.set(saved.measures);
  engine.rebuildCtx();
  return engine;
}

const TYPED: Record<string, new (d: number[]) => ArrayBufferView> = {
  Float64Array, Float32Array, Int32Array, Uint8Array, Uint16Array,
};

class Engine implements Run {
  readonly row = new Float64Array(MEASURES.length);
  private ctx!: Ctx;
  private leaderIndex = -1;
  private readonly nameIndex: Map<string, number>;

  constructor(
    readonly scenario: Scenario,
    readonly seed: number | string,
    readonly state: State,
    readonly meta: ActorMeta,
    private currentRules: Rules,
    private currentParams: Params,
    private readonly rng: Rng,
    private readonly schedule: ScenarioEvent[],
    private cursor: number,
    private readonly made: ScenarioEvent[],
    readonly log: LogEntry[],
  ) {
    this.nameIndex = new Map(meta.names.map((n, i) => [n, i]));
  }

  get tick() { return this.state.tick; }
  get rules() { return this.currentRules; }
  get params() { return this.currentParams; }
  get measures() { return this.row; }
  get events() { return this.schedule; }
  get interventions() { return this.made; }

  initialise(): void {
    const s = this.state;
    applyBehaviourMix(s, this.currentRules.behaviour);
    for (let i = 0; i < s.n; i++) s.meetShare[i] = baseMeetShare(s, i);
    this.rebuildCtx();
    this.buildChain();
    // The starting agenda: the engagement-weighted mean preference.
    let esum = 0;
    for (let i = 0; i < s.n; i++) {
      if (!s.present[i]) continue;
      esum += s.engagement[i];
      for (let x = 0; x < s.k; x++) s.agenda[x] += s.engagement[i] * s.pref[i * s.k + x];
    }
    for (let x = 0; x < s.k; x++) s.agenda[x] = esum > 0 ? s.agenda[x] / esum : 0.5;
    s.leader = chooseLeader(s, this.leaderIndex);
    observe(s, this.ctx, this.row, 0);
  }

  rebuildCtx(): void {
    const reporter: Reporter = {
      position: (i, from, to) => this.note('position', false, positionText(this.meta.names[i], from, to)),
      project: (kind, _pr, init, size, eff) => {
        const who = this.meta.names[init];
        const t = kind === 'started'
          ? { nl: `Project van ${who} gestart met ${size} deelnemers`, en: `Project by ${who} started with ${size} members` }
          : kind === 'dissolved'
            ? { nl: `Project van ${who} komt niet van de grond (${size} deelnemers)`, en: `Project by ${who} fails to start (${size} members)` }
            : { nl: `Project van ${who} afgerond, effectiviteit ${pct(eff)}`, en: `Project by ${who} delivered, effectiveness ${pct(eff)}` };
        this.note('project', false, t);
      },
      sanction: (i, kind) => {
        const who = this.meta.names[i];
        const t = kind === 0
          ? { nl: `${who} wordt aangesproken op meeliften en verliest vertrouwen`, en: `${who} is called out for free riding and loses trust` }
          : kind === 1
            ? { nl: `${who} wordt aangesproken op meeliften en verliest reputatie`, en: `${who} is called out for free riding and loses reputation` }
            : { nl: `${who} wordt wegens meeliften uit de kern gezet`, en: `${who} is expelled from the core for free riding` };
        this.note('sanction', false, t);
      },
    };
    this.ctx = buildCtx(this.currentParams, this.currentRules, this.rng, reporter);
    this.leaderIndex = this.currentRules.leader ? (this.nameIndex.get(this.currentRules.leader) ?? -1) : -1;
  }

  /** Fixed linear client–supplier links: actors ordered by sector, then by index. */
  private buildChain(): void {
    const s = this.state;
    s.chainNext.fill(-1);
    if (!this.ctx.chain) return;
    const order = Array.from({ length: s.n }, (_, i) => i).filter((i) => s.present[i])
      .sort((a, b) => s.sector[a] - s.sector[b] || a - b);
    for (let t = 0; t + 1 < order.length; t++) s.chainNext[order[t]] = order[t + 1];
  }

  private note(kind: string, marked: boolean, text: Bilingual): void {
    this.log.push({ tick: this.state.tick, kind, marked, nl: text.nl, en: text.en });
  }

  step(): Float64Array {
    const s = this.state;
    s.tick++;
    // 1. Events and interventions due now.
    while (this.cursor < this.schedule.length && this.schedule[this.cursor].tick <= s.tick) {
      this.apply(this.schedule[this.cursor++]);
    }
    const ctx = this.ctx;
    budgets(s, ctx);                    // 2.
    meetings(s, ctx);                   // 3.
    dialogue(s, ctx);                   // 4. samen richten
    learning(s, ctx);                   // 5. samen leren
    const severityBefore = s.severity;
    action(s, ctx);                     // 6. samen handelen
    payoffs(s, ctx, severityBefore);    // 7.
    const churn = positions(s, ctx);    // 8.
    agenda(s, ctx, this.leaderIndex);   // 9.
    if (ctx.setterCore && s.tick % this.currentParams.ruleReviewInterval === 0) this.coreSetsRules();
    observe(s, ctx, this.row, churn);   // 10.
    return this.row;
  }

  private coreSetsRules(): void {
    const choice = coreRuleChoice(this.state, this.ctx);
    if (!choice) return;
    const entry = RULE_OPTIONS.entry[choice.entry];
    if (entry === this.currentRules.entry && choice.tolerance === this.currentRules.tolerance) return;
    const before = this.currentRules;
    this.currentRules = { ...before, entry, tolerance: choice.tolerance };
    const t = rulesChangeText(before, this.currentRules);
    this.note('rules-by-core', false, { nl: `De kern besluit: ${t.nl}`, en: `The core decides: ${t.en}` });
    this.rebuildCtx();
  }

  intervene(event: Intervention): ScenarioEvent {
    const full = { ...event, tick: this.state.tick + 1 } as ScenarioEvent;
    this.made.push(full);
    // Keep the schedule sorted: insert after every event due at or before that tick.
    let at = this.schedule.length;
    while (at > this.cursor && this.schedule[at - 1].tick > full.tick) at--;
    this.schedule.splice(at, 0, full);
    return full;
  }

  setRules(change: string | PartialRules): ScenarioEvent {
    return this.intervene({ type: 'rules', rules: change });
  }

  private targets(target: string): number[] {
    const s = this.state;
    const out: number[] = [];
    if (target === '*') { for (let i = 0; i < s.n; i++) out.push(i); return out; }
    if (target.startsWith('sector:')) {
      const sec = this.scenario.sectors.findIndex((x) => x.id === target.slice(7));
      for (let i = 0; i < s.n; i++) if (s.sector[i] === sec) out.push(i);
      return out;
    }
    if (target.startsWith('group:')) {
      const g = this.meta.groupNames.indexOf(target.slice(6));
      for (let i = 0; i < s.n; i++) if (this.meta.groupOf[i] === g) out.push(i);
      return out;
    }
    const i = this.nameIndex.get(target);
    if (i === undefined) throw new RangeError(`unknown actor '${target}'`);
    out.push(i);
    return out;
  }

  private targetText(target: string): Bilingual {
    if (target === '*') return { nl: 'iedereen', en: 'everyone' };
    if (target.startsWith('sector:')) {
      const sec = this.scenario.sectors.find((x) => x.id === target.slice(7));
      return sec ? sec.label : { nl: target, en: target };
    }
    if (target.startsWith('group:')) {
      const g = this.scenario.groups.find((x) => x.name === target.slice(6));
      return g ? g.label : { nl: target, en: target };
    }
    return { nl: target, en: target };
  }

  private apply(e: ScenarioEvent): void {
    const s = this.state;
    const clamp = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);
    let text: Bilingual;
    switch (e.type) {
      case 'resourceCut': {
        for (const i of this.targets(e.target)) s.resources[i] *= 1 - e.cut;
        const t = this.targetText(e.target);
        text = { nl: `Bezuiniging van ${pct(e.cut)} op ${t.nl}`, en: `Budget cut of ${pct(e.cut)} for ${t.en}` };
        break;
      }
      case 'stakeShift': {
        const x = this.scenario.aspects.findIndex((a) => a.id === e.aspect);
        for (const i of this.targets(e.target)) {
          const o = i * s.k + x;
          s.stake[o] = clamp(e.to !== undefined ? e.to : s.stake[o] + (e.by ?? 0));
        }
        const t = this.targetText(e.target);
        const a = this.scenario.aspects[x].label;
        text = { nl: `Belang van ${t.nl} verschuift op ${a.nl}`, en: `Stake of ${t.en} shifts on ${a.en}` };
        break;
      }
      case 'shift': {
        const arr = s[e.trait] as Float64Array;
        for (const i of this.targets(e.target)) {
          const v = e.to !== undefined ? e.to : arr[i] + (e.by ?? 0);
          arr[i] = e.trait === 'resources' ? Math.max(0, v) : clamp(v);
        }
        const t = this.targetText(e.target);
        text = { nl: `${t.nl}: ${e.trait} ${e.to !== undefined ? `wordt ${e.to}` : `${(e.by ?? 0) >= 0 ? '+' : ''}${e.by}`}`,
          en: `${t.en}: ${e.trait} ${e.to !== undefined ? `becomes ${e.to}` : `${(e.by ?? 0) >= 0 ? '+' : ''}${e.by}`}` };
        break;
      }
      case 'enter': {
        for (const i of this.targets(e.target)) {
          s.present[i] = 1;
          if (s.position[i] === OUTSIDE && s.engagement[i] >= this.currentParams.engagementOut) s.position[i] = PERIPHERY;
        }
        rebuildPresent(s);
        if (this.ctx.chain) this.buildChain();
        const t = this.targetText(e.target);
        text = { nl: `${t.nl} treedt toe tot het netwerk`, en: `${t.en} enters the network` };
        break;
      }
      case 'leave': {
        for (const i of this.targets(e.target)) {
          s.present[i] = 0;
          const pr = s.projectOf[i];
          if (pr >= 0) { s.projectSize[pr]--; s.projectOf[i] = -1; s.memberContrib[i] = 0; }
          dropActorTies(s, i);
        }
        rebuildPresent(s);
        if (this.ctx.chain) this.buildChain();
        const t = this.targetText(e.target);
        text = { nl: `${t.nl} verlaat het netwerk`, en: `${t.en} leaves the network` };
        break;
      }
      case 'rules': {
        const before = this.currentRules;
        const change = typeof e.rules === 'string' ? e.rules : (({ preset, ...rest }) =>
          (preset ? { ...resolveRules(DEFAULT_RULES, preset), ...rest } : rest))(e.rules);
        this.currentRules = resolveRules(before, change);
        if (JSON.stringify(before.behaviour) !== JSON.stringify(this.currentRules.behaviour)) {
          applyBehaviourMix(s, this.currentRules.behaviour);
        }
        this.rebuildCtx();
        this.buildChain();
        text = rulesChangeText(before, this.currentRules);
        break;
      }
      case 'params': {
        const next = { ...this.currentParams };
        const changed: string[] = [];
        for (const [k, v] of Object.entries(e.params)) {
          if (v === undefined || k === 'maxTies') continue; // tie slots are fixed for a run
          (next as Record<string, unknown>)[k] = v;
          changed.push(`${k} = ${v}`);
        }
        this.currentParams = next;
        if (e.params.selfWeight !== undefined) s.selfWeight.fill(next.selfWeight);
        const need = pairCapacity(s.n, s.cap, next);
        if (need > s.pairCap) {
          s.pairCap = need;
          s.pairA = new Int32Array(need);
          s.pairB = new Int32Array(need);
          s.pairSlotA = new Int32Array(need);
          s.pairSlotB = new Int32Array(need);
        }
        this.rebuildCtx();
        text = { nl: `Parameters gewijzigd: ${changed.join(', ')}`, en: `Parameters changed: ${changed.join(', ')}` };
        break;
      }
      case 'agendering': {
        s.urgency = clamp(s.urgency + e.amount);
        text = { nl: `Agendering: de urgentie van de opgave wordt aangescherpt (+${pct(e.amount)})`, en: `Agenda-setting: the opgave's urgency is raised (+${pct(e.amount)})` };
        break;
      }
      case 'platform': {
        s.platformBudget += e.amount;
        text = { nl: `Een platform wordt gefinancierd (budget ${e.amount})`, en: `A platform is funded (budget ${e.amount})` };
        break;
      }
      case 'mobilise': {
        for (const i of this.targets(e.target)) {
          s.mobilised[i] = 1;
          s.engagement[i] += 0.3 * (1 - s.engagement[i]);
          if (s.present[i] && s.position[i] === OUTSIDE) s.position[i] = PERIPHERY;
        }
        const t = this.targetText(e.target);
        text = { nl: `${t.nl} wordt gemobiliseerd`, en: `${t.en} is mobilised` };
        break;
      }
      case 'mandate': {
        for (const i of this.targets(e.target)) s.mandate[i] = clamp(s.mandate[i] + e.amount);
        const t = this.targetText(e.target);
        text = { nl: `${t.nl} krijgt mandaat (legitimatie, +${pct(e.amount)})`, en: `${t.en} is granted a mandate (legitimation, +${pct(e.amount)})` };
        break;
      }
      case 'broker': {
        const as = this.targets(e.target), bs = this.targets(e.with);
        for (const a of as) for (const b of bs) {
          if (a === b || s.brokerCount >= BROKER_MAX) continue;
          s.brokerA[s.brokerCount] = a; s.brokerB[s.brokerCount] = b; s.brokerCount++;
          ensureTie(s, a, b, this.currentParams.newTieTrust);
          ensureTie(s, b, a, this.currentParams.newTieTrust);
        }
        const t1 = this.targetText(e.target), t2 = this.targetText(e.with);
        text = { nl: `Ontmoeting gemakeld tussen ${t1.nl} en ${t2.nl}`, en: `Meeting brokered between ${t1.en} and ${t2.en}` };
        break;
      }
    }
    this.note(e.type, true, e.label ?? text);
  }

  save(): SavedRun {
    const state: SavedRun['state'] = {};
    for (const [key, v] of Object.entries(this.state)) {
      if (typeof v === 'number') state[key] = v;
      else if (ArrayBuffer.isView(v)) state[key] = { type: v.constructor.name, data: Array.from(v as unknown as ArrayLike<number>) };
    }
    return structuredClone({
      version: ENGINE_VERSION,
      scenario: this.scenario,
      seed: this.seed,
      rules: this.currentRules,
      params: this.currentParams,
      events: this.schedule,
      eventCursor: this.cursor,
      interventions: this.made,
      log: this.log,
      rng: this.rng.state(),
      state,
      measures: Array.from(this.row),
    });
  }
}

