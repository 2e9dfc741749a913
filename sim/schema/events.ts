// Events checked against the scenario they will act on, at the boundary: a scenario's own
// events, an `--events` file, a batch strategy's events, a live intervention and a shared
// link all pass through here before a run starts (or before an intervention is scheduled), so
// a bad name or amount never reaches a tick.
import { PARAMS } from './params.ts';
import { PRESETS, RULE_OPTIONS } from './rules.ts';
import { LANDSCAPE_LIVE, MAX_KNOBS_TURBULENT, totalKnobs, TRAITS, type Scenario, type ScenarioEvent } from './scenario.ts';
import { InputError, type Issue } from './validate.ts';

/** Every actor's name as the run will know it: the listed actors, then each group's members
 * as "<group name> <1-based index>". */
export function actorNames(sc: Pick<Scenario, 'actors' | 'groups'>): string[] {
  const names = sc.actors.map((a) => a.name);
  for (const g of sc.groups) for (let c = 0; c < g.count; c++) names.push(`${g.name} ${c + 1}`);
  return names;
}

export interface EventCheckOptions {
  /** The first tick an event may still act on (a live run's next tick); default 0. */
  fromTick?: number;
  /** Path prefix for the issues, e.g. 'events' inside a scenario file. */
  prefix?: string;
}

const SHOWN_NAMES = 40;

/** The valid actor names in full for listed actors, as ranges for generated group members. */
function validActorsText(sc: Pick<Scenario, 'actors' | 'groups'>): string {
  const parts = sc.actors.map((a) => `'${a.name}'`);
  const listed = listText(parts);
  const groups = sc.groups.filter((g) => g.count > 0)
    .map((g) => (g.count === 1 ? `'${g.name} 1'` : `'${g.name} 1' … '${g.name} ${g.count}'`));
  return [listed, ...groups].filter(Boolean).join(', ');
}

function listText(items: string[]): string {
  return items.length <= SHOWN_NAMES ? items.join(', ') : `${items.slice(0, SHOWN_NAMES).join(', ')}, … (${items.length} in all)`;
}

