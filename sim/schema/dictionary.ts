// The data dictionary (`samenspel measures`): each measure's unit and Dutch definition, next to
// the label, range and English definition that sim/schema/measures.ts holds (and ODD.md §7.9's
// table shows). Keyed by measure; tests/cli/measures.test.ts fails when a measure lacks an entry.
// The per-actor columns carry all of this themselves (sim/schema/actorColumns.ts).
import type { Bilingual } from './params.ts';
import { MEASURES, type MeasureSpec } from './measures.ts';
import { ACTOR_ASPECT_COLUMNS, ACTOR_OUTPUT_COLUMNS, type ColumnSpec } from './actorColumns.ts';

const SHARE: Bilingual = { nl: 'aandeel (0–1)', en: 'share (0–1)' };
const INDEX: Bilingual = { nl: 'index (0–1)', en: 'index (0–1)' };
const ACTORS: Bilingual = { nl: 'actoren', en: 'actors' };
const PAYOFF: Bilingual = { nl: 'opbrengst per ronde', en: 'payoff per tick' };

const d = (unit: Bilingual, nl: string) => ({ unit, nl });

export const MEASURE_DICTIONARY: Record<string, { unit: Bilingual; nl: string }> = {
  richten: d(INDEX, 'Eensgezindheid over de richting: 1 − 2·Σ e_i‖p_i − p̄‖ / (D·Σ e_i), begrensd; p̄ de naar betrokkenheid gewogen gemiddelde voorkeur, D = √K.'),
  leren: d(INDEX, 'Gemiddelde over kennisaspecten van max(0, κ̄_k − σ_k), κ_ik = 1 − |β_ik − s*_k|, naar betrokkenheid gewogen gemiddelde en spreiding (0 zonder kennisaspecten).'),
  lerenGain: d({ nl: 'verschil', en: 'difference' }, 'leren min de waarde in ronde 0.'),
  handelen: d(SHARE, 'Deel van de middelen van betrokken (niet-buiten) actoren dat deze ronde naar gezamenlijke projecten gaat.'),
  coherence: d(INDEX, 'Naar bijdrage gewogen 1 − ‖d − A‖/D over projectbijdragen (d de projectrichting, A de agenda); 0 zonder projectbijdragen.'),
  balance: d(INDEX, 'Meetkundig / rekenkundig gemiddelde van de drie functies, elk herschaald vanaf de waarde in ronde 0 als max(0, f − f0)/(1 − f0); 0 als alle drie op of onder hun begin liggen.'),
  impact: d({ nl: 'per eenheid beginmiddelen', en: 'per unit of initial resources' }, 'Opgetelde effectieve opbrengst (opbrengst × effectiviteit) per eenheid van de totale beginmiddelen.'),
  severity: d(SHARE, 'De resterende ernst van de opgave: elke ronde × (1 − solveRate × effectieve opbrengst per beginmiddelen).'),
  core: d(ACTORS, 'Aanwezige actoren in de kern.'),
  periphery: d(ACTORS, 'Aanwezige actoren in de periferie.'),
  outside: d(ACTORS, 'Aanwezige actoren buiten het netwerk.'),
  churn: d(ACTORS, 'Actoren waarvan de positie deze ronde veranderde.'),
  trust: d(SHARE, 'Gemiddeld vertrouwen over de relaties.'),
  density: d(SHARE, 'Gerichte relaties / (n·(n − 1)) onder aanwezige actoren.'),
  coreness: d({ nl: 'correlatie (−1–1)', en: 'correlation (−1–1)' }, 'Continu kern-periferiemodel van Borgatti & Everett (2000): Pearson-correlatie van W_ij met c_i·c_j over alle geordende paren.'),
  legitimacy: d(INDEX, '½ naar getroffenheid gewogen aandeel betrokken sectoren + ½ steun voor de agenda, gewogen naar mandaat en achterban.'),
  agendering: d(INDEX, 'Gevoelde urgentie: gemiddelde over aanwezige actoren van clamp(ernst × getroffenheid × (0,5 + urgentie)).'),
  interaction: d(SHARE, 'Deel van de ontmoetingen van deze ronde dat sectoren overbrugt.'),
  mobilisation: d(SHARE, 'Deel van de getroffen actoren (getroffenheid van de sector ≥ 0,5) dat niet buiten staat.'),
  platform: d(SHARE, 'Deel van de betrokken actoren dat lid is van een lopend project.'),
  samensturing: d(SHARE, 'Deel van de agenda dat samen bepaald is: 1 − (grootste gewicht / totaal gewicht) als de kern de agenda deze ronde vernieuwde, anders 0.'),
  legitimation: d(INDEX, 'De maat legitimiteit, als zesde domein.'),
  projects: d({ nl: 'projecten', en: 'projects' }, 'Lopende projecten (quorum gehaald, nog niet opgeleverd).'),
  meetings: d({ nl: 'ontmoetingen', en: 'meetings' }, 'Ontmoetingen in deze ronde.'),
  payoffNetwerker: d(PAYOFF, 'Gemiddeld opbrengstgeheugen (over de horizon van elke actor) van actoren die zich als netwerker gedragen; 0 als er geen zijn.'),
  payoffTransactioneel: d(PAYOFF, 'Hetzelfde voor transactionele actoren.'),
  payoffMeelifter: d(PAYOFF, 'Hetzelfde voor meelifters.'),
  present: d(ACTORS, 'Actoren die in het netwerk aanwezig zijn (binnengekomen en niet vertrokken).'),
};

export interface DictionaryEntry {
  /** 'measure' (a column of run CSVs and batch measures) or 'actor' (a per-actor column). */
  table: 'measure' | 'actor';
  key: string;
  label: Bilingual;
  definition: Bilingual;
  unit: Bilingual;
  min: number | null;
  max: number | null;
}

function measureEntry(m: MeasureSpec): DictionaryEntry {
  const extra = MEASURE_DICTIONARY[m.key];
  if (!extra) throw new Error(`measure '${m.key}' has no entry in MEASURE_DICTIONARY (sim/schema/dictionary.ts)`);
  return { table: 'measure', key: m.key, label: m.label, definition: { nl: extra.nl, en: m.doc }, unit: extra.unit, min: m.min, max: m.max };
}

const columnEntry = (c: ColumnSpec): DictionaryEntry =>
  ({ table: 'actor', key: c.key, label: c.label, definition: c.doc, unit: c.unit, min: c.min, max: c.max });

/** Every measure, then every per-actor column, in output order. */
export function dataDictionary(): DictionaryEntry[] {
  return [...MEASURES.map(measureEntry), ...ACTOR_OUTPUT_COLUMNS.map(columnEntry), ...ACTOR_ASPECT_COLUMNS.map(columnEntry)];
}
