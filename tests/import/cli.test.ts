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
      '--solution', 'veiligheid=0,7', '--title', 'Wijkaanpak Oost', '--out', out);
    expect(r.stderr).toContain(`wrote ${out}`);
    expect(r.status).toBe(0);
    const sc = parseScenario(JSON.parse(readFileSync(out, 'utf8')), out);
    expect(sc.id).toBe('wijkaanpak');
    expect(sc.aspects.find((a) => a.id === 'veiligheid')).toMatchObject({ kind: 'knowledge', solution: 0.7 });
    expect(cli('validate', out).status).toBe(0);
    const run = cli('run', out, '--ticks', '20', '--quiet');
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(22); // header + ticks 0 … 20
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
