// The measures of ODD.md §7.9, in their fixed column order, with labels and ranges. The CLI's
// CSV columns, the app's charts and ODD.md's measure table are generated from this list.
import type { Bilingual } from './params.ts';

export interface MeasureSpec { key: string; label: Bilingual; min: number; max: number | null; doc: string }

const m = (key: string, nl: string, en: string, min: number, max: number | null, doc: string): MeasureSpec =>
  ({ key, label: { nl, en }, min, max, doc });

export const MEASURES: readonly MeasureSpec[] = [
  m('richten', 'Samen richten', 'Joint direction', 0, 1, '1 − 2·Σ e_i‖p_i − p̄‖ / (D·Σ e_i), clamped; p̄ the engagement-weighted mean preference, D = √K.'),
  m('leren', 'Samen leren', 'Joint learning', 0, 1, 'The worth of the approaches actors would now try and how shared they are: the engagement-weighted mean ω of their approaches × their agreement on the knobs (mean over knobs of |2·share on − 1|, engagement-weighted); 0 without knowledge aspects (ODD.md §7.4).'),
  m('lerenGain', 'Leerwinst', 'Learning gain', -1, 1, 'leren minus its tick-0 value.'),
  m('handelen', 'Samen handelen', 'Joint action', 0, 1, "Share of engaged (non-outside) actors' resources contributed to joint projects this tick."),
  m('coherence', 'Samenhang', 'Coherence', 0, 1, 'Contribution-weighted 1 − ‖d − A‖/D over project contributions (d the project direction, A the agenda); 0 without project contributions.'),
  m('balance', 'Balans', 'Balance', 0, 1, 'Geometric / arithmetic mean of the three functions, each rescaled from its tick-0 value as max(0, f − f0)/(1 − f0); 0 when all three are at or below their start.'),
  m('impact', 'Impact', 'Impact', 0, null, 'Cumulative effective output (output × effectiveness) per unit of initial total resources.'),
  m('severity', 'Ernst opgave', 'Severity', 0, 1, "The opgave's remaining severity: × (1 − solveRate × effective output per initial resources) each tick."),
  m('core', 'Kern', 'Core', 0, null, 'Present actors in the core.'),
  m('periphery', 'Periferie', 'Periphery', 0, null, 'Present actors in the periphery.'),
  m('outside', 'Buiten', 'Outside', 0, null, 'Present actors outside.'),
  m('churn', 'Verschuivingen', 'Churn', 0, null, 'Actors whose position changed this tick.'),
  m('trust', 'Vertrouwen', 'Trust', 0, 1, 'Mean trust over ties.'),
  m('density', 'Dichtheid', 'Density', 0, 1, 'Directed ties / (n·(n − 1)) among present actors.'),
  m('coreness', 'Kern-periferiestructuur', 'Core–periphery fit', -1, 1, 'Borgatti & Everett (2000) continuous model: Pearson correlation of W_ij with c_i·c_j over all ordered pairs, c from warm-started power iterations on (W + Wᵀ)/2 + I.'),
  m('legitimacy', 'Legitimiteit', 'Legitimacy', 0, 1, '½ affectedness-weighted share of sectors engaged + ½ agenda endorsement Σ(mandate_i + a_i)·e_i·(1 − ‖A − o_i‖/D) / Σ(mandate_i + a_i).'),
  m('agendering', 'Agendering', 'Agenda-setting', 0, 1, 'Felt urgency: mean over present actors of clamp(severity × affectedness × (0.5 + urgency)).'),
  m('interaction', 'Interactie', 'Interaction', 0, 1, 'Share of this tick\'s meetings that cross sectors.'),
  m('mobilisation', 'Mobilisatie', 'Mobilisation', 0, 1, 'Share of affected actors (sector affectedness ≥ 0.5) not outside.'),
  m('platform', 'Platform', 'Platform', 0, 1, 'Share of engaged actors who are members of a running project.'),
  m('samensturing', 'Samensturing', 'Co-steering', 0, 1, 'Share of the agenda decided jointly: 1 − (largest weight / total weight) when the core renewed the agenda this tick, else 0.'),
  m('legitimation', 'Legitimatie', 'Legitimation', 0, 1, 'The legitimacy measure, as the sixth domain.'),
  m('projects', 'Lopende projecten', 'Running projects', 0, null, 'Projects running (past quorum, not yet delivered).'),
  m('meetings', 'Ontmoetingen', 'Meetings', 0, null, 'Meetings this tick.'),
  m('payoffNetwerker', 'Opbrengst netwerkers', 'Payoff of networkers', -100, null, "Mean payoff of actors behaving as netwerker over one common window of `payoffWindow` ticks (default 10) for every archetype (an exponential average, bias-corrected from the start of the run); 0 if none."),
  m('payoffTransactioneel', 'Opbrengst transactioneel', 'Payoff of transactional actors', -100, null, 'The same for transactioneel actors.'),
  m('payoffMeelifter', 'Opbrengst meelifters', 'Payoff of free riders', -100, null, 'The same for meelifter actors.'),
  m('present', 'Aanwezig', 'Present', 0, null, 'Actors present in the network (entered and not left).'),
];

export const MEASURE_KEYS = MEASURES.map((x) => x.key);
export const MEASURE_INDEX: Record<string, number> = Object.fromEntries(MEASURE_KEYS.map((k, i) => [k, i]));
