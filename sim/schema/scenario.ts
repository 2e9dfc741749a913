// The scenario format: a zod schema whose errors name the field and what was expected.
import { z } from 'zod';
import { PARAMS, type NumberParam, type ParamKey } from './params.ts';
import { partialRulesSchema, PRESETS, RULE_OPTIONS } from './rules.ts';
import { eventIssues } from './events.ts';

const bilingual = z.object({ nl: z.string().min(1), en: z.string().min(1) }).strict();
const unit = z.number().min(0).max(1);

/** Enumeration of 2^N approaches bounds the knobs N; turbulence re-enumerates, hence its lower bound. */
export const MAX_KNOBS = 20;
export const MAX_KNOBS_TURBULENT = 16;

/** Knobs per knowledge aspect (m): the scenario's `opgave.landscape.knobs`, else min(4, ⌊20 / K_know⌋);
 * 0 without knowledge aspects. */
export function knobsPerAspect(knowledgeAspects: number, given?: number): number {
  if (knowledgeAspects === 0) return 0;
  return given ?? Math.min(4, Math.floor(MAX_KNOBS / knowledgeAspects));
}

/** N, the knobs of a scenario's opgave in all: m per knowledge aspect. */
export function totalKnobs(sc: { aspects: readonly { kind: string }[]; opgave: { landscape: { knobs?: number } } }): number {
  const know = sc.aspects.filter((a) => a.kind === 'knowledge').length;
  return knobsPerAspect(know, sc.opgave.landscape.knobs) * know;
}

/** A trait for generated actors: a number, a clipped normal {mean, sd}, or a uniform {min, max}. */
export const distSchema = z.union([
  unit,
  z.object({ mean: unit, sd: z.number().min(0).max(1) }).strict(),
  z.object({ min: unit, max: unit }).strict(),
]);
export type Dist = z.infer<typeof distSchema>;

/** Per-aspect values: an object keyed by aspect id, or an array in aspect order. */
const perAspect = z.union([z.record(z.string(), unit), z.array(unit)]);
const perAspectDist = z.union([z.record(z.string(), distSchema), z.array(distSchema)]);

export const ARCHETYPES = ['netwerker', 'transactioneel', 'meelifter'] as const;
export type Archetype = (typeof ARCHETYPES)[number];

export const profileSchema = z.object({
  need: unit, value: unit, trust: unit, patience: unit, selectivity: unit,
}).strict();
export type Profile = z.infer<typeof profileSchema>;

/** The three behaviour archetypes' profiles (ODD.md §2), in the order of ARCHETYPES; a scenario
 * may give its own under `archetypes`. */
export const ARCHETYPE_PROFILES: Readonly<Record<Archetype, Profile>> = {
  netwerker: { need: 0.8, value: 0.8, trust: 0.9, patience: 0.9, selectivity: 0.7 },
  transactioneel: { need: 0.2, value: 0.5, trust: 0.5, patience: 0.1, selectivity: 0.3 },
  meelifter: { need: 0.3, value: 0.1, trust: 0.3, patience: 0.4, selectivity: 0.1 },
};
const archetypesSchema = z.object({
  netwerker: profileSchema.optional(), transactioneel: profileSchema.optional(), meelifter: profileSchema.optional(),
}).strict();

/** The landscape's fields that a `landscape` event changes mid-run (the app's live controls),
 * with their metadata once: the scenario schema, the event check and the app read it here. */
export const LANDSCAPE_LIVE = {
  turbulence: {
    kind: 'number', default: 0, min: 0, max: 1, group: 'knowledge', label: { nl: 'Turbulentie', en: 'Turbulence' }, unit: 'share of knobs',
    doc: 'Share of the knobs whose contribution tables are redrawn at every shock: the best approach moves and what was learnt goes stale. 0: a landscape that stays put.',
  },
  turbulenceEvery: {
    kind: 'integer', default: 50, min: 1, max: 100000, group: 'knowledge', label: { nl: 'Schok elke', en: 'Shock every' }, unit: 'ticks',
    doc: 'Ticks between shocks; a shock falls on every tick that is a multiple of this period.',
  },
} as const satisfies Record<string, NumberParam>;
export type LandscapeLiveKey = keyof typeof LANDSCAPE_LIVE;

