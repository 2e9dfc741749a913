import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, MEASURE_KEYS, parseScenario, simulate } from '../../sim/index.ts';
import {
  ACTOR_COLUMNS, TIE_COLUMNS, DEFAULT_AFFECTEDNESS, DEFAULT_STAKE, DEFAULT_TRUST, decodeText, detectSeparator, importActorAnalysis, parseDecimal, readTable,
  SECTOR_PALETTE, scenarioJsonText,
} from '../../sim/import/index.ts';
import { ROOT } from '../helpers.ts';

const EXAMPLES = join(ROOT, 'scenarios', 'examples');
const actorsCsv = readFileSync(join(EXAMPLES, 'actoren.csv'), 'utf8');
const tiesCsv = readFileSync(join(EXAMPLES, 'ties.csv'), 'utf8');

/** The issues of the InputError that `fn` throws. */
function issues(fn: () => unknown): { file: string; issues: { path: string; message: string }[] } {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return { file: (e as InputError).file, issues: (e as InputError).issues };
  }
  throw new Error('expected an InputError');
}

describe('importActorAnalysis: the shipped example (semicolon, decimal comma, CRLF)', () => {
  const raw = importActorAnalysis({ actorsCsv, tiesCsv, fileNames: { actors: 'actoren.csv', ties: 'ties.csv' }, knowledge: ['veiligheid'] });
  const sc = parseScenario(raw, 'import');

  it('reads every actor row, decimal commas as decimals', () => {
    const dataRows = actorsCsv.trim().split(/\r?\n/).length - 1;
    expect(sc.actors).toHaveLength(dataRows);
    const gemeente = sc.actors.find((a) => a.name === 'Gemeente')!;
    expect(gemeente.mandate).toBe(0.9);
    expect(gemeente.resources).toBe(2);
    expect(sc.actors.find((a) => a.name === 'Woningcorporatie Thuisbest')!.resources).toBe(2.5);
    expect(gemeente.stake).toEqual({ veiligheid: 0.7, groen: 0.6, parkeren: 0.5, nieuwbouw: 0.7 });
    expect(gemeente.behaviour).toBe('transactioneel');
  });

  it('takes the aspects from the stake: columns; --knowledge makes a knowledge aspect, the rest are value aspects', () => {
    expect(sc.aspects.map((a) => a.id)).toEqual(['veiligheid', 'groen', 'parkeren', 'nieuwbouw']);
    expect(sc.aspects.map((a) => a.kind)).toEqual(['knowledge', 'value', 'value', 'value']);
    const wijkagent = sc.actors.find((a) => a.name === 'Wijkagent')!;
    expect(wijkagent.knowledge).toEqual({ veiligheid: 0.8, groen: 0.2, parkeren: 0.3, nieuwbouw: 0.3 });
  });

  it("writes no engine-0.2 fields (solution, belief noise, bias), but the schema's default landscape with a reason", () => {
    expect((raw.aspects as Record<string, unknown>[]).some((a) => 'solution' in a)).toBe(false);
    expect(raw.opgave).not.toHaveProperty('beliefNoise');
    expect(raw.opgave).not.toHaveProperty('beliefBias');
    // The defaults as the schema gives them to a scenario that leaves the landscape out.
    const { landscape: _written, ...bare } = raw.opgave as Record<string, unknown>;
    const schemaDefault = parseScenario({ ...raw, opgave: bare }).opgave.landscape;
    expect(sc.opgave.landscape).toEqual({ ...schemaDefault, reason: expect.anything() });
    expect(sc.opgave.landscape.reason!.en).toContain('default');
    expect(sc.opgave.landscape.reason!.nl).toContain('standaard');
  });

  it('makes sectors from the distinct values, coloured from the fixed palette in order of appearance', () => {
    const distinct = [...new Set(sc.actors.map((a) => a.sector))];
    expect(sc.sectors.map((s) => s.id)).toEqual(distinct);
    expect(sc.sectors.map((s) => s.color)).toEqual(SECTOR_PALETTE.slice(0, distinct.length));
    expect(sc.sectors.every((s) => s.affectedness === DEFAULT_AFFECTEDNESS)).toBe(true);
  });

  it('reads the ties with their trust', () => {
    expect(sc.ties).toHaveLength(tiesCsv.trim().split(/\r?\n/).length - 1);
    expect(sc.ties[0]).toEqual({ from: 'Gemeente', to: 'Woningcorporatie Thuisbest', trust: 0.6 });
  });

  it('runs without NaN', () => {
    const { recorder } = simulate({ scenario: sc, seed: 3, ticks: 60 });
    for (const key of MEASURE_KEYS) expect(recorder.column(key).every(Number.isFinite), key).toBe(true);
    expect(recorder.column('meetings').some((m) => m > 0)).toBe(true);
  });

  it('writes JSON that parses back to the same scenario', () => {
    const again = parseScenario(JSON.parse(scenarioJsonText(raw)), 'roundtrip');
    expect(again).toEqual(sc);
  });
});

