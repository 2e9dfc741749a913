// What a researcher expects from one run: per-actor rows (long format, loads in pandas),
// identity columns so runs stack, a stop condition recorded in the output, and a warning for
// an event that comes after the last tick.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actorColumnNames, MEASURE_KEYS, parseUntil } from '../../sim/index.ts';
import { shipped } from '../helpers.ts';
import { cli, expectBadInput, tempDir, writeJson } from './helpers.ts';

// The first Python that has pandas (a pyenv shim may shadow the system's).
const PYTHON = ['python3', '/usr/bin/python3'].find((py) => spawnSync(py, ['-c', 'import pandas'], { encoding: 'utf8' }).status === 0);
const hasPandas = PYTHON !== undefined;

describe('run output', () => {
  const dir = tempDir('samenspel-output-');
  const jeugdhulp = shipped('jeugdhulp');
  const n = jeugdhulp.actors.length + jeugdhulp.groups.reduce((a, g) => a + g.count, 0);

  it('--actors --every: one row per actor per sampled tick, in the dictionary\'s columns', () => {
    const file = join(dir, 'actors.csv');
    const r = cli(['run', 'jeugdhulp', '--ticks', '20', '--actors', file, '--every', '5', '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(actorColumnNames(jeugdhulp.aspects.map((a) => a.id)).join(','));
    expect(lines).toHaveLength(1 + n * 5); // ticks 0, 5, 10, 15, 20
    const ticks = new Set(lines.slice(1).map((l) => l.split(',')[1]));
    expect([...ticks]).toEqual(['0', '5', '10', '15', '20']);
    expect(lines[1].startsWith(`jeugdhulp__s1,0,0,${jeugdhulp.actors[0].name},${jeugdhulp.actors[0].sector},`)).toBe(true);
    // The actors' file does not change the run's own series.
    const plain = cli(['run', 'jeugdhulp', '--ticks', '20', '--quiet']);
    expect(r.stdout).toBe(plain.stdout);
  });

  it.skipIf(!hasPandas)('the per-actor file loads in pandas unmodified: one row per actor per sampled tick', () => {
    const file = join(dir, 'actors.csv');
    const py = `import pandas as pd, sys
d = pd.read_csv(sys.argv[1])
assert d.groupby('tick').size().eq(${n}).all(), d.groupby('tick').size()
assert not d.duplicated(['run', 'tick', 'actor']).any()
assert d['engagement'].between(0, 1).all() and d['present'].isin([0, 1]).all()
assert set(d['position']) <= {'core', 'periphery', 'outside'}
assert d['approach_worth'].between(0, 1).all()
a = pd.read_csv(sys.argv[1], dtype={'approach': str})['approach']
assert a.str.len().eq(8).all() and a.str.fullmatch('[01]+').all(), a.head()
print(len(d), len(d.columns), d['trust_mean'].dtype, d['name'].dtype)`;
    const out = execFileSync(PYTHON!, ['-c', py, file], { encoding: 'utf8' }).trim();
    expect(out).toBe(`${n * 5} ${14 + 2 * jeugdhulp.aspects.length} float64 object`);
  });

  it('--id-columns: scenario, rules and seed first, so runs stack', () => {
    const r = cli(['run', 'jeugdhulp', '--ticks', '3', '--seed', '4', '--rules', 'keten', '--id-columns', '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(['scenario', 'rules', 'seed', 'tick', ...MEASURE_KEYS].join(','));
    expect(lines.slice(1).every((l) => l.startsWith('jeugdhulp,keten,4,'))).toBe(true);
    const plain = cli(['run', 'jeugdhulp', '--ticks', '3', '--seed', '4', '--rules', 'keten', '--quiet']).stdout.trimEnd().split('\n');
    expect(lines.slice(1).map((l) => l.split(',').slice(3).join(','))).toEqual(plain.slice(1));
  });

  it('--until stops the run when the condition holds and records it (CSV stopped column, JSON until)', () => {
    expect(parseUntil('severity<0.2')).toEqual({ measure: 'severity', op: '<', value: 0.2, text: 'severity < 0.2' });
    expect(() => parseUntil('ernst < 0.2')).toThrow(/unknown measure 'ernst'; measures: richten/);
    const full = cli(['run', 'jeugdhulp', '--ticks', '40', '--quiet']).stdout.trimEnd().split('\n');
    const severity = full.slice(1).map((l) => Number(l.split(',')[1 + MEASURE_KEYS.indexOf('severity')]));
    const threshold = severity[10];
    const first = severity.findIndex((v, t) => t > 0 && v < threshold + 1e-12);
    const r = cli(['run', 'jeugdhulp', '--ticks', '40', '--until', `severity <= ${threshold}`]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`stopped at tick ${first}: severity <= ${threshold}`);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0].endsWith(',stopped')).toBe(true);
    expect(lines).toHaveLength(1 + first + 1);
    expect(lines.at(-1)!.endsWith(',1')).toBe(true);
    expect(lines.slice(1, -1).every((l) => l.endsWith(',0'))).toBe(true);
    const json = join(dir, 'until.json');
    expect(cli(['run', 'jeugdhulp', '--ticks', '40', '--until', `severity <= ${threshold}`, '--out', json, '--quiet']).status).toBe(0);
    const data = JSON.parse(readFileSync(json, 'utf8'));
    expect(data.until).toEqual({ condition: `severity <= ${threshold}`, met: true, tick: first });
    expect(data.ticks).toBe(first);
    expectBadInput(cli(['run', 'jeugdhulp', '--until', 'severity ~ 2']), /--until: expected "<measure> <op> <value>"/);
  });

  it('an event after the last tick is a warning on stderr; the run goes on', () => {
    const events = writeJson(join(dir, 'late.json'), [{ tick: 2, type: 'rules', rules: 'keten' }, { tick: 500, type: 'rules', rules: 'open-netwerk' }]);
    const r = cli(['run', 'jeugdhulp', '--ticks', '5', '--events', events, '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`samenspel: warning: ${events}: events[1] at tick 500 comes after the last tick (5); it will not happen`);
    expect(r.stderr).not.toContain(`${events}: events[0]`);
  });

  it('bad --actors and --every exit 1 and write nothing', () => {
    expectBadInput(cli(['run', 'jeugdhulp', '--actors', join(dir, 'nope', 'a.csv')]), /--actors .*: the folder .* does not exist/);
    expectBadInput(cli(['run', 'jeugdhulp', '--actors', join(dir, 'a.txt')]), /--actors must end in \.csv/);
    expectBadInput(cli(['run', 'jeugdhulp', '--actors', join(dir, 'b.csv'), '--every', '0']), /--every expects a whole number ≥ 1/);
    expect(existsSync(join(dir, 'b.csv'))).toBe(false);
  });
});
