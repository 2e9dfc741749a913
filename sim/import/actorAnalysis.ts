// An actor analysis from a spreadsheet (actors, and optionally ties) → a scenario. Pure: text
// in, a scenario object out, so the CLI and the app's drag-and-drop share it. Every bad cell
// is reported at once, by file, row and column; nothing is half-imported.
import { parseScenario, InputError, type Issue } from '../schema/validate.ts';
import type { ScenarioInput } from '../schema/scenario.ts';
import {
  ACTOR_COLUMNS, classifyHeader, DEFAULT_AFFECTEDNESS, DEFAULT_KNOWLEDGE, DEFAULT_STAKE, DEFAULT_TRUST, MAX_ASPECTS,
  TIE_COLUMNS, type ColumnSpec,
} from './columns.ts';
import { parseActorType, parseBehaviour, parseDecimal, parsePosition, slug } from './cells.ts';
import { sectorColour } from './palette.ts';
import { readTable, type Table } from './table.ts';

export interface ActorAnalysisInput {
  actorsCsv: string;
  tiesCsv?: string;
  /** Which aspects to use, in this order (matched to the `stake:` columns); default: all of them. */
  aspects?: string[];
  /** These aspects become knowledge aspects (knobs on the opgave's landscape, ODD.md §7.4); the
   * rest are value aspects. */
  knowledge?: string[];
  /** @deprecated Engine 0.2's hidden solution values (`--solution aspect=value`). Since engine 0.3
   * the landscape replaces them: the aspects become knowledge aspects, the values are ignored
   * (with a warning). */
  solutions?: Record<string, number>;
  /** Aspects on which only an actor with enough access can change the outcome (`requiresAccess`). */
  requiresAccess?: string[];
  /** Aspects on which only an actor with enough mandate can change the outcome (`requiresMandate`, ODD.md §7.5). */
  requiresMandate?: string[];
  title?: string;
  /** The scenario id; default: from the title. */
  id?: string;
  /** File names for messages (e.g. the dropped files' names). */
  fileNames?: { actors?: string; ties?: string };
  /** Non-fatal remarks (ignored columns), e.g. printed on stderr. */
  warn?: (message: string) => void;
}

interface AspectColumn { id: string; label: string; stakeCol: number; knowledgeCol: number }

const MAX_NAMES_SHOWN = 20;

/** The reason written with the schema's default landscape: an actor analysis says nothing about it. */
const DEFAULT_LANDSCAPE_REASON = {
  nl: 'De standaardwaarden van het schema (een actoranalyse zegt niets over het landschap); ze tellen alleen voor kennisaspecten. Pas ze aan de opgave aan.',
  en: "The schema's defaults (an actor analysis says nothing about the landscape); they matter only for knowledge aspects. Adjust them to the opgave.",
};