describe('importActorAnalysis: separators, decimals, BOM, CRLF, whitespace', () => {
  const rows = [
    ['name', 'sector', 'mandate', 'resources', 'stake:a', 'stake:b'],
    ['Gemeente', 'Gemeente', '0.9', '2.5', '0.25', '0.75'],
    ['Wijkteam', 'Wijk', '0.3', '1', '0.5', '0.125'],
  ];
  const csv = (sep: string, decimal: string, eol = '\n') =>
    rows.map((r) => r.map((c) => (decimal === ',' && /^\d/.test(c) ? c.replace('.', ',') : c)).join(sep)).join(eol) + eol;

  it('a comma file with decimal points equals a semicolon file with decimal commas', () => {
    const comma = importActorAnalysis({ actorsCsv: csv(',', '.') });
    const semi = importActorAnalysis({ actorsCsv: csv(';', ',') });
    expect(comma).toEqual(semi);
    expect(parseScenario(comma).actors[0].resources).toBe(2.5);
  });

  it('a BOM, CRLF line ends, padded cells and trailing empty rows change nothing', () => {
    const messy = '\uFEFF' + rows.map((r) => r.map((c) => `  ${c.replace('.', ',')} `).join(';')).join('\r\n') + '\r\n;;;;;\r\n\r\n';
    expect(importActorAnalysis({ actorsCsv: messy })).toEqual(importActorAnalysis({ actorsCsv: csv(',', '.') }));
  });

  it('a tab-separated file and Dutch column names work too', () => {
    const dutch = 'naam\tsector\tmandaat\tmiddelen\tbelang:a\tbelang:b\nGemeente\tGemeente\t0,9\t2,5\t0,25\t0,75\nWijkteam\tWijk\t0,3\t1\t0,5\t0,125\n';
    expect(importActorAnalysis({ actorsCsv: dutch })).toEqual(importActorAnalysis({ actorsCsv: csv(',', '.') }));
  });

  it('detects the separator from the header line only, ignoring quoted separators', () => {
    expect(detectSeparator('"a,b";c;d\n1,5;2;3')).toBe(';');
    expect(detectSeparator('name,sector,"stake:x;y"\n')).toBe(',');
    expect(detectSeparator('name\n')).toBeUndefined();
  });

  it('row numbers count lines as a spreadsheet shows them, also after a cell with a line break', () => {
    const t = readTable('name;sector;stake:a\n"Two\nlines";s;0,5\nB;s;hoog\n', 'x.csv');
    expect(t.rows.map((r) => r.row)).toEqual([2, 4]);
    const r = issues(() => importActorAnalysis({ actorsCsv: 'name;sector;stake:a\n"Two\nlines";s;0,5\nB;s;hoog\n', fileNames: { actors: 'x.csv' } }));
    expect(r.issues[0].path).toBe("row 4, column 'stake:a'");
  });

  it('parseDecimal reads decimal commas, points and percentages, and nothing else', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1000 }), (m) => {
      const x = m / 1000;
      const text = x.toString();
      return parseDecimal(text) === x && parseDecimal(text.replace('.', ',')) === x && parseDecimal(`${m / 10} %`) === Number((m / 10 / 100).toString());
    }));
    for (const bad of ['hoog', '', '1.234,5', '0,5,5', '--1', '1e3', '0x1']) expect(parseDecimal(bad), bad).toBeUndefined();
  });

  it('decodes Windows-1252 when the bytes are not UTF-8', () => {
    const latin = Uint8Array.from([...'name;sector;stake:a\nEnergieco'].map((c) => c.charCodeAt(0)).concat([0xf6], [...'peratie;Bewoners;0,5\n'].map((c) => c.charCodeAt(0))));
    const { text, legacy } = decodeText(latin);
    expect(legacy).toBe(true);
    expect(parseScenario(importActorAnalysis({ actorsCsv: text })).actors[0].name).toBe('Energiecoöperatie');
    expect(decodeText(new TextEncoder().encode('coöperatie')).legacy).toBe(false);
  });
});

