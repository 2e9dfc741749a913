// The columns of an actor analysis and a ties table: names (English and Dutch), defaults and
// meaning, once — the importer and `samenspel import --help` read this list; tests/import checks
// docs/SCENARIOS.md's column tables against it.

export type ColumnKind = 'text' | 'unit' | 'resources' | 'behaviour' | 'position' | 'actorType';

export interface ColumnSpec {
  key: string;
  /** Accepted header names, lowercase; the first is the canonical one. */
  names: readonly string[];
  kind: ColumnKind;
  required: boolean;
  /** The value an empty cell or a missing column gets (undefined: none, the engine decides). */
  default?: number | string;
  doc: string;
}

export const ACTOR_COLUMNS: readonly ColumnSpec[] = [
  { key: 'name', names: ['name', 'naam', 'actor'], kind: 'text', required: true, doc: 'the actor (organisation, group or person); unique' },
  { key: 'sector', names: ['sector'], kind: 'text', required: true, doc: 'its sector; sectors are made from the distinct values' },
  { key: 'resources', names: ['resources', 'middelen'], kind: 'resources', required: false, default: 1, doc: 'resources per tick, 0–100' },
  { key: 'mandate', names: ['mandate', 'mandaat'], kind: 'unit', required: false, default: 0, doc: 'formal authority, 0–1' },
  { key: 'reputation', names: ['reputation', 'reputatie', 'merk'], kind: 'unit', required: false, default: 0.5, doc: 'brand and reputation, 0–1' },
  { key: 'access', names: ['access', 'toegang'], kind: 'unit', required: false, default: 0, doc: 'access to clients or residents, 0–1' },
  { key: 'proactiveness', names: ['proactiveness', 'proactiviteit', 'proactief'], kind: 'unit', required: false, default: 0.3, doc: 'initiative, 0–1' },
  { key: 'openness', names: ['openness', 'openheid'], kind: 'unit', required: false, default: 0.3, doc: 'how far apart a view may be and still be heard, 0–1' },
  { key: 'type', names: ['actor type', 'actortype', 'soort actor', 'person/organisation', 'persoon/organisatie'], kind: 'actorType', required: false, default: 'organisation', doc: "organisation/organisatie or person/persoon; a person's achterban defaults to 0 (personal title), an organisation's to 0.5" },
  { key: 'achterban', names: ['achterban', 'representation', 'constituency'], kind: 'unit', required: false, default: 0.5, doc: '0 personal title … 1 representative of a constituency (empty: 0 for a person)' },
  { key: 'behaviour', names: ['behaviour', 'behavior', 'gedrag'], kind: 'behaviour', required: false, default: 'netwerker', doc: 'netwerker, transactioneel or meelifter (also networker, transactional, free rider)' },
  { key: 'engagement', names: ['engagement', 'betrokkenheid'], kind: 'unit', required: false, default: 0.5, doc: 'engagement at the start, 0–1' },
  { key: 'position', names: ['position', 'positie'], kind: 'position', required: false, doc: 'core/kern, periphery/periferie or outside/buiten at the start; empty: from engagement' },
  { key: 'affectedness', names: ['affectedness', 'geraaktheid'], kind: 'unit', required: false, doc: "how much the opgave affects the actor's sector, 0–1; a sector gets the mean of its actors' values, 0.6 when none is given" },
];

/** Per-aspect column prefixes: `stake:<aspect>` (required, one per aspect) and `knowledge:<aspect>`. */
export const STAKE_PREFIXES = ['stake', 'belang'] as const;
export const KNOWLEDGE_PREFIXES = ['knowledge', 'kennis', 'expertise'] as const;

/** An empty stake cell: no particular interest either way. */
export const DEFAULT_STAKE = 0.5;
/** The engine's expertise for an actor whose sector gives none (sim/engine/state.ts). */
export const DEFAULT_KNOWLEDGE = 0.3;
export const DEFAULT_AFFECTEDNESS = 0.6;
export const DEFAULT_TRUST = 0.3;
export const MAX_ASPECTS = 8;

export const TIE_COLUMNS: readonly ColumnSpec[] = [
  { key: 'from', names: ['from', 'van'], kind: 'text', required: true, doc: "an actor's name from the actors file" },
  { key: 'to', names: ['to', 'naar'], kind: 'text', required: true, doc: "another actor's name" },
  { key: 'trust', names: ['trust', 'vertrouwen'], kind: 'unit', required: false, default: DEFAULT_TRUST, doc: 'trust, 0–1; the tie is mutual' },
];

/** A header cell → its canonical key, a per-aspect column, or undefined. */
export function classifyHeader(
  header: string, columns: readonly ColumnSpec[],
): { key: string } | { prefix: 'stake' | 'knowledge'; aspect: string } | undefined {
  const h = header.trim().toLowerCase().replace(/\s+/g, ' ');
  const colon = h.indexOf(':');
  if (colon > 0) {
    const prefix = h.slice(0, colon).trim();
    const aspect = header.trim().slice(header.trim().indexOf(':') + 1).trim();
    if ((STAKE_PREFIXES as readonly string[]).includes(prefix)) return { prefix: 'stake', aspect };
    if ((KNOWLEDGE_PREFIXES as readonly string[]).includes(prefix)) return { prefix: 'knowledge', aspect };
  }
  const spec = columns.find((c) => c.names.includes(h));
  return spec ? { key: spec.key } : undefined;
}

/** The column table as plain text (for `--help` and the docs). */
export function columnsHelp(): string {
  const lines = ['Actor columns (header names, English or Dutch, any case; missing column or empty cell → default):'];
  for (const c of ACTOR_COLUMNS) {
    const dflt = c.required ? 'required' : c.default !== undefined ? `default ${c.default}` : 'optional';
    lines.push(`  ${c.names.join(' / ').padEnd(44)} ${c.doc} (${dflt})`);
  }
  lines.push(`  ${'stake:<aspect> / belang:<aspect>'.padEnd(44)} the actor's interest on that aspect, 0–1; one column per aspect (empty cell: ${DEFAULT_STAKE})`);
  lines.push(`  ${'knowledge:<aspect> / kennis:<aspect>'.padEnd(44)} what the actor knows about that aspect, 0–1 (optional; empty: ${DEFAULT_KNOWLEDGE})`);
  lines.push('', 'Ties columns:');
  for (const c of TIE_COLUMNS) {
    const dflt = c.required ? 'required' : `default ${c.default}`;
    lines.push(`  ${c.names.join(' / ').padEnd(44)} ${c.doc} (${dflt})`);
  }
  lines.push('', "Separator ';', ',' or tab (detected from the header line); decimal comma or point (0,7 = 0.7; 70% = 0.7).");
  return lines.join('\n');
}