/** Builds a valid scenario (the raw JSON form) or throws InputError naming file, row and column. */
export function importActorAnalysis(input: ActorAnalysisInput): ScenarioInput {
  const actorsFile = input.fileNames?.actors ?? 'actors.csv';
  const tiesFile = input.fileNames?.ties ?? 'ties.csv';
  const warn = input.warn ?? (() => {});
  const table = readTable(input.actorsCsv, actorsFile);
  const issues: Issue[] = [];

  // --- Header: fixed columns, stake:/knowledge: columns, the rest ignored with a warning.
  const col = new Map<string, number>();
  const stakeCols = new Map<string, { label: string; index: number }>();
  const knowledgeCols = new Map<string, { label: string; index: number }>();
  table.header.forEach((h, index) => {
    if (h === '') return;
    const c = classifyHeader(h, ACTOR_COLUMNS);
    if (!c) { warn(`${actorsFile}: column '${h}' is not used (unknown column name)`); return; }
    if ('key' in c) {
      if (col.has(c.key)) issues.push({ path: `row 1, column '${h}'`, message: `a second '${c.key}' column; keep one` });
      else col.set(c.key, index);
      return;
    }
    const id = slug(c.aspect);
    if (!id) { issues.push({ path: `row 1, column '${h}'`, message: `expected an aspect name after '${h.slice(0, h.indexOf(':') + 1)}'` }); return; }
    const target = c.prefix === 'stake' ? stakeCols : knowledgeCols;
    if (target.has(id)) issues.push({ path: `row 1, column '${h}'`, message: `aspect '${id}' has a second ${c.prefix} column` });
    else target.set(id, { label: c.aspect, index });
  });
  for (const spec of ACTOR_COLUMNS) {
    if (spec.required && !col.has(spec.key)) {
      const or = spec.names.length > 1 ? ` (or ${spec.names.slice(1).map((n) => `'${n}'`).join(', ')})` : '';
      issues.push({ path: 'row 1', message: `missing the required column '${spec.names[0]}'${or}` });
    }
  }
  const aspects = chooseAspects(stakeCols, knowledgeCols, input.aspects, actorsFile, issues, warn);
  const knowledgeIds = checkAspectList('--knowledge', input.knowledge, aspects, issues);
  const solutionNames = Object.keys(input.solutions ?? {});
  for (const id of checkAspectList('--solution', solutionNames, aspects, issues)) knowledgeIds.add(id);
  const needsAccess = checkAspectList('--requires-access', input.requiresAccess, aspects, issues);
  const needsMandate = checkAspectList('--requires-mandate', input.requiresMandate, aspects, issues);
  if (issues.length) throw new InputError(actorsFile, issues);
  if (solutionNames.length) {
    const named = solutionNames.map((n) => slug(n)).join(',');
    warn(`--solution is deprecated: ${named} made knowledge aspect(s), but the value is ignored since engine 0.3 (the landscape of knobs replaces it); use --knowledge ${named}`);
  }

  // --- Rows.
  const actors: Record<string, unknown>[] = [];
  const rowOfName = new Map<string, number>();
  const sectorOrder: string[] = [];
  const sectorLabel = new Map<string, string>();
  const sectorAffect = new Map<string, number[]>();
  for (const { row, cells } of table.rows) {
    const cell = (key: string) => (col.has(key) ? cells[col.get(key)!] ?? '' : '');
    const where = (key: string) => `row ${row}, column '${table.header[col.get(key)!]}'`;
    // A row's problems are listed left to right, as the spreadsheet shows the cells.
    const rowIssues: [number, Issue][] = [];
    const flush = () => { rowIssues.sort((a, b) => a[0] - b[0]).forEach(([, i]) => issues.push(i)); };
    const name = cell('name');
    if (!name) { issues.push({ path: where('name'), message: 'expected a name, got an empty cell' }); continue; }
    if (rowOfName.has(name)) { issues.push({ path: where('name'), message: `'${name}' is already on row ${rowOfName.get(name)}; names must be unique` }); continue; }
    rowOfName.set(name, row);
    const sectorText = cell('sector');
    const sector = slug(sectorText);
    if (!sector) rowIssues.push([col.get('sector')!, { path: where('sector'), message: sectorText ? `'${sectorText}' has no letters or digits` : 'expected a sector, got an empty cell' }]);
    else if (!sectorLabel.has(sector)) { sectorOrder.push(sector); sectorLabel.set(sector, sectorText); sectorAffect.set(sector, []); }

    const traits: Record<string, unknown> = {};
    for (const spec of ACTOR_COLUMNS) {
      if (spec.key === 'name' || spec.key === 'sector' || !col.has(spec.key)) continue;
      const raw = cell(spec.key);
      if (raw === '') continue;
      const value = readCell(spec, raw, (message) => rowIssues.push([col.get(spec.key)!, { path: where(spec.key), message }]));
      if (value === undefined) continue;
      if (spec.key === 'affectedness') { if (sector) sectorAffect.get(sector)!.push(value as number); } else traits[spec.key] = value;
    }
    // A person speaks on a personal title: no constituency unless the achterban cell says so
    // (the schema's default for named actors, 0.5, is an organisation's).
    const isPerson = traits.type === 'person';
    delete traits.type;
    if (isPerson && traits.achterban === undefined && (!col.has('achterban') || cell('achterban') === '')) traits.achterban = 0;
    const stake: Record<string, number> = {};
    let knowledge: Record<string, number> | undefined;
    for (const a of aspects) {
      const at = (index: number) => `row ${row}, column '${table.header[index]}'`;
      const s = cells[a.stakeCol] ?? '';
      stake[a.id] = s === '' ? DEFAULT_STAKE : unitOr(s, DEFAULT_STAKE, (m) => rowIssues.push([a.stakeCol, { path: at(a.stakeCol), message: m }]));
      const k = a.knowledgeCol >= 0 ? cells[a.knowledgeCol] ?? '' : '';
      if (k !== '') {
        knowledge ??= Object.fromEntries(aspects.map((x) => [x.id, DEFAULT_KNOWLEDGE]));
        knowledge[a.id] = unitOr(k, DEFAULT_KNOWLEDGE, (m) => rowIssues.push([a.knowledgeCol, { path: at(a.knowledgeCol), message: m }]));
      }
    }
    flush();
    // Stakes first, as in the shipped scenarios.
    actors.push({ name, sector, stake, ...(knowledge ? { knowledge } : {}), ...traits });
  }
  if (!table.rows.length) issues.push({ path: 'row 2', message: 'no actors: expected one row per actor below the header' });
  if (issues.length) throw new InputError(actorsFile, issues);

  const names = [...rowOfName.keys()];
  const ties = input.tiesCsv !== undefined ? readTies(readTable(input.tiesCsv, tiesFile), tiesFile, names, warn) : [];

  // --- The scenario.
  const title = input.title?.trim() || '';
  const source = input.tiesCsv !== undefined ? `${actorsFile} + ${tiesFile}` : actorsFile;
  const scenario: ScenarioInput = {
    id: input.id ? slug(input.id) || 'actoranalyse' : slug(title) || 'actoranalyse',
    title: title ? { nl: title, en: title } : { nl: `Actoranalyse (${baseName(actorsFile)})`, en: `Actor analysis (${baseName(actorsFile)})` },
    description: {
      nl: `Geïmporteerd uit ${source}: ${actors.length} actoren in ${sectorOrder.length} sectoren, ${aspects.length} aspecten ` +
        `(${aspects.map((a) => a.label).join(', ')}), ${ties.length} relaties. Aspecten die niet als kennisaspect zijn gemarkeerd zijn waardenaspecten.`,
      en: `Imported from ${source}: ${actors.length} actors in ${sectorOrder.length} sectors, ${aspects.length} aspects ` +
        `(${aspects.map((a) => a.label).join(', ')}), ${ties.length} ties. Aspects not marked as knowledge aspects are value aspects.`,
    },
    watchFor: {
      nl: [
        'Wie komt in de kern, wie blijft in de periferie, wie haakt af?',
        'Komen de voorkeuren naar elkaar toe (samen richten), en ontstaan er projecten (samen handelen)?',
        'Probeer andere spelregels (open netwerk, faciliterend, sturende regie, keten) en vergelijk.',
      ],
      en: [
        'Who enters the core, who stays in the periphery, who drops out?',
        'Do preferences converge (joint direction), and do projects form (joint action)?',
        'Try other rules of the game (open network, facilitating, directing lead, chain) and compare.',
      ],
    },
    patterns: [],
    ticks: 200,
    opgave: { severity: 1, urgency: 0.5 },
    aspects: aspects.map((a) => ({
      id: a.id, label: { nl: a.label, en: a.label }, kind: knowledgeIds.has(a.id) ? 'knowledge' as const : 'value' as const,
      ...(needsAccess.has(a.id) ? { requiresAccess: true } : {}),
      ...(needsMandate.has(a.id) ? { requiresMandate: true } : {}),
    })),
    sectors: sectorOrder.map((id, i) => {
      const given = sectorAffect.get(id)!;
      const affectedness = given.length ? round3(given.reduce((x, y) => x + y, 0) / given.length) : DEFAULT_AFFECTEDNESS;
      return { id, label: { nl: sectorLabel.get(id)!, en: sectorLabel.get(id)! }, color: sectorColour(i), affectedness };
    }),
    actors: actors as ScenarioInput['actors'],
    ties,
    rules: 'open-netwerk',
    events: [],
  };
  // The schema is the last word: anything it rejects is reported against the actors file. Its
  // default landscape (ODD.md §7.4) is written out, so the trainer sees what to edit.
  const { knobs: _knobs, reason: _reason, ...landscape } = parseScenario(scenario, actorsFile).opgave.landscape;
  scenario.opgave = { ...scenario.opgave, landscape: { ...landscape, reason: DEFAULT_LANDSCAPE_REASON } };
  parseScenario(scenario, actorsFile);
  return scenario;
}