const turbulenceShare = unit;
const turbulencePeriod = z.number().int().min(LANDSCAPE_LIVE.turbulenceEvery.min).max(LANDSCAPE_LIVE.turbulenceEvery.max);

/** The opgave's knowledge side (ODD.md §7.4): m knobs per knowledge aspect, N = m·K_know. */
const landscapeSchema = z.object({
  /** Knobs per knowledge aspect (m); default min(4, ⌊20 / K_know⌋). */
  knobs: z.number().int().min(1).max(8).optional(),
  /** κ: how many other knobs each knob's contribution depends on (0: a known problem, one peak;
   * high: many local peaks). At most N − 1; a larger value is lowered to N − 1. */
  interdependence: z.number().int().min(0).max(19).default(3),
  /** Share of each knob's dependencies inside its own aspect (modularity). */
  withinShare: unit.default(0.75),
  /** δ: share of the knobs on which what the dominant sector's stakes favour differs from the best approach. */
  distance: unit.default(0.3),
  /** Share of the knobs whose contribution tables are redrawn every `turbulenceEvery` ticks (0: none). */
  turbulence: turbulenceShare.default(LANDSCAPE_LIVE.turbulence.default),
  turbulenceEvery: turbulencePeriod.default(LANDSCAPE_LIVE.turbulenceEvery.default),
  /** One line on why these values fit the story (a known problem, a complex one, turbulent). */
  reason: bilingual.optional(),
}).strict();

const aspectSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and dashes'),
  label: bilingual,
  kind: z.enum(['knowledge', 'value']),
  /** Engine 0.2's single hidden solution value s*_k. Ignored since engine 0.3 (the landscape of
   * knobs replaces it, ODD.md §7.4); accepted so older scenario files still load. */
  solution: unit.optional(),
  /** Acting on this aspect needs reach to clients or residents (access), by every route:
   * solo, deal, chain or project (ODD.md §7.5). */
  requiresAccess: z.boolean().default(false),
  /** Acting on this aspect needs formal authority (mandate): a decision only, e.g., the
   * municipality can take (ODD.md §7.5). */
  requiresMandate: z.boolean().default(false),
}).strict();

const sectorSchema = z.object({
  id: z.string().min(1),
  label: bilingual,
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1f77b4'),
  affectedness: unit,
  rivals: z.array(z.string()).default([]),
  /** Expertise per aspect for the sector's actors (what the sector knows); default 0.3. */
  expertise: perAspect.optional(),
}).strict();

const POSITIONS = ['outside', 'periphery', 'core'] as const;

const actorSchema = z.object({
  name: z.string().min(1),
  sector: z.string().min(1),
  stake: perAspect,
  knowledge: perAspect.optional(),
  resources: z.number().min(0).max(100).default(1),
  mandate: unit.default(0),
  reputation: unit.default(0.5),
  access: unit.default(0),
  proactiveness: unit.default(0.3),
  openness: unit.default(0.3),
  achterban: unit.default(0.5),
  behaviour: z.union([z.enum(ARCHETYPES), profileSchema]).default('netwerker'),
  engagement: unit.default(0.5),
  position: z.enum(POSITIONS).optional(),
  /** Granovetter threshold: trusted project members an actor must see before it joins. */
  threshold: z.number().min(0).max(10000).default(0),
  present: z.boolean().default(true),
  /** DeGroot self-weight W_ii for this actor; default: the `selfWeight` parameter (docking). */
  selfWeight: z.number().min(0).max(100).optional(),
  /** Initial belief per aspect (used on knowledge aspects) instead of s* plus expertise-scaled
   * noise; for docking to DeGroot and for teaching cases with a known error. */
  belief: perAspect.optional(),
}).strict();