describe('importActorAnalysis: defaults for missing optional columns', () => {
  const minimal = 'name,sector,stake:groen,stake:parkeren\nA,Bewoners,0.8,\nB,Gemeente,0.4,0.6\n';

  it('leaves missing traits to the schema defaults and fills an empty stake cell with the neutral default', () => {
    const raw = importActorAnalysis({ actorsCsv: minimal });
    const a = (raw.actors ?? [])[0] as Record<string, unknown>;
    expect(Object.keys(a).sort()).toEqual(['name', 'sector', 'stake']);
    const sc = parseScenario(raw);
    expect(sc.actors[0].stake).toEqual({ groen: 0.8, parkeren: DEFAULT_STAKE });
    expect(sc.actors[0]).toMatchObject({ resources: 1, mandate: 0, reputation: 0.5, access: 0, proactiveness: 0.3, openness: 0.3, achterban: 0.5, behaviour: 'netwerker', engagement: 0.5 });
    expect(sc.actors[0].knowledge).toBeUndefined();
    expect(sc.aspects.every((x) => x.kind === 'value')).toBe(true);
    expect(sc.ties).toEqual([]);
    expect(sc.id).toBe('actoranalyse');
  });

  it('a ties file without a trust column gets the default trust; names match regardless of case', () => {
    const sc = parseScenario(importActorAnalysis({ actorsCsv: minimal, tiesCsv: 'van;naar\na;B\n' }));
    expect(sc.ties).toEqual([{ from: 'A', to: 'B', trust: DEFAULT_TRUST }]);
  });

  it('sector affectedness is the mean of the given values; behaviour and position accept synonyms', () => {
    const csv = 'name;sector;affectedness;behaviour;position;stake:x\nA;S;0,8;Free rider;kern;0,5\nB;S;0,6;Transactional;;0,5\nC;T;;networker;buiten;0,5\n';
    const sc = parseScenario(importActorAnalysis({ actorsCsv: csv }));
    expect(sc.sectors.map((s) => s.affectedness)).toEqual([0.7, DEFAULT_AFFECTEDNESS]);
    expect(sc.actors.map((a) => a.behaviour)).toEqual(['meelifter', 'transactioneel', 'netwerker']);
    expect(sc.actors.map((a) => a.position)).toEqual(['core', undefined, 'outside']);
  });

  it('--aspects picks and orders aspects; other stake columns are ignored with a warning', () => {
    const warnings: string[] = [];
    const sc = parseScenario(importActorAnalysis({ actorsCsv: minimal, aspects: ['parkeren'], title: 'Mijn wijk', warn: (m) => warnings.push(m) }));
    expect(sc.aspects.map((a) => a.id)).toEqual(['parkeren']);
    expect(sc.actors[1].stake).toEqual({ parkeren: 0.6 });
    expect(sc.title).toEqual({ nl: 'Mijn wijk', en: 'Mijn wijk' });
    expect(sc.id).toBe('mijn-wijk');
    expect(warnings.some((w) => w.includes('stake:groen'))).toBe(true);
  });

  it('unknown columns are ignored with a warning, not an error', () => {
    const warnings: string[] = [];
    importActorAnalysis({ actorsCsv: 'name,sector,opmerking,stake:x\nA,S,lastig,0.5\n', warn: (m) => warnings.push(m) });
    expect(warnings).toEqual([expect.stringContaining("'opmerking'")]);
  });
});

