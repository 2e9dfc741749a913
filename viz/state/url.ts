// The shareable settings of a run, kept in the page's URL: scenario, start rules, `--set`
// overrides, seed, the interventions made so far with their ticks, the tick to show, language.
// Opening such a link replays the same run (the engine is deterministic).
import { parseEvents, type PartialRules, type ScenarioEvent } from '../../sim/meta.ts';

export type Lang = 'nl' | 'en';

export interface AppSettings {
  scenario: string;
  /** Start rules: a preset id, partial rules, or null for the scenario's own. */
  rules: string | PartialRules | null;
  sets: string[];
  seed: number | string;
  interventions: ScenarioEvent[];
  /** Tick to fast-forward to on opening (0 = start). */
  tick: number;
  /** The run's last tick when extended past the scenario's length ("10 / 50 / 100 more"); null = the scenario's. */
  end: number | null;
  lang: Lang;
  presenter: boolean;
  /** "Wat als hier?": this run branched at `at` from an original with other interventions
   * (drawn faint beside it); null for a plain run. */
  branch: Branch | null;
}

export interface Branch { at: number; orig: ScenarioEvent[]; origTick: number }

export const DEFAULT_SETTINGS: AppSettings = {
  scenario: 'jeugdhulp', rules: null, sets: [], seed: 1, interventions: [], tick: 0, end: null, lang: 'nl', presenter: false, branch: null,
};

/** Seeds as the CLI reads them: a number when the text is one, else the text. */
export function parseSeed(value: string): number | string {
  const n = Number(value);
  return Number.isFinite(n) && value.trim() !== '' ? n : value;
}

export function encodeSettings(s: AppSettings): string {
  const q = new URLSearchParams();
  q.set('scenario', s.scenario);
  q.set('seed', String(s.seed));
  if (s.rules !== null) q.set('rules', typeof s.rules === 'string' ? s.rules : JSON.stringify(s.rules));
  for (const x of s.sets) q.append('set', x);
  if (s.interventions.length) q.set('iv', JSON.stringify(s.interventions));
  if (s.tick > 0) q.set('t', String(s.tick));
  if (s.end !== null) q.set('end', String(s.end));
  if (s.lang !== 'nl') q.set('lang', s.lang);
  if (s.presenter) q.set('presenter', '1');
  if (s.branch) {
    q.set('branch', String(s.branch.at));
    q.set('orig', JSON.stringify(s.branch.orig));
    q.set('origt', String(s.branch.origTick));
  }
  return q.toString();
}

export interface Decoded { settings: AppSettings; problems: string[] }

/** Reads settings from a query string; what cannot be read is reported and left at default. */
export function decodeSettings(search: string): Decoded {
  const q = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const problems: string[] = [];
  const out: AppSettings = { ...DEFAULT_SETTINGS, sets: [], interventions: [] };
  const scenario = q.get('scenario');
  if (scenario) out.scenario = scenario;
  const seed = q.get('seed');
  if (seed !== null && seed.trim() !== '') out.seed = parseSeed(seed);
  const rules = q.get('rules');
  if (rules) {
    if (rules.trim().startsWith('{')) {
      try { out.rules = JSON.parse(rules) as PartialRules; } catch { problems.push(`rules: not valid JSON: ${rules}`); }
    } else out.rules = rules;
  }
  out.sets = q.getAll('set').filter((x) => x.includes('='));
  const iv = q.get('iv');
  if (iv) {
    try { out.interventions = parseEvents(JSON.parse(iv), 'iv (link)'); } catch (e) { problems.push((e as Error).message); }
  }
  const t = Number(q.get('t') ?? 0);
  if (Number.isInteger(t) && t > 0) out.tick = t;
  const end = q.get('end');
  if (end !== null) {
    const e = Number(end);
    if (Number.isInteger(e) && e > 0) out.end = e;
    else problems.push(`end: expected a positive whole number of ticks, got '${end}'`);
  }
  if (q.get('lang') === 'en') out.lang = 'en';
  out.presenter = q.get('presenter') === '1';
  const branch = q.get('branch');
  if (branch !== null) {
    const at = Number(branch), origTick = Number(q.get('origt') ?? NaN);
    try {
      const orig = parseEvents(JSON.parse(q.get('orig') ?? '[]'), 'orig (link)');
      if (Number.isInteger(at) && at >= 0 && Number.isInteger(origTick) && origTick >= at) out.branch = { at, orig, origTick };
      else problems.push(`branch: expected whole ticks with branch ≤ origt, got branch=${branch} origt=${q.get('origt')}`);
    } catch (e) { problems.push((e as Error).message); }
  }
  return { settings: out, problems };
}