const groupSchema = z.object({
  name: z.string().min(1),
  label: bilingual,
  sector: z.string().min(1),
  /** How many actors; or leave it out and give `share` of the scenario's `population`. */
  count: z.number().int().min(0).max(1_000_000).default(0),
  share: z.number().min(0).max(1).optional(),
  stake: perAspectDist,
  knowledge: perAspectDist.optional(),
  resources: z.union([z.number().min(0).max(100), z.object({ mean: z.number().min(0), sd: z.number().min(0) }).strict()]).default(0.5),
  mandate: distSchema.default(0),
  reputation: distSchema.default(0.3),
  access: distSchema.default(0),
  proactiveness: distSchema.default(0.1),
  openness: distSchema.default(0.3),
  /** Representation a_i; left out: 0.5 for a group of organisations, 0 for persons. */
  achterban: distSchema.optional(),
  /** The group's members are organisations (they represent a constituency) rather than persons. */
  organisation: z.boolean().default(false),
  engagement: distSchema.default(0.3),
  behaviour: z.object({ netwerker: unit, transactioneel: unit, meelifter: unit }).strict()
    .default({ netwerker: 0.4, transactioneel: 0.3, meelifter: 0.3 }),
  threshold: z.number().min(0).default(0),
  /** Random ties each member draws; `sameSector` is the share drawn within the group. */
  ties: z.object({ perActor: z.number().int().min(0).max(1000), trust: distSchema, sameSector: unit.default(0.7) })
    .strict().default({ perActor: 3, trust: { min: 0.1, max: 0.4 }, sameSector: 0.7 }),
}).strict();

/** A tie is mutual (both directions, same trust) unless `directed`: then only from → to, i.e.
 * how far `from` trusts `to` (asymmetric trust, e.g. a DeGroot weight matrix). */
const tieSchema = z.object({ from: z.string(), to: z.string(), trust: unit, directed: z.boolean().optional() }).strict();

const rulesField = z.union([
  z.string(),
  partialRulesSchema.extend({ preset: z.string().optional() }).strict(),
]);

const paramsShape: Record<string, z.ZodTypeAny> = {};
for (const [key, spec] of Object.entries(PARAMS)) {
  paramsShape[key] = spec.kind === 'enum'
    ? z.enum(spec.options as unknown as [string, ...string[]]).optional()
    : (spec.kind === 'integer' ? z.number().int() : z.number()).min(spec.min).max(spec.max).optional();
}
export const paramsSchema = z.object(paramsShape).strict();

const target = z.string().min(1).describe("an actor's name, 'sector:<id>', 'group:<name>' or '*'");
const change = { to: z.number().optional(), by: z.number().optional() };
const base = { tick: z.number().int().min(0), label: bilingual.optional() };

export const TRAITS = ['resources', 'mandate', 'reputation', 'access', 'proactiveness', 'openness', 'achterban', 'engagement'] as const;
export type Trait = (typeof TRAITS)[number];

export const eventSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('resourceCut'), target, cut: unit }).strict(),
  z.object({ ...base, type: z.literal('stakeShift'), target, aspect: z.string(), ...change }).strict(),
  z.object({ ...base, type: z.literal('shift'), target, trait: z.enum(TRAITS), ...change }).strict(),
  z.object({ ...base, type: z.literal('enter'), target }).strict(),
  z.object({ ...base, type: z.literal('leave'), target }).strict(),
  z.object({ ...base, type: z.literal('rules'), rules: rulesField }).strict(),
  z.object({ ...base, type: z.literal('params'), params: paramsSchema }).strict(),
  // The six domains as levers (ODD.md (Spelregels)).
  z.object({ ...base, type: z.literal('agendering'), amount: unit.default(0.3) }).strict(),
  z.object({ ...base, type: z.literal('platform'), amount: z.number().min(0).max(1000).default(5) }).strict(),
  // amount: the share of the distance to full engagement closed (ODD.md §6).
  z.object({ ...base, type: z.literal('mobilise'), target, amount: unit.default(0.3) }).strict(),
  z.object({ ...base, type: z.literal('mandate'), target, amount: unit.default(0.3) }).strict(),
  z.object({ ...base, type: z.literal('broker'), target, with: z.string().min(1) }).strict(),
  // The opgave's turbulence changed mid-run (ODD.md §7.4): the share of knobs redrawn and how often.
  z.object({ ...base, type: z.literal('landscape'), turbulence: turbulenceShare.optional(), turbulenceEvery: turbulencePeriod.optional() }).strict(),
]);
export type ScenarioEvent = z.infer<typeof eventSchema>;
/** An event as written, before the schema's defaults (a lever's amount) are filled in. */
export type ScenarioEventInput = z.input<typeof eventSchema>;
export type EventType = ScenarioEvent['type'];
export const eventsFileSchema = z.union([z.array(eventSchema), z.object({ events: z.array(eventSchema) }).passthrough()]);