describe('importActorAnalysis: persons vs organisations, and aspects that need access or mandate', () => {
  it('a person row without an achterban cell gets achterban 0; an organisation keeps the default 0.5; a given cell wins', () => {
    const csv = 'name;sector;soort actor;achterban;stake:a\nGemeente;G;organisatie;;0,5\nBewoner Piet;B;persoon;;0,5\nBewoner Ans;B;Person;0,4;0,5\nWijkteam;G;;;0,5\n';
    const raw = importActorAnalysis({ actorsCsv: csv });
    expect((raw.actors ?? []).every((a) => !('type' in (a as object)))).toBe(true);
    const sc = parseScenario(raw);
    expect(sc.actors.map((a) => a.achterban)).toEqual([0.5, 0, 0.4, 0.5]);
  });

  it("a spreadsheet's own 'type' column is not taken for the actor type: ignored with a warning", () => {
    const warnings: string[] = [];
    const sc = parseScenario(importActorAnalysis({ actorsCsv: 'name,sector,type,stake:x\nA,S,gemeente,0.5\n', warn: (m) => warnings.push(m) }));
    expect(warnings).toEqual([expect.stringContaining("'type'")]);
    expect(sc.actors[0].achterban).toBe(0.5);
  });

  it('--requires-access and --requires-mandate flag those aspects, and only those', () => {
    const csv = 'name;sector;stake:regels;stake:straat;stake:tempo\nA;S;0,5;0,5;0,5\n';
    const sc = parseScenario(importActorAnalysis({ actorsCsv: csv, requiresMandate: ['Regels'], requiresAccess: ['straat'] }));
    expect(sc.aspects.map((a) => [a.id, a.requiresAccess, a.requiresMandate])).toEqual([
      ['regels', false, true], ['straat', true, false], ['tempo', false, false],
    ]);
  });

  it('a bad type cell names file, row and column; an unknown aspect names the option', () => {
    const csv = 'name;sector;actor type;stake:a\nA;S;organisation;0,5\nB;S;gemeente;0,5\n';
    const r = issues(() => importActorAnalysis({ actorsCsv: csv, fileNames: { actors: 'actoren.csv' } }));
    expect(r.file).toBe('actoren.csv');
    expect(r.issues).toEqual([{ path: "row 3, column 'actor type'", message: "expected organisation or person (or organisatie, persoon), got 'gemeente'" }]);
    const ok = 'name;sector;stake:a\nA;S;0,5\n';
    expect(issues(() => importActorAnalysis({ actorsCsv: ok, requiresMandate: ['b'] })).issues).toEqual([
      { path: '--requires-mandate b', message: "unknown aspect 'b'; the aspects are: a" },
    ]);
    expect(issues(() => importActorAnalysis({ actorsCsv: ok, requiresAccess: ['b'] })).issues[0].path).toBe('--requires-access b');
  });
});

