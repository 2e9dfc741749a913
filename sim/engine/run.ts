// A run: (scenario, rules, seed) → a state advanced by step(). Mesa-style, the model runs
// headless exactly as it runs under the UI; every driver steps it through sim/engine/driver.ts.
// This file holds the step pipeline (ODD.md §3); what events do is in eventInterpreter.ts,
// save and restore in saved.ts.
import { defaultParams, type Bilingual, type Params } from '../schema/params.ts';
import { DEFAULT_RULES, resolveRules, RULE_OPTIONS, type RulesChange, type Rules } from '../schema/rules.ts';
import { eventSchema, type Scenario, type ScenarioEvent, type ScenarioEventInput } from '../schema/scenario.ts';
import { checkEvents } from '../schema/events.ts';
import { InputError, issuesOf } from '../schema/validate.ts';
import { createRng, type Rng } from './rng.ts';
import { actorMeta, applyBehaviourMix, archetypeProfiles, baseMeetShare, createState, settleShape, type ActorMeta, type State } from './state.ts';
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
import { positionText, projectText, rulesChangeText, type LogEntry } from './log.ts';
import { applyEvent, type EventHost } from './eventInterpreter.ts';
import { stateFromJson, stateToJson, type SavedRun } from './saved.ts';
import { fillOmega, opgaveView, shake, type OpgaveView } from './opgave.ts';
import { refreshApproaches } from './mechanisms/approaches.ts';
import type { WorthScale } from './landscape/index.ts';

export type { SavedRun } from './saved.ts';

export const ENGINE_VERSION = '0.3.0';

/** An event made live, without its tick (the next one). Fields with a default (a lever's amount)
 * may be left out, as in an events file; the run fills them in before it records the event. */
export type Intervention = ScenarioEventInput extends infer E ? E extends ScenarioEventInput ? Omit<E, 'tick'> : never : never;

export interface RunConfig {
  scenario: Scenario;
  /** A preset id, or changes (with an optional preset) on top of the scenario's rules. */
  rules?: RulesChange;
  seed: number | string;
  /** Extra scheduled events and interventions (e.g. from `--events`). */
  events?: ScenarioEvent[];
}

export interface Run {
  readonly scenario: Scenario;
  readonly seed: number | string;
  readonly state: State;
  readonly meta: ActorMeta;
  readonly tick: number;
  /** The rules the run started with: the scenario's, with the config's change applied. */
  readonly startRules: Rules;
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
  /** Checks an intervention against the scenario (InputError if it names what does not
   * exist), then schedules it for the next tick and records it. */
  intervene(event: Intervention): ScenarioEvent;
  /** Shorthand for intervene({ type: 'rules', rules }). */
  setRules(change: RulesChange): ScenarioEvent;
  save(): SavedRun;
}

/** The scenario's rules field resolved to full rules. */
export function scenarioRules(sc: Scenario): Rules {
  return resolveRules(DEFAULT_RULES, sc.rules);
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
  const extra = config.events ?? [];
  checkEvents(sc, extra, 'events');
  const params = scenarioParams(sc);
  const rules = resolveRules(scenarioRules(sc), config.rules);
  const rng = createRng(config.seed);
  const { state, meta } = createState(sc, params, rng);
  const events = sortEvents([...sc.events, ...extra]);
  const engine = new Engine(sc, config.seed, state, meta, rules, rules, params, rng, events, 0, [], []);
  engine.initialise();
  return engine;
}

export function restoreRun(saved: SavedRun): Run {
  if (saved.version !== ENGINE_VERSION) {
    throw new Error(`saved run is from engine version ${saved.version}; this is ${ENGINE_VERSION}`);
  }
  const rng = createRng(saved.seed, saved.rng);
  const state = stateFromJson(saved.state);
  settleShape(state); // as createState does: no deoptimisation when a field first changes
  const engine = new Engine(saved.scenario, saved.seed, state, actorMeta(saved.scenario),
    saved.startRules ?? saved.rules, saved.rules, saved.params, rng, saved.events.slice(), saved.eventCursor, saved.interventions.slice(), saved.log.slice());
  engine.row.set(saved.measures);
  engine.rebuildCtx();
  return engine;
}

class Engine implements Run {
  readonly row = new Float64Array(MEASURES.length);
  readonly nameIndex: Map<string, number>;
  private ctx!: Ctx;
  private leaderIndex = -1;
  /** The landscape's worth table over the state's tables (derived: rebuilt on restore). */
  private readonly opgave: OpgaveView;
  /** The interpreter's view of this run (events change rules and parameters through it). */
  private readonly host: EventHost;

  constructor(
    readonly scenario: Scenario,
    readonly seed: number | string,
    readonly state: State,
    readonly meta: ActorMeta,
    readonly startRules: Rules,
    private currentRules: Rules,
    private currentParams: Params,
    private readonly rng: Rng,
    private readonly schedule: ScenarioEvent[],
    private cursor: number,
    private readonly made: ScenarioEvent[],
    readonly log: LogEntry[],
  ) {
    this.nameIndex = new Map(meta.names.map((n, i) => [n, i]));
    this.opgave = opgaveView(state, currentParams.worthScale as WorthScale);
    const engine = this;
    this.host = {
      scenario, state, meta, nameIndex: this.nameIndex,
      get rules() { return engine.currentRules; },
      set rules(r: Rules) { engine.currentRules = r; },
      get params() { return engine.currentParams; },
      set params(p: Params) { engine.currentParams = p; },
      rulesChanged: () => { this.rebuildCtx(); this.buildChain(); },
      paramsChanged: () => this.rebuildCtx(),
      membershipChanged: () => { if (this.ctx.chain) this.buildChain(); },
    };
  }