/** Problems of each event against the scenario, as issues with a path per event and field. */
export function eventIssues(sc: Scenario, events: readonly ScenarioEvent[], options: EventCheckOptions = {}): Issue[] {
  const fromTick = options.fromTick ?? 0;
  const at = (i: number, field?: string) => `${options.prefix ?? 'events'}[${i}]${field ? `.${field}` : ''}`;
  // Built only when an event names a single actor: a generated population of millions has as
  // many names, and most events target '*', a sector or a group.
  let names: Set<string> | null = null;
  const isActor = (t: string) => (names ??= new Set(actorNames(sc))).has(t);
  const sectorIds = sc.sectors.map((s) => s.id);
  const groupNames = sc.groups.map((g) => g.name);
  const aspectIds = sc.aspects.map((a) => a.id);
  const issues: Issue[] = [];

  const checkTarget = (t: string, i: number, field: string) => {
    if (t === '*') return;
    if (t.startsWith('sector:')) {
      const id = t.slice(7);
      if (!sectorIds.includes(id)) issues.push({ path: at(i, field), message: `unknown sector '${id}'; sectors are: ${listText(sectorIds)}` });
      return;
    }
    if (t.startsWith('group:')) {
      const g = t.slice(6);
      if (!groupNames.includes(g)) {
        issues.push({ path: at(i, field), message: `unknown group '${g}'; ${groupNames.length ? `groups are: ${listText(groupNames)}` : 'this scenario has no groups'}` });
      }
      return;
    }
    if (!isActor(t)) {
      issues.push({
        path: at(i, field),
        message: `unknown actor '${t}'; actors are: ${validActorsText(sc)} — or use 'sector:<id>', 'group:<name>' or '*'`,
      });
    }
  };
  const checkPreset = (rules: unknown, i: number) => {
    const id = typeof rules === 'string' ? rules : (rules as { preset?: string }).preset;
    if (id !== undefined && !PRESETS.some((p) => p.id === id)) {
      issues.push({ path: at(i, typeof rules === 'string' ? 'rules' : 'rules.preset'), message: `unknown rule preset '${id}'; valid: ${PRESETS.map((p) => p.id).join(', ')}` });
    }
  };
  const inUnit = (v: number | undefined, i: number, field: string, lo: number, hi: number) => {
    if (v !== undefined && !(v >= lo && v <= hi)) issues.push({ path: at(i, field), message: `expected a number from ${lo} to ${hi}, got ${v}` });
  };

  const checkParams = (params: Record<string, unknown>, i: number) => {
    for (const [key, value] of Object.entries(params)) {
      if (!Object.hasOwn(PARAMS, key)) {
        issues.push({ path: at(i, `params.${key}`), message: `unknown parameter '${key}'; valid: ${Object.keys(PARAMS).join(', ')}` });
        continue;
      }
      const spec = PARAMS[key as keyof typeof PARAMS];
      if (spec.atStart) {
        issues.push({ path: at(i, `params.${key}`), message: `'${key}' acts only when a run is created; set it in the scenario's params or with --set ${key}=…` });
        continue;
      }
      if (spec.kind === 'enum') {
        if (!spec.options.includes(value as string)) issues.push({ path: at(i, `params.${key}`), message: `expected one of ${spec.options.join(', ')}, got '${String(value)}'` });
      } else if (typeof value !== 'number' || !(value >= spec.min && value <= spec.max) || (spec.kind === 'integer' && !Number.isInteger(value))) {
        issues.push({ path: at(i, `params.${key}`), message: `expected ${spec.kind === 'integer' ? 'a whole number' : 'a number'} from ${spec.min} to ${spec.max}, got ${String(value)}` });
      }
    }
  };

  events.forEach((e, i) => {
    if (e.tick < fromTick) issues.push({ path: at(i, 'tick'), message: `tick ${e.tick} is in the past; the run is at tick ${fromTick - 1}, so the earliest is ${fromTick}` });
    if ('target' in e) checkTarget(e.target, i, 'target');
    switch (e.type) {
      case 'broker': checkTarget(e.with, i, 'with'); break;
      case 'rules': checkPreset(e.rules, i); break;
      case 'stakeShift':
        if (!aspectIds.includes(e.aspect)) issues.push({ path: at(i, 'aspect'), message: `unknown aspect '${e.aspect}'; aspects are: ${listText(aspectIds)}` });
        if (e.to === undefined && e.by === undefined) issues.push({ path: at(i), message: "needs 'to' or 'by'" });
        inUnit(e.to, i, 'to', 0, 1);
        inUnit(e.by, i, 'by', -1, 1);
        break;
      case 'shift':
        if (e.to === undefined && e.by === undefined) issues.push({ path: at(i), message: "needs 'to' or 'by'" });
        if (e.trait === 'resources') {
          inUnit(e.to, i, 'to', 0, Number.MAX_VALUE);
        } else {
          inUnit(e.to, i, 'to', 0, 1);
          inUnit(e.by, i, 'by', -1, 1);
        }
        if (!TRAITS.includes(e.trait)) issues.push({ path: at(i, 'trait'), message: `unknown trait; valid: ${TRAITS.join(', ')}` });
        break;
      case 'resourceCut': inUnit(e.cut, i, 'cut', 0, 1); break;
      case 'agendering': case 'mandate': case 'mobilise': inUnit(e.amount, i, 'amount', 0, 1); break;
      case 'platform': inUnit(e.amount, i, 'amount', 0, 1000); break;
      case 'params': checkParams(e.params as Record<string, unknown>, i); break;
      case 'landscape': {
        if (e.turbulence === undefined && e.turbulenceEvery === undefined) issues.push({ path: at(i), message: "needs 'turbulence' or 'turbulenceEvery'" });
        const share = LANDSCAPE_LIVE.turbulence, period = LANDSCAPE_LIVE.turbulenceEvery;
        inUnit(e.turbulence, i, 'turbulence', share.min, share.max);
        if (e.turbulenceEvery !== undefined && !(Number.isInteger(e.turbulenceEvery) && e.turbulenceEvery >= period.min && e.turbulenceEvery <= period.max)) {
          issues.push({ path: at(i, 'turbulenceEvery'), message: `expected a whole number of ticks from ${period.min} to ${period.max}, got ${e.turbulenceEvery}` });
        }
        const knobs = totalKnobs(sc);
        if (knobs === 0) {
          issues.push({ path: at(i), message: 'this scenario has no knowledge aspects, so its opgave has no knobs for turbulence to redraw' });
        } else if ((e.turbulence ?? 0) > 0 && knobs > MAX_KNOBS_TURBULENT) {
          issues.push({ path: at(i, 'turbulence'), message: `turbulence needs at most ${MAX_KNOBS_TURBULENT} knobs in all (each shock re-enumerates 2^N approaches); this scenario has ${knobs}` });
        }
        break;
      }
      default: break;
    }
    // Interventions made in code (the app, tests) have not passed the file schema: check the
    // rule values too.
    if (e.type === 'rules' && typeof e.rules === 'object' && e.rules !== null) {
      for (const [key, value] of Object.entries(e.rules)) {
        const options = (RULE_OPTIONS as Record<string, readonly string[]>)[key];
        if (options && !options.includes(value as string)) {
          issues.push({ path: at(i, `rules.${key}`), message: `expected one of ${options.join(', ')}, got '${String(value)}'` });
        }
      }
    }
  });
  return issues;
}

/** Throws an InputError naming the source, each event's index, the field and the valid names. */
export function checkEvents(sc: Scenario, events: readonly ScenarioEvent[], source: string, options: EventCheckOptions = {}): void {
  const issues = eventIssues(sc, events, options);
  if (issues.length) throw new InputError(source, issues);
}
