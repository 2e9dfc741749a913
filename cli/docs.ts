// Regenerates the generated sections of docs/ODD.md from the engine's metadata (parameters,
// rules, presets, measures), so the document cannot fall behind the code.
// `npm run docs` writes them; tests/engine/odd.test.ts fails when they are stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MEASURES, PARAMS, PRESETS, RULE_LABELS, RULE_OPTIONS, DEFAULT_RULES } from '../sim/index.ts';
import { ROOT } from './io.ts';

export const ODD_PATH = join(ROOT, 'docs', 'ODD.md');

const esc = (s: string) => s.replace(/\|/g, '\\|');

export function paramTable(): string {
  const rows = ['| parameter | group | default | range | unit | label (nl / en) | meaning |', '|---|---|---|---|---|---|---|'];
  for (const [key, spec] of Object.entries(PARAMS)) {
    const range = spec.kind === 'enum' ? spec.options.join(', ') : `${spec.min} … ${spec.max}${spec.kind === 'integer' ? ' (integer)' : ''}`;
    rows.push(`| \`${key}\` | ${spec.group} | ${spec.default} | ${range} | ${spec.unit || '—'} | ${esc(spec.label.nl)} / ${esc(spec.label.en)} | ${esc(spec.doc)} |`);
  }
  return rows.join('\n');
}

export function rulesTable(): string {
  const rows = ['| rule | options | default |', '|---|---|---|'];
  for (const key of Object.keys(DEFAULT_RULES) as (keyof typeof DEFAULT_RULES)[]) {
    const opts = key in RULE_OPTIONS ? (RULE_OPTIONS as Record<string, readonly string[]>)[key].join(', ')
      : key === 'tolerance' ? '0 … 1' : key === 'leader' ? 'an actor name, or null (strongest claim in the core)' : '{netwerker, transactioneel, meelifter} shares, or null (own profiles)';
    rows.push(`| ${RULE_LABELS[key].en} (\`${key}\`) | ${opts} | ${JSON.stringify(DEFAULT_RULES[key])} |`);
  }
  rows.push('', '| preset | rules (on top of the defaults) |', '|---|---|');
  for (const p of PRESETS) rows.push(`| \`${p.id}\` | ${esc(Object.entries(p.rules).map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join('; '))} |`);
  return rows.join('\n');
}

export function measuresTable(): string {
  const rows = ['| measure | range | definition |', '|---|---|---|'];
  for (const m of MEASURES) rows.push(`| \`${m.key}\` | ${m.min} … ${m.max ?? '∞'} | ${esc(m.doc)} |`);
  return rows.join('\n');
}

const SECTIONS: Record<string, () => string> = { params: paramTable, rules: rulesTable, measures: measuresTable };

export function regenerate(text: string): string {
  let out = text;
  for (const [name, make] of Object.entries(SECTIONS)) {
    const begin = `<!-- generated:${name} -->`, end = `<!-- /generated:${name} -->`;
    const a = out.indexOf(begin), b = out.indexOf(end);
    if (a < 0 || b < a) throw new Error(`docs/ODD.md lacks the markers ${begin} … ${end}`);
    out = out.slice(0, a + begin.length) + '\n' + make() + '\n' + out.slice(b);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const before = readFileSync(ODD_PATH, 'utf8');
  const after = regenerate(before);
  writeFileSync(ODD_PATH, after);
  process.stderr.write(before === after ? 'docs/ODD.md: up to date\n' : 'docs/ODD.md: generated sections rewritten\n');
}
