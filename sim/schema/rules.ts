// Spelregels (ODD.md (Spelregels)): the options, their bilingual labels, and the named presets.
import { z } from 'zod';
import type { Bilingual } from './params.ts';

export const RULE_OPTIONS = {
  setter: ['fixed', 'core'],
  entry: ['open', 'selective', 'invitation', 'closed'],
  sanction: ['trust', 'reputation', 'expulsion'],
  decision: ['consensus', 'weighted', 'lead'],
  knowledge: ['open', 'core-only', 'bilateral'],
  leadership: ['none', 'facilitating', 'directing'],
  structure: ['network', 'chain'],
} as const;

export const behaviourMixSchema = z.object({
  netwerker: z.number().min(0).max(1),
  transactioneel: z.number().min(0).max(1),
  meelifter: z.number().min(0).max(1),
}).strict().refine((m) => m.netwerker + m.transactioneel + m.meelifter > 0, {
  message: 'behaviour mix shares must not all be 0',
});

export const rulesSchema = z.object({
  setter: z.enum(RULE_OPTIONS.setter),
  entry: z.enum(RULE_OPTIONS.entry),
  tolerance: z.number().min(0).max(1),
  sanction: z.enum(RULE_OPTIONS.sanction),
  decision: z.enum(RULE_OPTIONS.decision),
  knowledge: z.enum(RULE_OPTIONS.knowledge),
  leadership: z.enum(RULE_OPTIONS.leadership),
  /** Name of the lead / leader; null = the core member with the strongest claim. */
  leader: z.string().nullable(),
  structure: z.enum(RULE_OPTIONS.structure),
  /** null keeps each actor's own profile from the scenario. */
  behaviour: behaviourMixSchema.nullable(),
}).strict();

export type Rules = z.infer<typeof rulesSchema>;
export type BehaviourMix = z.infer<typeof behaviourMixSchema>;
export const partialRulesSchema = rulesSchema.partial().strict();
export type PartialRules = z.infer<typeof partialRulesSchema>;

export const DEFAULT_RULES: Rules = {
  setter: 'fixed',
  entry: 'open',
  tolerance: 0.5,
  sanction: 'trust',
  decision: 'consensus',
  knowledge: 'open',
  leadership: 'none',
  leader: null,
  structure: 'network',
  behaviour: null,
};

export interface Preset { id: string; title: Bilingual; description: Bilingual; rules: PartialRules }

export const PRESETS: readonly Preset[] = [
  {
    id: 'open-netwerk',
    title: { nl: 'Open netwerk', en: 'Open network' },
    description: {
      nl: 'Iedereen die betrokken genoeg is, komt in de kern; besluiten bij consensus; kennis is open.',
      en: 'Anyone engaged enough joins the core; consensus decisions; open knowledge.',
    },
    rules: { entry: 'open', decision: 'consensus', knowledge: 'open', leadership: 'none', structure: 'network' },
  },
  {
    id: 'gesloten-kern',
    title: { nl: 'Gesloten kern', en: 'Closed core' },
    description: {
      nl: 'De kern laat niemand meer toe, houdt kennis voor zichzelf en besluit gewogen naar inzet.',
      en: 'The core admits nobody, keeps knowledge to itself and decides weighted by commitment.',
    },
    rules: { entry: 'closed', decision: 'weighted', knowledge: 'core-only', leadership: 'none', structure: 'network', sanction: 'expulsion' },
  },
  {
    id: 'faciliterend',
    title: { nl: 'Faciliterend netwerkleiderschap', en: 'Facilitating network leadership' },
    description: {
      nl: 'Een netwerkleider investeert in ontmoetingen over sectoren heen, verruimt het gesprek en mobiliseert buitenstaanders; de kern nodigt uit wie ontbreekt.',
      en: 'A network leader invests in cross-sector meetings, widens dialogue and mobilises outsiders; the core invites who is missing.',
    },
    rules: { entry: 'invitation', decision: 'consensus', knowledge: 'open', leadership: 'facilitating', structure: 'network' },
  },
  {
    id: 'sturende-regie',
    title: { nl: 'Sturende regie', en: 'Directing lead' },
    description: {
      nl: 'Eén regisseur bepaalt de agenda en trekt voorkeuren daarheen; de kern is gesloten.',
      en: 'One lead sets the agenda and pulls preferences toward it; the core is closed.',
    },
    rules: { entry: 'closed', decision: 'lead', knowledge: 'core-only', leadership: 'directing', structure: 'network' },
  },
  {
    id: 'keten',
    title: { nl: 'Keten', en: 'Chain' },
    description: {
      nl: 'Vaste klant-leveranciersrelaties: lineair, zonder vergaderkosten, coördinatie- of procesverlies; de actoren houden hun eigen gedrag.',
      en: 'Fixed client–supplier links: linear, no meeting cost, no coordination or process loss; actors keep their own behaviour.',
    },
    // Structure only: the behaviour mix stays the scenario's, so chain vs network compares one
    // thing (ODD.md (Spelregels)); the transactional chain is its own preset below.
    rules: { structure: 'chain', decision: 'lead', knowledge: 'bilateral', leadership: 'none', entry: 'closed', behaviour: null },
  },
  {
    id: 'keten-transactioneel',
    title: { nl: 'Transactionele keten', en: 'Transactional chain' },
    description: {
      nl: 'De keten, en alle actoren gedragen zich transactioneel (korte horizon, deals): twee dingen tegelijk veranderd.',
      en: 'The chain, and every actor behaves transactionally (short horizon, deals): two things changed at once.',
    },
    rules: { structure: 'chain', decision: 'lead', knowledge: 'bilateral', leadership: 'none', entry: 'closed', behaviour: { netwerker: 0, transactioneel: 1, meelifter: 0 } },
  },
  {
    id: 'vijf-netwerkregels',
    title: { nl: 'Vijf netwerkregels', en: 'Five network rules' },
    description: {
      nl: 'Alle actoren volgen de vijf netwerkregels: behoefte herkennen, waarde toevoegen, vertrouwen, lange adem, selectief.',
      en: 'All actors follow the five network rules: recognise needs, add value, trust, long breath, be selective.',
    },
    rules: { entry: 'open', decision: 'consensus', knowledge: 'open', leadership: 'none', structure: 'network', behaviour: { netwerker: 1, transactioneel: 0, meelifter: 0 } },
  },
  {
    id: 'transactioneel',
    title: { nl: 'Transactioneel', en: 'Transactional' },
    description: {
      nl: 'Dezelfde open spelregels, maar alle actoren gedragen zich transactioneel (korte horizon, deals).',
      en: 'The same open rules, but every actor behaves transactionally (short horizon, deals).',
    },
    rules: { entry: 'open', decision: 'consensus', knowledge: 'open', leadership: 'none', structure: 'network', behaviour: { netwerker: 0, transactioneel: 1, meelifter: 0 } },
  },
];

