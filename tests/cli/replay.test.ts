// A run reproduced from its own file: scenario (with --set overrides), rules, seed and every
// event and intervention come from the JSON; the replayed series is byte-identical.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, expectBadInput, tempDir, writeJson } from './helpers.ts';

describe('replay', () => {
  const dir = tempDir('samenspel-replay-');
  const events = writeJson(join(dir, 'events.json'), [
    { tick: 4, type: 'rules', rules: 'keten' },
    { tick: 7, type: 'resourceCut', target: '*', cut: 0.2 },
  ]);
  const args = ['run', 'jeugdhulp', '--ticks', '25', '--seed', '9', '--rules', 'faciliterend', '--set', 'mu=0.3', '--set', 'opgave.beliefNoise=0.4', '--events', events];

  it('reproduces a run with --rules, --set and interventions byte for byte', () => {
    const json = join(dir, 'run.json');
    const wrote = cli([...args, '--out', json]);
    expect(wrote.status, wrote.stderr).toBe(0);
    const direct = cli([...args, '--quiet']);
    expect(direct.status, direct.stderr).toBe(0);
    const replay = cli(['replay', json]);
    expect(replay.status, replay.stderr).toBe(0);
    expect(replay.stdout).toBe(direct.stdout);
    expect(replay.stderr).toMatch(/replayed .*run\.json: 26 rows identical to its series \(scenario 'jeugdhulp', seed 9, \d+ events\)/);
    // The overrides changed the run: without them the series differs, so the file carried them.
    const plain = cli(['run', 'jeugdhulp', '--ticks', '25', '--seed', '9', '--quiet']);
    expect(plain.stdout).not.toBe(direct.stdout);
    // And a replay to JSON gives the same file again.
    const again = join(dir, 'again.json');
    expect(cli(['replay', json, '--out', again, '--quiet']).status).toBe(0);
    expect(JSON.parse(readFileSync(again, 'utf8')).series).toEqual(JSON.parse(readFileSync(json, 'utf8')).series);
  });

  it('a tampered file does not reproduce: exit 2, nothing written', () => {
    const json = join(dir, 'run.json');
    const data = JSON.parse(readFileSync(json, 'utf8'));
    data.seed = 10;
    const bad = join(dir, 'tampered.json');
    writeFileSync(bad, JSON.stringify(data));
    const out = join(dir, 'tampered.csv');
    const r = cli(['replay', bad, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/does not reproduce: tick 0 differs first \(richten: /);
    expect(() => readFileSync(out)).toThrow();
  });

  it('--events given a whole run file refuses it and points to replay; replay refuses a non-run file', () => {
    const json = join(dir, 'run.json');
    expectBadInput(cli(['run', 'jeugdhulp', '--events', json]), new RegExp(`--events ${json}: this is a whole run file .* npx samenspel replay ${json}`));
    expectBadInput(cli(['replay', events]), /not a run file; expected the JSON that 'samenspel run <scenario> --out/);
  });
});
