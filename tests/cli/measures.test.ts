// The data dictionary: every measure and per-actor column with definition, range and unit in
// nl and en, from the schema's metadata (the same that generates ODD.md's measure table and the
// per-actor files' headers).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actorColumnNames, dataDictionary, MEASURE_DICTIONARY, MEASURE_KEYS, MEASURES } from '../../sim/index.ts';
import { measuresTable } from '../../cli/docs.ts';
import { ROOT } from '../helpers.ts';
import { cli } from './helpers.ts';

describe('data dictionary', () => {
  const entries = dataDictionary();

  it('has every measure, in column order, with its metadata, and nothing else', () => {
    expect(Object.keys(MEASURE_DICTIONARY).sort()).toEqual([...MEASURE_KEYS].sort());
    const measures = entries.filter((e) => e.table === 'measure');
    expect(measures.map((e) => e.key)).toEqual(MEASURE_KEYS);
    measures.forEach((e, i) => {
      expect(e.label).toEqual(MEASURES[i].label);
      expect([e.min, e.max]).toEqual([MEASURES[i].min, MEASURES[i].max]);
      expect(e.definition.en).toBe(MEASURES[i].doc);
    });
    // ODD.md's generated table shows the same English definitions.
    const odd = readFileSync(join(ROOT, 'docs', 'ODD.md'), 'utf8');
    expect(odd).toContain(measuresTable());
  });

  it('has every per-actor column of the files run --actors writes', () => {
    const keys = entries.filter((e) => e.table === 'actor').map((e) => e.key);
    const header = actorColumnNames(['x', 'y']);
    expect(header.map((h) => h.replace(/_(x|y)$/, '_<aspect>')).filter((h, i, a) => a.indexOf(h) === i)).toEqual(keys);
  });

  it('every entry is complete in both languages', () => {
    for (const e of entries) {
      for (const lang of ['nl', 'en'] as const) {
        expect(e.label[lang], `${e.key} label.${lang}`).toMatch(/\S/);
        expect(e.definition[lang], `${e.key} definition.${lang}`).toMatch(/\S{3}/);
        expect(e.unit[lang], `${e.key} unit.${lang}`).toMatch(/\S/);
      }
      expect(e.definition.nl, `${e.key}: the Dutch definition is not the English one`).not.toBe(e.definition.en);
    }
  });

  it('samenspel measures --json prints the dictionary; the text lists each column in both languages', () => {
    const json = cli(['measures', '--json']);
    expect(json.status, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(entries);
    const text = cli(['measures', '--lang', 'nl']);
    expect(text.status, text.stderr).toBe(0);
    for (const e of entries) {
      expect(text.stdout).toContain(`${e.key}  —  ${e.label.nl} (${e.label.en})`);
      expect(text.stdout).toContain(`[en] ${e.definition.en}`);
    }
    expect(cli(['measures', '--lang', 'de']).status).toBe(1);
  });
});
