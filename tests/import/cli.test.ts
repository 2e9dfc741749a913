// The import command end to end, as a trainer uses it: spreadsheet export → import → run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../sim/index.ts';
import { ROOT } from '../helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'samenspel-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'samenspel.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('samenspel import', () => {
  it('imports the shipped example and the result validates and runs', () => {
    const out = join(dir, 'wijkaanpak.json');
    const r = cli('import', 'scenarios/examples/actoren.csv', '--ties', 'scenarios/examples/ties.csv',
      '--knowledge', 'veiligheid', '--title', 'Wijkaanpak Oost', '--out', out);
    expect(r.stderr).toContain(`wrote ${out}`);
    expect(r.stderr).not.toContain('warning');
    expect(r.status).toBe(0);
    const sc = parseScenario(JSON.parse(readFileSync(out, 'utf8')), out);
    expect(sc.id).toBe('wijkaanpak');
    expect(sc.aspects.map((a) => a.kind)).toEqual(['knowledge', 'value', 'value', 'value']);
    expect(cli('validate', out).status).toBe(0);
    const run = cli('run', out, '--ticks', '20', '--quiet');
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(22); // header + ticks 0 … 20
  });

  it('--knowledge takes a list and repeats; --solution still works, with a one-line deprecation warning', () => {
    const k = cli('import', 'scenarios/examples/actoren.csv', '--knowledge', 'veiligheid,groen', '--knowledge', 'nieuwbouw');
    expect(k.status).toBe(0);
    expect(parseScenario(JSON.parse(k.stdout)).aspects.map((a) => a.kind)).toEqual(['knowledge', 'knowledge', 'value', 'knowledge']);

    const s = cli('import', 'scenarios/examples/actoren.csv', '--solution', 'veiligheid=0,7');
    expect(s.status).toBe(0);
    const warnings = s.stderr.split('\n').filter((l) => l.includes('warning'));
    expect(warnings).toEqual([expect.stringContaining('--solution is deprecated')]);
    expect(warnings[0]).toContain('ignored since engine 0.3');
    const raw = JSON.parse(s.stdout);
    expect(raw.aspects[0]).not.toHaveProperty('solution');
    expect(parseScenario(raw).aspects.map((a) => a.kind)).toEqual(['knowledge', 'value', 'value', 'value']);
  });

  it('an unknown aspect in --knowledge or --solution exits 1 naming the option and the valid aspects; no file is written', () => {
    const out = join(dir, 'onbekend.json');
    for (const args of [['--knowledge', 'veiligheid,geld'], ['--solution', 'geld=0,5']]) {
      const r = cli('import', 'scenarios/examples/actoren.csv', ...args, '--out', out);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`${args[0]} geld: unknown aspect 'geld'; the aspects are: veiligheid, groen, parkeren, nieuwbouw`);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(existsSync(out)).toBe(false);
    }
  });

  it('a bad row: exit 1, the message names file, row and column, and no file is written', () => {
    const bad = join(dir, 'slecht.csv');
    writeFileSync(bad, 'name;sector;mandate;stake:groen\r\nGemeente;Gemeente;0,9;0,5\r\nBuurt;Bewoners;hoog;0,5\r\n');
    const out = join(dir, 'slecht.json');
    const r = cli('import', bad, '--out', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(bad);
    expect(r.stderr).toContain("row 3, column 'mandate': expected a number between 0 and 1, got 'hoog'");
    expect(existsSync(out)).toBe(false);
  });

  it('a person/organisation column and --requires-mandate reach the scenario; a bad type cell exits 1 naming file, row and column', () => {
    const good = join(dir, 'soort.csv');
    writeFileSync(good, 'naam;sector;soort actor;belang:regels;belang:groen\r\nGemeente;Gemeente;organisatie;0,8;0,5\r\nPiet;Bewoners;persoon;0,3;0,9\r\n');
    const r = cli('import', good, '--requires-mandate', 'regels', '--quiet');
    expect(r.status).toBe(0);
    const sc = parseScenario(JSON.parse(r.stdout));
    expect(sc.actors.map((a) => a.achterban)).toEqual([0.5, 0]);
    expect(sc.aspects.map((a) => a.requiresMandate)).toEqual([true, false]);
    expect(cli('import', good, '--requires-mandate', 'geld')).toMatchObject({ status: 1, stderr: expect.stringContaining("--requires-mandate geld: unknown aspect 'geld'") });

    const bad = join(dir, 'soort-slecht.csv');
    writeFileSync(bad, 'naam;sector;Soort actor;belang:regels\r\nGemeente;Gemeente;organisatie;0,8\r\nPiet;Bewoners;bewoner;0,3\r\n');
    const out = join(dir, 'soort-slecht.json');
    const b = cli('import', bad, '--out', out);
    expect(b.status).toBe(1);
    expect(b.stderr).toContain(bad);
    expect(b.stderr).toContain("row 3, column 'Soort actor': expected organisation or person (or organisatie, persoon), got 'bewoner'");
    expect(existsSync(out)).toBe(false);
  });

  it('writes JSON to stdout without --out; an old Excel (Windows-1252) file is read with a warning', () => {
    const legacy = join(dir, 'excel.csv');
    writeFileSync(legacy, Buffer.concat([Buffer.from('naam;sector;belang:groen\r\nEnergieco', 'latin1'), Buffer.from([0xf6]), Buffer.from('peratie;Bewoners;0,6\r\n', 'latin1')]));
    const r = cli('import', legacy);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('Windows-1252');
    expect(parseScenario(JSON.parse(r.stdout)).actors[0].name).toBe('Energiecoöperatie');
  });

  it('usage errors exit 1 with a clear message', () => {
    expect(cli('import', join(dir, 'bestaat-niet.csv'))).toMatchObject({ status: 1, stderr: expect.stringContaining('no such file') });
    expect(cli('import', 'scenarios/examples/actoren.csv', '--out', join(dir, 'x.csv'))).toMatchObject({ status: 1, stderr: expect.stringContaining('--out must end in .json') });
    expect(cli('import', 'scenarios/examples/actoren.csv', '--solution', 'veiligheid')).toMatchObject({ status: 1, stderr: expect.stringContaining('aspect=value') });
  });
});