export const RULE_LABELS: Record<keyof Rules, Bilingual> = {
  setter: { nl: 'Wie bepaalt de spelregels', en: 'Who sets the rules' },
  entry: { nl: 'Toetreding tot de kern', en: 'Entry to the core' },
  tolerance: { nl: 'Tolerantie voor meeliften', en: 'Tolerance for free riding' },
  sanction: { nl: 'Sanctie', en: 'Sanction' },
  decision: { nl: 'Besluitvorming', en: 'Decision rule' },
  knowledge: { nl: 'Kennisregime', en: 'Knowledge regime' },
  leadership: { nl: 'Netwerkleiderschap', en: 'Network leadership' },
  leader: { nl: 'Leider / regisseur', en: 'Leader / lead' },
  structure: { nl: 'Structuur', en: 'Structure' },
  behaviour: { nl: 'Gedragsmix', en: 'Behaviour mix' },
};

export const OPTION_LABELS: Record<string, Bilingual> = {
  fixed: { nl: 'vast', en: 'fixed' },
  core: { nl: 'de kern', en: 'the core' },
  open: { nl: 'open', en: 'open' },
  selective: { nl: 'selectief', en: 'selective' },
  invitation: { nl: 'op uitnodiging', en: 'by invitation' },
  closed: { nl: 'gesloten', en: 'closed' },
  trust: { nl: 'verlies van vertrouwen', en: 'lost trust' },
  reputation: { nl: 'verlies van reputatie', en: 'lost reputation' },
  expulsion: { nl: 'uitsluiting naar de periferie', en: 'expulsion to the periphery' },
  consensus: { nl: 'consensus', en: 'consensus' },
  weighted: { nl: 'gewogen naar inzet', en: 'weighted by commitment' },
  lead: { nl: 'regie (één beslist)', en: 'lead decides' },
  'core-only': { nl: 'alleen de kern', en: 'core only' },
  bilateral: { nl: 'bilateraal', en: 'bilateral' },
  none: { nl: 'geen', en: 'none' },
  facilitating: { nl: 'faciliterend', en: 'facilitating' },
  directing: { nl: 'sturend', en: 'directing' },
  network: { nl: 'netwerk', en: 'network' },
  chain: { nl: 'keten', en: 'chain' },
};

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

/** A change of rules as every caller gives it: a preset id, or changes with an optional preset. */
export type RulesChange = string | (PartialRules & { preset?: string });

function presetOrThrow(id: string): Preset {
  const preset = findPreset(id);
  if (!preset) throw new RangeError(`unknown rule preset '${id}'; valid presets: ${PRESETS.map((p) => p.id).join(', ')}`);
  return preset;
}

/**
 * The one way rules change, for the scenario's own rules, `--rules`, a batch strategy, a
 * rules event and the app alike: a preset id replaces the rules with that preset (on the
 * defaults); changes with a `preset` are that preset with the changes; changes without one
 * apply on top of `base`.
 */
export function resolveRules(base: Rules, change: RulesChange | undefined): Rules {
  if (change === undefined) return { ...base };
  if (typeof change === 'string') return { ...DEFAULT_RULES, ...presetOrThrow(change).rules };
  const { preset, ...rest } = change;
  if (preset !== undefined) return { ...DEFAULT_RULES, ...presetOrThrow(preset).rules, ...rest };
  return { ...base, ...rest };
}