export const scenarioSchema = z.object({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and dashes'),
  title: bilingual,
  description: bilingual,
  watchFor: z.object({ nl: z.array(z.string()), en: z.array(z.string()) }).strict().optional(),
  patterns: z.array(z.string().regex(/^P(10|[1-9])$/, 'a pattern id P1…P10')).default([]),
  ticks: z.number().int().min(1).max(100000).default(200),
  /** Total generated actors, split over the groups that give a `share` (e.g. `--set population=10000`). */
  population: z.number().int().min(0).max(10_000_000).optional(),
  opgave: z.object({
    severity: unit.default(1),
    /** Engine 0.2's spread and sector error of initial beliefs around s*. Ignored since engine
     * 0.3 (silo expertise and the stake bias shape initial beliefs, ODD.md §7.4); accepted so
     * older scenario files still load. */
    beliefNoise: unit.optional(),
    beliefBias: unit.optional(),
    /** Felt urgency at the start. */
    urgency: unit.default(0.5),
    /** The knowledge side as a landscape of knobs (ODD.md §7.4). */
    landscape: landscapeSchema.default({ interdependence: 3, withinShare: 0.75, distance: 0.3, turbulence: 0, turbulenceEvery: 50 }),
  }).strict().default({ severity: 1, urgency: 0.5, landscape: { interdependence: 3, withinShare: 0.75, distance: 0.3, turbulence: 0, turbulenceEvery: 50 } }),
  aspects: z.array(aspectSchema).min(1).max(8),
  sectors: z.array(sectorSchema).min(1).max(64),
  actors: z.array(actorSchema).default([]),
  groups: z.array(groupSchema).default([]),
  ties: z.array(tieSchema).default([]),
  rules: rulesField.default('open-netwerk'),
  params: paramsSchema.default({}),
  /** The archetypes' profiles for this scenario (actors named by archetype, groups' and the
   * rules' behaviour mix); each one left out keeps ARCHETYPE_PROFILES. */
  archetypes: archetypesSchema.default({}),
  events: z.array(eventSchema).default([]),
  /** Short names for `--set`, e.g. { "actors": "groups.0.count" }. */
  aliases: z.record(z.string(), z.string()).default({}),
}).strict().transform((s) => {
  // Groups given as a share of the population get their counts here, largest remainder first,
  // so the total is exactly `population`.
  if (s.population === undefined) return s;
  const shared = s.groups.map((g, i) => [g, i] as const).filter(([g]) => g.share !== undefined);
  const total = shared.reduce((a, [g]) => a + (g.share ?? 0), 0);
  if (!shared.length || total <= 0) return s;
  const exact = shared.map(([g]) => (s.population! * (g.share ?? 0)) / total);
  const counts = exact.map(Math.floor);
  let left = s.population - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - counts[i], i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let t = 0; left > 0; t++, left--) counts[order[t % order.length][1]]++;
  const groups = s.groups.map((g) => ({ ...g }));
  shared.forEach(([, gi], j) => { groups[gi].count = counts[j]; });
  return { ...s, groups };
}).superRefine((s, ctx) => {
  const aspectIds = new Set(s.aspects.map((a) => a.id));
  const sectorIds = new Set(s.sectors.map((x) => x.id));
  const names = new Set<string>();
  const know = s.aspects.filter((a) => a.kind === 'knowledge').length;
  const land = s.opgave.landscape;
  if (know > 0 && land.knobs !== undefined) {
    const max = land.turbulence > 0 ? MAX_KNOBS_TURBULENT : MAX_KNOBS;
    if (land.knobs * know > max) {
      ctx.addIssue({ code: 'custom', path: ['opgave', 'landscape', 'knobs'], message: `${land.knobs} knobs × ${know} knowledge aspects = ${land.knobs * know}; at most ${max} knobs in all${land.turbulence > 0 ? ' with turbulence' : ''} (at most ${Math.floor(max / know)} per aspect here)` });
    }
  }
  if (know > 0 && land.turbulence > 0 && land.knobs === undefined && knobsPerAspect(know) * know > MAX_KNOBS_TURBULENT) {
    ctx.addIssue({ code: 'custom', path: ['opgave', 'landscape', 'knobs'], message: `with turbulence at most ${MAX_KNOBS_TURBULENT} knobs in all: give knobs ≤ ${Math.floor(MAX_KNOBS_TURBULENT / know)} for ${know} knowledge aspects` });
  }
  const checkPerAspect = (v: unknown, path: (string | number)[]) => {
    if (Array.isArray(v)) {
      if (v.length !== s.aspects.length) ctx.addIssue({ code: 'custom', path, message: `expected ${s.aspects.length} values, one per aspect (${[...aspectIds].join(', ')}), got ${v.length}` });
    } else if (v && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        if (!aspectIds.has(k)) ctx.addIssue({ code: 'custom', path: [...path, k], message: `unknown aspect '${k}'; aspects are: ${[...aspectIds].join(', ')}` });
      }
      for (const id of aspectIds) {
        if (!(id in v)) ctx.addIssue({ code: 'custom', path, message: `missing aspect '${id}'` });
      }
    }
  };
  s.sectors.forEach((sec, i) => {
    if (sec.expertise) checkPerAspect(sec.expertise, ['sectors', i, 'expertise']);
    sec.rivals.forEach((r, j) => {
      if (!sectorIds.has(r)) ctx.addIssue({ code: 'custom', path: ['sectors', i, 'rivals', j], message: `unknown sector '${r}'` });
    });
  });
  s.actors.forEach((a, i) => {
    if (names.has(a.name)) ctx.addIssue({ code: 'custom', path: ['actors', i, 'name'], message: `duplicate actor name '${a.name}'` });
    names.add(a.name);
    if (!sectorIds.has(a.sector)) ctx.addIssue({ code: 'custom', path: ['actors', i, 'sector'], message: `unknown sector '${a.sector}'; sectors are: ${[...sectorIds].join(', ')}` });
    checkPerAspect(a.stake, ['actors', i, 'stake']);
    if (a.knowledge) checkPerAspect(a.knowledge, ['actors', i, 'knowledge']);
    if (a.belief) checkPerAspect(a.belief, ['actors', i, 'belief']);
  });
  s.groups.forEach((g, i) => {
    if (!sectorIds.has(g.sector)) ctx.addIssue({ code: 'custom', path: ['groups', i, 'sector'], message: `unknown sector '${g.sector}'; sectors are: ${[...sectorIds].join(', ')}` });
    checkPerAspect(g.stake, ['groups', i, 'stake']);
    if (g.knowledge) checkPerAspect(g.knowledge, ['groups', i, 'knowledge']);
  });
  s.ties.forEach((t, i) => {
    if (!names.has(t.from)) ctx.addIssue({ code: 'custom', path: ['ties', i, 'from'], message: `unknown actor '${t.from}'` });
    if (!names.has(t.to)) ctx.addIssue({ code: 'custom', path: ['ties', i, 'to'], message: `unknown actor '${t.to}'` });
    if (t.from === t.to) ctx.addIssue({ code: 'custom', path: ['ties', i], message: 'a tie needs two different actors' });
  });
  const checkRules = (r: unknown, path: (string | number)[]) => {
    const id = typeof r === 'string' ? r : (r as { preset?: string }).preset;
    if (id !== undefined && !PRESETS.some((p) => p.id === id)) {
      ctx.addIssue({ code: 'custom', path: typeof r === 'string' ? path : [...path, 'preset'], message: `unknown rule preset '${id}'; valid: ${PRESETS.map((p) => p.id).join(', ')}` });
    }
  };
  checkRules(s.rules, ['rules']);
  for (const issue of eventIssues(s as Scenario, s.events, { prefix: 'events' })) {
    ctx.addIssue({ code: 'custom', path: issuePath(issue.path), message: issue.message });
  }
});

/** 'events[3].rules.preset' → ['events', 3, 'rules', 'preset'] (zod's issue path). */
function issuePath(text: string): (string | number)[] {
  return text.split(/[.[\]]+/).filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;

export { RULE_OPTIONS };
export type { ParamKey };
