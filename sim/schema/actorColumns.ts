// The per-actor output's columns (`run --actors`, a batch spec's `actors`): one row per actor
// per sampled tick, long format, as Mesa's agent reporters or BehaviorSpace's tables give them.
// The data dictionary (`samenspel measures`) is generated from this list (docs/BATCH.md
// describes the columns by hand); the sampler (sim/analysis/batch/actors.ts) writes the columns in this order.
import type { Bilingual } from './params.ts';

export interface ColumnSpec {
  key: string;
  label: Bilingual;
  /** Definition, in Dutch and English. */
  doc: Bilingual;
  unit: Bilingual;
  /** Range; null = open-ended or not numeric. */
  min: number | null;
  max: number | null;
}

const c = (key: string, nl: string, en: string, unitNl: string, unitEn: string, min: number | null, max: number | null, docNl: string, docEn: string): ColumnSpec =>
  ({ key, label: { nl, en }, unit: { nl: unitNl, en: unitEn }, min, max, doc: { nl: docNl, en: docEn } });

export const ACTOR_OUTPUT_COLUMNS: readonly ColumnSpec[] = [
  c('run', 'Run', 'Run', 'tekst', 'text', null, null,
    'Welke run: de runId in een batch, anders "<scenario>__s<seed>".', 'Which run: the runId in a batch, else "<scenario>__s<seed>".'),
  c('tick', 'Ronde', 'Tick', 'ronden', 'ticks', 0, null, 'De ronde van de meting (0 = begintoestand).', 'The tick sampled (0 = the initial state).'),
  c('actor', 'Actor-nummer', 'Actor index', 'nummer', 'index', 0, null,
    'Volgnummer van de actor (0 = eerste benoemde actor; daarna de leden van elke groep).', 'Index of the actor (0 = the first named actor; then each group\'s members).'),
  c('name', 'Naam', 'Name', 'tekst', 'text', null, null, 'Naam van de actor (groepsleden: "<groep> <n>").', 'The actor\'s name (group members: "<group> <n>").'),
  c('sector', 'Sector', 'Sector', 'tekst', 'text', null, null, 'Id van de sector van de actor.', 'Id of the actor\'s sector.'),
  c('position', 'Positie', 'Position', 'categorie', 'category', null, null,
    'Positie in het netwerk: core (kern), periphery (periferie) of outside (buiten).', 'Position in the network: core, periphery or outside.'),
  c('present', 'Aanwezig', 'Present', '0/1', '0/1', 0, 1,
    '1 als de actor in het netwerk aanwezig is (binnengekomen en niet vertrokken), anders 0.', '1 if the actor is present (entered and not left), else 0.'),
  c('engagement', 'Betrokkenheid', 'Engagement', 'aandeel', 'share', 0, 1,
    'Betrokkenheid e_i bij het netwerk; beweegt met identiteit en opbrengst en bepaalt de positie (ODD.md §7.6, §7.7).', 'Engagement e_i with the network; moves with identity and returns, and sets the position (ODD.md §7.6, §7.7).'),
  c('resources', 'Middelen', 'Resources', 'middelen', 'resources', 0, null, 'De middelen r_i van de actor: zijn budget per ronde (ODD.md §2).', 'The actor\'s resources r_i: its budget per tick (ODD.md §2).'),
  c('trust_mean', 'Gemiddeld vertrouwen', 'Mean trust', 'aandeel', 'share', 0, 1,
    'Gemiddeld vertrouwen van de actor in zijn relaties; leeg zonder relaties.', 'Mean trust of the actor in its ties; empty without ties.'),
  c('degree', 'Relaties', 'Degree', 'relaties', 'ties', 0, null, 'Aantal relaties (uitgaande vertrouwensrelaties) van de actor.', 'Number of the actor\'s (outgoing trust) ties.'),
  c('coreness', 'Kernscore', 'Coreness', 'score', 'score', 0, null,
    'Continue kernscore c_i (Borgatti & Everett 2000), zoals de maat kern-periferiestructuur die gebruikt (ODD.md §7.9).', 'Continuous coreness c_i (Borgatti & Everett 2000), as the core–periphery fit measure uses it (ODD.md §7.9).'),
  c('approach', 'Aanpak', 'Approach', 'knoppen', 'knobs', null, null,
    'De aanpak die de actor nu zou proberen: per knop 1 (aan) of 0 (uit), knop 0 eerst, per kennisaspect m knoppen (ODD.md §7.4); leeg zonder kennisaspecten. Tekst, zodat voorloopnullen blijven.', 'The approach the actor would now try: per knob 1 (on) or 0 (off), knob 0 first, m knobs per knowledge aspect (ODD.md §7.4); empty without knowledge aspects. Text, so leading zeros stay.'),
  c('approach_worth', 'Waarde aanpak', 'Approach worth', 'aandeel', 'share', 0, 1,
    'De waarde ω van die aanpak: het deel van de haalbare verbetering boven een willekeurige aanpak (ODD.md §7.4); leeg zonder kennisaspecten.', 'The worth ω of that approach: the share of the achievable improvement over an arbitrary approach (ODD.md §7.4); empty without knowledge aspects.'),
];

/** Per aspect: the actor's preference and belief on it (columns pref_<aspect>, belief_<aspect>). */
export const ACTOR_ASPECT_COLUMNS: readonly ColumnSpec[] = [
  c('pref_<aspect>', 'Voorkeur', 'Preference', 'positie', 'position', 0, 1,
    'De voorkeur p_ik van de actor op aspect k: waar hij de opgave heen wil hebben.', 'The actor\'s preference p_ik on aspect k: where it wants the opgave to go.'),
  c('belief_<aspect>', 'Overtuiging', 'Belief', 'positie', 'position', 0, 1,
    'Op een kennisaspect: de projectie P_k(β_i) van de overtuigingen per knop — het deel van de knoppen van het aspect dat de actor zet zoals een hoog belang ingeeft; op een waardeaspect gelijk aan het belang.', 'On a knowledge aspect: the projection P_k(β_i) of the knob beliefs — the share of the aspect\'s knobs the actor sets the way a high stake favours; on a value aspect equal to the stake.'),
];

/** The header of a per-actor table for a scenario with these aspects. */
export function actorColumnNames(aspectIds: readonly string[]): string[] {
  return [
    ...ACTOR_OUTPUT_COLUMNS.map((col) => col.key),
    ...aspectIds.map((a) => `pref_${a}`),
    ...aspectIds.map((a) => `belief_${a}`),
  ];
}
