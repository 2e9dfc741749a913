// Bad input gets a clear error naming the file, the field and what was expected.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, applySet, parseJsonText, parseScenario } from '../../sim/index.ts';
import { ROOT } from '../helpers.ts';

const valid = () => ({
  id: 'x', title: { nl: 'x', en: 'x' }, description: { nl: 'x', en: 'x' },
  aspects: [{ id: 'a', label: { nl: 'a', en: 'a' }, kind: 'knowledge', solution: 0.5 }],
  sectors: [{ id: 's', label: { nl: 's', en: 's' }, color: '#123456', affectedness: 1 }],
  actors: [{ name: 'A', sector: 's', stake: [0.5] }, { name: 'B', sector: 's', stake: { a: 0.1 } }],
});

function issues(raw: unknown): { path: string; message: string }[] {
  try { parseScenario(raw, 'bad.json'); } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message.startsWith('bad.json:')).toBe(true);
    return (e as InputError).issues;
  }
  throw new Error('expected an InputError');
}

describe('scenario errors', () => {
  it('accepts the valid base', () => {
    expect(parseScenario(valid(), 'ok.json').actors).toHaveLength(2);
  });

  it('names a wrong type and what was expected', () => {
    const raw = valid() as Record<string, unknown>;
    (raw.actors as Record<string, unknown>[])[1].resources = 'veel';
    const is = issues(raw);
    expect(is).toHaveLength(1);
    expect(is[0].path).toBe('actors[1].resources');
    expect(is[0].message).toMatch(/expected number/);
  });

  it('names an out-of-range value', () => {
    const raw = valid() as Record<string, unknown>;
    (raw.actors as Record<string, unknown>[])[0].openness = 1.5;
    const is = issues(raw);
    expect(is[0].path).toBe('actors[0].openness');
    expect(is[0].message).toMatch(/<=\s*1|less than or equal/i);
  });

  it('names unknown sectors, aspects, tie ends and presets, listing what is valid', () => {
    const raw = valid() as Record<string, unknown>;
    (raw.actors as Record<string, unknown>[])[0].sector = 'zorg';
    (raw.actors as Record<string, unknown>[])[1].stake = { b: 0.2 };
    raw.ties = [{ from: 'A', to: 'C', trust: 0.5 }];
    raw.rules = 'anarchie';
    const is = issues(raw);
    const byPath = Object.fromEntries(is.map((i) => [i.path, i.message]));
    expect(byPath['actors[0].sector']).toMatch(/unknown sector 'zorg'; sectors are: s/);
    expect(byPath['actors[1].stake.b']).toMatch(/unknown aspect 'b'/);
    expect(byPath['actors[1].stake']).toMatch(/missing aspect 'a'/);
    expect(byPath['ties[0].to']).toMatch(/unknown actor 'C'/);
    expect(byPath.rules).toMatch(/unknown rule preset 'anarchie'; valid: open-netwerk/);
  });

  it('bounds the knobs and requires the right number of stakes', () => {
    const raw = valid() as Record<string, unknown>;
    raw.opgave = { landscape: { knobs: 8, turbulence: 0.2 } };
    raw.aspects = [...(raw.aspects as Record<string, unknown>[]), { id: 'y', label: { nl: 'y', en: 'y' }, kind: 'knowledge' }, { id: 'z', label: { nl: 'z', en: 'z' }, kind: 'knowledge' }];
    (raw.actors as Record<string, unknown>[])[0].stake = [0.5, 0.5];
    const is = issues(raw);
    expect(is.map((i) => i.path)).toEqual(expect.arrayContaining(['opgave.landscape.knobs', 'actors[0].stake']));
    expect(is.find((i) => i.path === 'opgave.landscape.knobs')!.message).toMatch(/at most 16 knobs in all with turbulence/);
    expect(is.find((i) => i.path === 'actors[0].stake')!.message).toMatch(/expected 3 values/);
  });

  it('rejects unknown fields (typos) by name', () => {
    const raw = valid() as Record<string, unknown>;
    (raw.actors as Record<string, unknown>[])[0].mandaat = 0.5;
    const is = issues(raw);
    expect(is[0].path).toBe('actors[0]');
    expect(is[0].message).toMatch(/mandaat/);
  });

  it('reports text that is not JSON with line and column', () => {
    expect(() => parseJsonText('{\n  "id": "x",\n  oops\n}', 'broken.json')).toThrow(/broken\.json.*not valid JSON at line 3/s);
  });

  it('--set rejects unknown paths and lists the valid keys', () => {
    const raw = valid() as Record<string, unknown>;
    expect(() => applySet(raw, 'nonsense=1')).toThrow(/no field 'nonsense'.*Valid keys: a model parameter \(meetingMode/s);
    applySet(raw, 'mu=0.2');
    applySet(raw, 'actors.0.resources=2');
    const sc = parseScenario(raw, 'x');
    expect(sc.params.mu).toBe(0.2);
    expect(sc.actors[0].resources).toBe(2);
    applySet(raw, 'mu=7');
    expect(() => parseScenario(raw, 'x')).toThrow(/params\.mu/);
  });
});

describe('CLI exit codes and messages', () => {
  const cli = join(ROOT, 'bin', 'samenspel.js');
  const dir = mkdtempSync(join(tmpdir(), 'samenspel-'));
  const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: ROOT });

  it('validate: 0 with a summary for a good file, 1 naming file and field for a bad one', () => {
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(valid()));
    const ok = run('validate', good);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/valid scenario 'x' — 2 named actors/);
    const badFile = join(dir, 'bad.json');
    const raw = valid() as Record<string, unknown>;
    (raw.actors as Record<string, unknown>[])[0].stake = 'hoog';
    writeFileSync(badFile, JSON.stringify(raw));
    const bad = run('validate', badFile);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(badFile);
    expect(bad.stderr).toMatch(/actors\[0\]\.stake/);
    const notJson = join(dir, 'text.json');
    writeFileSync(notJson, 'dit is geen json');
    const nj = run('validate', notJson);
    expect(nj.status).toBe(1);
    expect(nj.stderr).toMatch(/text\.json.*not valid JSON/s);
  });

  it('unknown scenario, preset, flag or --set path: exit 1 and list what is valid', () => {
    const a = run('run', 'geen-scenario');
    expect(a.status).toBe(1);
    expect(a.stderr).toMatch(/Valid scenarios: .*jeugdhulp/);
    const b = run('run', 'jeugdhulp', '--rules', 'geen-preset', '--ticks', '1');
    expect(b.status).toBe(1);
    expect(b.stderr).toMatch(/Valid presets: open-netwerk/);
    const c = run('run', 'jeugdhulp', '--geen-vlag');
    expect(c.status).toBe(1);
    expect(c.stderr).toMatch(/unknown option '--geen-vlag'/);
    const d = run('run', 'jeugdhulp', '--set', 'geen.pad=1', '--ticks', '1');
    expect(d.status).toBe(1);
    expect(d.stderr).toMatch(/Valid keys/);
  });

  it('run writes identical files twice, CSV to stdout without --out, JSON with everything to reproduce', () => {
    const f1 = join(dir, 'a.csv'), f2 = join(dir, 'b.csv');
    execFileSync(process.execPath, [cli, 'run', 'jeugdhulp', '--seed', '1', '--ticks', '40', '--out', f1, '--quiet'], { cwd: ROOT });
    execFileSync(process.execPath, [cli, 'run', 'jeugdhulp', '--seed', '1', '--ticks', '40', '--out', f2, '--quiet'], { cwd: ROOT });
    const stdout = run('run', 'jeugdhulp', '--seed', '1', '--ticks', '40').stdout;
    expect(readFileSync(f1, 'utf8')).toBe(readFileSync(f2, 'utf8'));
    expect(stdout).toBe(readFileSync(f1, 'utf8'));
    expect(stdout.split('\n')[0]).toMatch(/^tick,richten,leren,.*handelen,.*balance,impact,severity,core,periphery,outside,churn,trust,density,coreness,legitimacy,agendering,interaction,mobilisation,platform,samensturing,legitimation/);
    const j = join(dir, 'a.json');
    execFileSync(process.execPath, [cli, 'run', 'jeugdhulp', '--seed', '1', '--ticks', '10', '--out', j, '--quiet'], { cwd: ROOT });
    const json = JSON.parse(readFileSync(j, 'utf8'));
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['scenario', 'rules', 'seed', 'version', 'series', 'events', 'final']));
    expect(json.series).toHaveLength(11);
    expect(json.final.state.version).toBe(json.version);
  });
});