  get tick() { return this.state.tick; }
  get rules() { return this.currentRules; }
  get params() { return this.currentParams; }
  get measures() { return this.row; }
  get events() { return this.schedule; }
  get interventions() { return this.made; }

  initialise(): void {
    const s = this.state;
    applyBehaviourMix(s, this.currentRules.behaviour, archetypeProfiles(this.scenario));
    for (let i = 0; i < s.n; i++) s.meetShare[i] = baseMeetShare(s, i, this.currentParams.meetingHabit);
    refreshApproaches(s, this.opgave.omega, true);
    // Preferences on knowledge aspects start halfway between stake and belief (P_k(β)).
    for (let i = 0; i < s.n; i++) {
      for (let x = 0; x < s.k; x++) if (s.isKnowledge[x]) s.pref[i * s.k + x] = 0.5 * s.stake[i * s.k + x] + 0.5 * s.belief[i * s.k + x];
    }
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
        const t = projectText(kind, who, size, eff);
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
    const scale = this.currentParams.worthScale as WorthScale;
    if (this.opgave.scale !== scale) {
      this.opgave.scale = scale;
      fillOmega(this.opgave);
      refreshApproaches(this.state, this.opgave.omega, true);
    }
    this.ctx = buildCtx(this.currentParams, this.currentRules, this.rng, reporter, this.opgave.omega);
    this.leaderIndex = this.currentRules.leader ? (this.nameIndex.get(this.currentRules.leader) ?? -1) : -1;
  }

  /** Fixed linear client–supplier links: actors ordered by sector, then by index. */
  private buildChain(): void {
    const s = this.state;
    s.chainNext.fill(-1);
    if (!this.ctx.chain) { s.chainLead = -1; return; }
    const order = Array.from({ length: s.n }, (_, i) => i).filter((i) => s.present[i])
      .sort((a, b) => s.sector[a] - s.sector[b] || a - b);
    for (let t = 0; t + 1 < order.length; t++) s.chainNext[order[t]] = order[t + 1];
    // The chain executes its lead's known process: when the chain forms, the leader's approach,
    // or the most engaged present actor's when there is no leader. Later membership changes
    // keep the process (and its search) and only replace a lead that left.
    if (s.chainLead >= 0 && s.present[s.chainLead]) return;
    const forming = s.chainLead < 0;
    let lead = s.leader >= 0 && s.present[s.leader] ? s.leader : -1;
    for (const i of order) if (lead < 0 || (s.leader < 0 && s.engagement[i] > s.engagement[lead])) lead = i;
    s.chainLead = lead;
    if (forming) s.chainApproach = lead >= 0 ? s.approach[lead] : 0;
  }

  private note(kind: string, marked: boolean, text: Bilingual): void {
    this.log.push({ tick: this.state.tick, kind, marked, nl: text.nl, en: text.en });
  }

  /** One tick: the pipeline of ODD.md §3, in its fixed order. */
  step(): Float64Array {
    const s = this.state;
    s.tick++;
    // 1. Events and interventions due now.
    while (this.cursor < this.schedule.length && this.schedule[this.cursor].tick <= s.tick) {
      const e = this.schedule[this.cursor++];
      const text = applyEvent(this.host, e);
      this.note(e.type, true, e.label ?? text);
    }
    const ctx = this.ctx;
    // Turbulence: the tables of a share of the knobs are redrawn every τ ticks (ODD.md §7.4).
    if (s.turbulenceShare > 0 && s.tick % s.turbulenceEvery === 0) shake(s, this.opgave, this.rng);
    budgets(s, ctx);                    // 2.
    meetings(s, ctx);                   // 3.
    dialogue(s, ctx);                   // 4. samen richten
    learning(s, ctx);                   // 5. samen leren
    refreshApproaches(s, ctx.omega);
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
    const given = { ...event, tick: this.state.tick + 1 } as ScenarioEvent;
    // The schema's defaults, as an events file gets them; a malformed event is left to the
    // checks below, whose messages name the field and the valid values.
    const parsed = eventSchema.safeParse(given);
    // The caller's fields in the caller's order (links and exported events keep their shape),
    // then the defaults it left out.
    const full = parsed.success ? { ...given, ...parsed.data } as ScenarioEvent : given;
    checkEvents(this.scenario, [full], 'intervention', { fromTick: this.state.tick + 1 });
    if (!parsed.success) throw new InputError('intervention', issuesOf(parsed.error));
    this.made.push(full);
    // Keep the schedule sorted: insert after every event due at or before that tick.
    let at = this.schedule.length;
    while (at > this.cursor && this.schedule[at - 1].tick > full.tick) at--;
    this.schedule.splice(at, 0, full);
    return full;
  }

  setRules(change: RulesChange): ScenarioEvent {
    return this.intervene({ type: 'rules', rules: change });
  }

  save(): SavedRun {
    return structuredClone({
      version: ENGINE_VERSION,
      scenario: this.scenario,
      seed: this.seed,
      startRules: this.startRules,
      rules: this.currentRules,
      params: this.currentParams,
      events: this.schedule,
      eventCursor: this.cursor,
      interventions: this.made,
      log: this.log,
      rng: this.rng.state(),
      state: stateToJson(this.state),
      measures: Array.from(this.row),
    });
  }
}