describe('importActorAnalysis: bad input names file, row and column', () => {
  it('reports every bad cell at once', () => {
    const csv = 'name;sector;mandate;resources;behaviour;stake:groen\nA;Gemeente;0,5;1;netwerker;0,4\nB;Bewoners;hoog;200;slim;1,5\nA;Bewoners;0,2;1;;0,3\n;Bewoners;0,2;1;;0,3\n';
    const r = issues(() => importActorAnalysis({ actorsCsv: csv, fileNames: { actors: 'actoren.csv' } }));
    expect(r.file).toBe('actoren.csv');
    expect(r.issues).toEqual([
      { path: "row 3, column 'mandate'", message: "expected a number between 0 and 1, got 'hoog'" },
      { path: "row 3, column 'resources'", message: "expected a number between 0 and 100, got '200'" },
      { path: "row 3, column 'behaviour'", message: expect.stringContaining("got 'slim'") },
      { path: "row 3, column 'stake:groen'", message: "expected a number between 0 and 1, got '1,5'" },
      { path: "row 4, column 'name'", message: expect.stringContaining('already on row 2') },
      { path: "row 5, column 'name'", message: 'expected a name, got an empty cell' },
    ]);
  });

  it('a missing required column, no aspects, or too many aspects is an error on the header row', () => {
    expect(issues(() => importActorAnalysis({ actorsCsv: 'naam;stake:a\nA;0,5\n' })).issues[0]).toMatchObject({ path: 'row 1', message: expect.stringContaining("'sector'") });
    expect(issues(() => importActorAnalysis({ actorsCsv: 'name;sector\nA;S\n' })).issues[0].message).toContain('stake:<aspect>');
    const many = 'name;sector;' + Array.from({ length: 9 }, (_, i) => `stake:a${i}`).join(';') + '\nA;S;' + Array(9).fill('0,5').join(';') + '\n';
    expect(issues(() => importActorAnalysis({ actorsCsv: many })).issues[0].message).toContain('at most 8');
    expect(parseScenario(importActorAnalysis({ actorsCsv: many, aspects: ['a0', 'a8'] })).aspects).toHaveLength(2);
  });

  it('bad options name the option', () => {
    const csv = 'name;sector;stake:a\nA;S;0,5\n';
    expect(issues(() => importActorAnalysis({ actorsCsv: csv, aspects: ['b'] })).issues[0].path).toBe('--aspects');
    expect(issues(() => importActorAnalysis({ actorsCsv: csv, solutions: { b: 0.5 } })).issues[0].path).toBe('--solution b');
    const k = issues(() => importActorAnalysis({ actorsCsv: csv, knowledge: ['a', 'geld'] })).issues;
    expect(k).toEqual([{ path: '--knowledge geld', message: "unknown aspect 'geld'; the aspects are: a" }]);
  });

  it('--solution (deprecated) marks the aspect as knowledge, ignores the value and warns once', () => {
    const csv = 'name;sector;stake:a;stake:b;stake:c\nA;S;0,5;0,5;0,5\n';
    const warnings: string[] = [];
    const raw = importActorAnalysis({ actorsCsv: csv, solutions: { a: 0.7, C: 1.5 }, knowledge: ['b'], warn: (m) => warnings.push(m) });
    expect(parseScenario(raw).aspects.map((x) => x.kind)).toEqual(['knowledge', 'knowledge', 'knowledge']);
    expect((raw.aspects as Record<string, unknown>[]).some((x) => 'solution' in x)).toBe(false);
    expect(warnings).toEqual([expect.stringContaining('--solution is deprecated: a,c')]);
    expect(warnings[0]).toContain('ignored since engine 0.3');
    const none: string[] = [];
    importActorAnalysis({ actorsCsv: csv, knowledge: ['a'], warn: (m) => none.push(m) });
    expect(none).toEqual([]);
  });

  it('ties: unknown names, self-ties and bad trust name the ties file, row and column', () => {
    const csv = 'name;sector;stake:a\nA;S;0,5\nB;S;0,5\n';
    const r = issues(() => importActorAnalysis({ actorsCsv: csv, tiesCsv: 'from;to;trust\nA;Z;0,5\nA;A;0,5\nA;B;veel\n', fileNames: { ties: 'relaties.csv' } }));
    expect(r.file).toBe('relaties.csv');
    expect(r.issues.map((i) => i.path)).toEqual(["row 2, column 'to'", "row 3, column 'to'", "row 4, column 'trust'"]);
    expect(r.issues[0].message).toContain("unknown actor 'Z'; the actors are: A, B");
  });

  it('an empty file or a header without separators is an error, not a crash', () => {
    expect(issues(() => importActorAnalysis({ actorsCsv: '\uFEFF\r\n' })).issues[0].message).toContain('empty');
    expect(issues(() => importActorAnalysis({ actorsCsv: 'name\nA\n' })).issues[0].message).toContain("no ';', ','");
    expect(issues(() => importActorAnalysis({ actorsCsv: 'name;sector;stake:a\n' })).issues[0].message).toContain('no actors');
  });
});

describe('the documented columns and defaults are the ones the importer uses', () => {
  const docs = readFileSync(join(ROOT, 'docs', 'SCENARIOS.md'), 'utf8').split('\n');
  it.each([...ACTOR_COLUMNS, ...TIE_COLUMNS].map((c) => [c.names[0], c] as const))('%s', (_name, c) => {
    const line = docs.find((l) => l.startsWith(`| \`${c.names[0]}\``)) ?? docs.find((l) => l.includes(`\`${c.names[0]}\` (\`${c.names[1]}\`)`));
    expect(line, `docs/SCENARIOS.md documents '${c.names[0]}'`).toBeDefined();
    for (const alias of c.names.slice(1)) expect(line).toContain(`\`${alias}\``);
    if (c.required) expect(line).toContain('required');
    else if (c.default !== undefined) expect(line).toContain(String(c.default));
  });
});