function chooseAspects(
  stakeCols: Map<string, { label: string; index: number }>, knowledgeCols: Map<string, { label: string; index: number }>,
  wanted: string[] | undefined, file: string, issues: Issue[], warn: (m: string) => void,
): AspectColumn[] {
  const available = [...stakeCols.keys()];
  let ids = available;
  if (wanted && wanted.length) {
    ids = [];
    for (const w of wanted) {
      const id = slug(w);
      if (!stakeCols.has(id)) {
        issues.push({ path: '--aspects', message: `no column 'stake:${w}' in ${file}; the stake columns are: ${available.map((a) => stakeCols.get(a)!.label).join(', ') || '(none)'}` });
      } else if (!ids.includes(id)) ids.push(id);
    }
    for (const a of available) if (!ids.includes(a)) warn(`${file}: column 'stake:${stakeCols.get(a)!.label}' is not used (not in --aspects)`);
  } else if (!available.length) {
    issues.push({ path: 'row 1', message: "no aspect columns: expected one 'stake:<aspect>' column per aspect of the opgave, e.g. 'stake:groen'" });
  }
  if (ids.length > MAX_ASPECTS) {
    issues.push({ path: 'row 1', message: `${ids.length} aspects (stake: columns); the model takes at most ${MAX_ASPECTS} — choose some with --aspects` });
  }
  for (const [id, k] of knowledgeCols) {
    if (!stakeCols.has(id)) issues.push({ path: `row 1, column 'knowledge:${k.label}'`, message: `no matching 'stake:${k.label}' column` });
  }
  return ids.map((id) => ({ id, label: stakeCols.get(id)!.label, stakeCol: stakeCols.get(id)!.index, knowledgeCol: knowledgeCols.get(id)?.index ?? -1 }));
}

