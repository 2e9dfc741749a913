// The project's import graph, read from source text (static imports, re-exports and dynamic
// imports with a literal path), and the rules its arrows must obey.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

export interface Arrow { from: string; to: string }

const SPEC = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)|^\s*import\s+['"](\.{1,2}\/[^'"]+)['"]/gm;

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|mts|mjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
}

/** Repo-relative arrows (posix paths) from every source file under the given top folders. */
export function importGraph(root: string, tops: string[]): Arrow[] {
  const files: string[] = [];
  for (const t of tops) walk(join(root, t), files);
  const arrows: Arrow[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const from = relative(root, file).split(sep).join('/');
    for (const m of text.matchAll(SPEC)) {
      const spec = m[1] ?? m[2] ?? m[3];
      const to = relative(root, normalize(join(dirname(file), spec))).split(sep).join('/');
      arrows.push({ from, to });
    }
  }
  return arrows;
}

const under = (p: string, dir: string) => p === dir || p.startsWith(dir + '/');

/** One rule: arrows whose source matches `from` must not point at any of `forbidden`,
 * or (with `only`) must point only at the listed places. */
interface Rule { from: string; forbidden?: string[]; only?: string[]; why: string }

export const RULES: Rule[] = [
  { from: 'sim/engine', forbidden: ['sim/analysis', 'sim/docking', 'sim/import', 'sim/index.ts', 'sim/meta.ts'], why: 'the engine never imports analysis, docking, import or the faces' },
  { from: 'sim/schema', forbidden: ['sim/engine', 'sim/analysis', 'sim/docking', 'sim/import', 'sim/index.ts'], why: 'the schema is the bottom layer' },
  { from: 'sim/import', only: ['sim/import', 'sim/schema'], why: 'the importer uses the schema only' },
  { from: 'sim', forbidden: ['viz', 'workers', 'cli', 'bench', 'tests'], why: 'sim/ never knows its callers' },
  { from: 'sim/meta.ts', only: ['sim/schema', 'sim/engine/log.ts', 'sim/engine/run.ts'], why: 'the UI-safe face carries metadata only (type imports from the engine are erased)' },
  { from: 'viz', only: ['viz', 'sim/index.ts', 'sim/meta.ts', 'workers'], why: 'the app imports only the faces and worker protocol types' },
  { from: 'cli', forbidden: ['sim/engine', 'sim/schema', 'sim/analysis', 'sim/docking', 'sim/import'], why: 'drivers import sim/index.ts' },
  { from: 'workers', forbidden: ['sim/engine', 'sim/schema', 'sim/analysis', 'sim/docking', 'sim/import', 'viz', 'cli'], why: 'drivers import sim/index.ts' },
];

export function violations(arrows: Arrow[], rules: Rule[] = RULES): string[] {
  const out: string[] = [];
  for (const a of arrows) {
    for (const r of rules) {
      if (!under(a.from, r.from)) continue;
      if (r.forbidden && r.forbidden.some((f) => under(a.to, f))) out.push(`${a.from} → ${a.to}: ${r.why}`);
      if (r.only && !r.only.some((f) => under(a.to, f))) out.push(`${a.from} → ${a.to}: ${r.why}`);
    }
  }
  return out;
}