function checkAspectList(option: string, names: string[] | undefined, aspects: AspectColumn[], issues: Issue[]): Set<string> {
  const out = new Set<string>();
  for (const name of names ?? []) {
    const id = slug(name);
    if (!aspects.some((a) => a.id === id)) {
      issues.push({ path: `${option} ${name}`, message: `unknown aspect '${name}'; the aspects are: ${aspects.map((a) => a.id).join(', ')}` });
    } else out.add(id);
  }
  return out;
}

function readCell(spec: ColumnSpec, raw: string, fail: (message: string) => void): number | string | undefined {
  switch (spec.kind) {
    case 'unit': return unitOr(raw, undefined, fail);
    case 'resources': {
      const v = parseDecimal(raw);
      if (v === undefined || v < 0 || v > 100) { fail(`expected a number between 0 and 100, got '${raw}'`); return undefined; }
      return v;
    }
    case 'behaviour': {
      const b = parseBehaviour(raw);
      if (!b) fail(`expected netwerker, transactioneel or meelifter (or networker, transactional, free rider), got '${raw}'`);
      return b;
    }
    case 'position': {
      const p = parsePosition(raw);
      if (!p) fail(`expected core, periphery or outside (or kern, periferie, buiten), got '${raw}'`);
      return p;
    }
    case 'actorType': {
      const t = parseActorType(raw);
      if (!t) fail(`expected organisation or person (or organisatie, persoon), got '${raw}'`);
      return t;
    }
    default: return raw;
  }
}

function unitOr<T extends number | undefined>(raw: string, fallback: T, fail: (message: string) => void): number | T {
  const v = parseDecimal(raw);
  if (v === undefined || v < 0 || v > 1) { fail(`expected a number between 0 and 1, got '${raw}'`); return fallback; }
  return v;
}

function readTies(table: Table, file: string, names: string[], warn: (m: string) => void): { from: string; to: string; trust: number }[] {
  const issues: Issue[] = [];
  const col = new Map<string, number>();
  table.header.forEach((h, index) => {
    if (h === '') return;
    const c = classifyHeader(h, TIE_COLUMNS);
    if (!c || !('key' in c)) { warn(`${file}: column '${h}' is not used (unknown column name)`); return; }
    if (col.has(c.key)) issues.push({ path: `row 1, column '${h}'`, message: `a second '${c.key}' column; keep one` });
    else col.set(c.key, index);
  });
  for (const spec of TIE_COLUMNS) {
    if (spec.required && !col.has(spec.key)) issues.push({ path: 'row 1', message: `missing the required column '${spec.names[0]}' (or '${spec.names[1]}')` });
  }
  if (issues.length) throw new InputError(file, issues);
  const exact = new Set(names);
  const folded = new Map<string, string[]>();
  for (const n of names) folded.set(n.toLowerCase(), [...(folded.get(n.toLowerCase()) ?? []), n]);
  const shown = names.slice(0, MAX_NAMES_SHOWN).join(', ') + (names.length > MAX_NAMES_SHOWN ? ', …' : '');
  const ties: { from: string; to: string; trust: number }[] = [];
  for (const { row, cells } of table.rows) {
    const where = (key: string) => `row ${row}, column '${table.header[col.get(key)!]}'`;
    const actor = (key: 'from' | 'to'): string | undefined => {
      const raw = cells[col.get(key)!] ?? '';
      if (exact.has(raw)) return raw;
      const candidates = folded.get(raw.toLowerCase());
      if (candidates?.length === 1) return candidates[0];
      issues.push({ path: where(key), message: raw ? `unknown actor '${raw}'; the actors are: ${shown}` : 'expected an actor\'s name, got an empty cell' });
      return undefined;
    };
    const from = actor('from'), to = actor('to');
    let trust = DEFAULT_TRUST;
    const raw = col.has('trust') ? cells[col.get('trust')!] ?? '' : '';
    if (raw !== '') trust = unitOr(raw, DEFAULT_TRUST, (message) => issues.push({ path: where('trust'), message }));
    if (from && to && from === to) { issues.push({ path: where('to'), message: `a tie needs two different actors, got '${from}' twice` }); continue; }
    if (from && to) ties.push({ from, to, trust });
  }
  if (issues.length) throw new InputError(file, issues);
  return ties;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const baseName = (file: string) => file.split(/[\\/]/).pop() || file;
