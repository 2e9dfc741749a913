// Batches that survive a cluster's habits, as real child processes: a run past its time limit,
// SIGTERM/SIGINT then --resume (byte-identical to an uninterrupted batch), a lock on the output
// folder (and a stale one after a crash), and report on an interrupted batch.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliAsync, expectBadInput, tempDir, until, writeJson } from './helpers.ts';
import { ROOT, shipped } from '../helpers.ts';

const DIR = tempDir('samenspel-survive-');
const SPEC = writeJson(join(DIR, 'spec.json'), {
  id: 'survive', scenarios: ['jeugdhulp'], strategies: ['open-netwerk', 'keten'], replications: 8, ticks: 40, seed: 5,
  measures: ['impact', { measure: 'richten', keep: 'mean', last: 10 }, { measure: 'impact', keep: 'series' }], seriesEvery: 20,
  actors: { every: 20 },
});
const FILES = ['runs.csv', 'series.csv', 'summary.csv', 'pairs.csv', 'failures.csv', 'actors.csv'];
const read = (d: string, f: string) => readFileSync(join(d, f), 'utf8');
const lines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0);
const manifest = (d: string) => JSON.parse(read(d, 'manifest.json')) as { status: string; runs: Record<string, number> };

describe('a batch survives', () => {
  it('a run past --run-timeout (or the spec\'s runTimeout) is stopped, its worker replaced, recorded in failures.csv; the rest finish', () => {
    const out = join(DIR, 'timeout');
    const hang = 'jeugdhulp__keten__r002';
    const r = cli(['batch', SPEC, '--out', out, '--workers', '1', '--replications', '3', '--ticks', '10', '--run-timeout', '1.5', '--test-crash', `${hang}=hang`]);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/1 run failed \(1 past the run time limit\)/);
    expect(r.stderr).toMatch(/1 worker\(s\) replaced/);
    const failures = read(out, 'failures.csv').trim().split('\n');
    expect(failures).toHaveLength(2);
    expect(failures[1]).toMatch(new RegExp(`^${hang},.*,1,"timed out after 1.5 s \\(run time limit\\); stopped, its worker replaced, not retried"$`));
    expect(lines(join(out, 'runs.csv'))).toBe(1 + 5);
    expect(manifest(out).status).toBe('incomplete');
    expect(existsSync(join(out, 'batch.lock'))).toBe(false);

    const specTimeout = writeJson(join(DIR, 'spec-timeout.json'), { ...JSON.parse(read(DIR, 'spec.json')), runTimeout: 1, replications: 1, ticks: 5 });
    const s = cli(['batch', specTimeout, '--out', join(DIR, 'timeout-spec'), '--workers', '1', '--test-crash', 'jeugdhulp__open-netwerk__r001=hang']);
    expect(s.status, s.stderr).toBe(2);
    expect(read(join(DIR, 'timeout-spec'), 'failures.csv')).toMatch(/jeugdhulp__open-netwerk__r001,.*timed out after 1 s/);
    expectBadInput(cli(['batch', SPEC, '--out', join(DIR, 'x'), '--run-timeout', '0']), /--run-timeout expects a number of seconds greater than 0, got '0'/);
  });

  it('SIGTERM stops cleanly (143, interrupted, runs kept); --resume gives files byte-identical to an uninterrupted batch', async () => {
    const whole = join(DIR, 'whole');
    const ok = cli(['batch', SPEC, '--out', whole, '--workers', '2', '--quiet']);
    expect(ok.status, ok.stderr).toBe(0);

    // Per-actor rows: every run's actors at ticks 0, 20, 40, in run-list order.
    const actors = read(whole, 'actors.csv').trimEnd().split('\n');
    const n = shipped('jeugdhulp').actors.length + shipped('jeugdhulp').groups.reduce((a, g) => a + g.count, 0);
    expect(actors).toHaveLength(1 + 16 * n * 3);
    expect(actors[1].startsWith('jeugdhulp__open-netwerk__r001,0,0,')).toBe(true);
    expect(actors.at(-1)!.startsWith(`jeugdhulp__keten__r008,40,${n - 1},`)).toBe(true);
    expect(JSON.parse(read(whole, 'scenarios/jeugdhulp.json'))).toEqual(JSON.parse(readFileSync(join(ROOT, 'scenarios', 'jeugdhulp.json'), 'utf8')));

    const out = join(DIR, 'term');
    const child = cliAsync(['batch', SPEC, '--out', out, '--workers', '2']);
    await until(() => lines(join(out, 'runs.jsonl')) >= 3, 'three finished runs');
    child.kill('SIGTERM');
    const { code, stderr } = await child.done;
    expect(code, stderr).toBe(143);
    expect(stderr).toMatch(/SIGTERM received: stopping/);
    expect(stderr).toMatch(/interrupted by SIGTERM: (\d+) of 16 runs finished and kept/);
    const kept = Number(/interrupted by SIGTERM: (\d+) of/.exec(stderr)![1]);
    expect(kept).toBeGreaterThanOrEqual(3);
    expect(kept).toBeLessThan(16);
    const m = manifest(out);
    expect(m.status).toBe('interrupted');
    expect(m.runs.finished).toBe(kept);
    expect(lines(join(out, 'runs.csv'))).toBe(1 + kept);
    expect(existsSync(join(out, 'summary.csv'))).toBe(false);
    expect(existsSync(join(out, 'batch.lock'))).toBe(false);
    expect(stderr).toMatch(new RegExp(`continue with: npx samenspel batch .*spec\\.json --out .*term --workers 2 --resume`));

    // report says how many runs it has, on the terminal and in the page.
    const rep = cli(['report', out]);
    expect(rep.status, rep.stderr).toBe(0);
    expect(rep.stderr).toContain(`${kept} of 16 runs finished, ${16 - kept} missing (batch interrupted; --resume it for the rest)`);
    const html = read(out, 'report.html');
    expect(html).toContain(`"runs":{"planned":16,"inThisDirectory":16,"finished":${kept},"failed":0,"missing":${16 - kept}}`);

    const resumed = cli(['batch', SPEC, '--out', out, '--workers', '1', '--resume', '--quiet']);
    expect(resumed.status, resumed.stderr).toBe(0);
    for (const f of FILES) expect(read(out, f), f).toBe(read(whole, f));
    expect(manifest(out).status).toBe('complete');
  });

  it('SIGINT (Ctrl-C) exits 130 with the manifest interrupted', async () => {
    const out = join(DIR, 'int');
    const child = cliAsync(['batch', SPEC, '--out', out, '--workers', '1', '--quiet']);
    await until(() => lines(join(out, 'runs.jsonl')) >= 1, 'a finished run');
    child.kill('SIGINT');
    const { code, stderr } = await child.done;
    expect(code, stderr).toBe(130);
    expect(manifest(out).status).toBe('interrupted');
  });

  it('a second batch on the same folder is refused while the first runs; a stale lock is taken over', async () => {
    const out = join(DIR, 'locked');
    const first = cliAsync(['batch', SPEC, '--out', out, '--workers', '1', '--quiet']);
    await until(() => existsSync(join(out, 'batch.lock')), 'the lock');
    const second = cli(['batch', SPEC, '--out', out, '--workers', '1', '--resume', '--quiet']);
    expectBadInput(second, new RegExp(`${out} is in use by another batch \\(pid ${first.pid}, started .*\\): wait for it to end, or choose another --out`));
    first.kill('SIGTERM');
    expect((await first.done).code).toBe(143);

    // A crashed batch leaves its lock behind: a pid that no longer runs.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(join(out, 'batch.lock'), JSON.stringify({ pid: Number(gone.stdout), host: hostname(), started: '2020-01-01T00:00:00Z' }));
    const resumed = cli(['batch', SPEC, '--out', out, '--workers', '2', '--resume', '--quiet', '--replications', '8']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/batch\.lock: stale lock of a batch that is no longer running \(pid \d+\); taking it over/);
    expect(existsSync(join(out, 'batch.lock'))).toBe(false);
  });

  it("a custom scenario's full JSON (with the spec's set) is stored in the batch folder and listed in the manifest", () => {
    const own = join(DIR, 'eigen-wijk.json');
    writeFileSync(own, readFileSync(join(ROOT, 'scenarios', 'jeugdhulp.json'), 'utf8'));
    const spec = writeJson(join(DIR, 'spec-own.json'), {
      id: 'own', scenarios: [{ id: 'eigen', scenario: 'eigen-wijk.json', set: ['mu=0.3'] }], replications: 1, ticks: 3, measures: ['impact'],
      strategies: [{ id: 'laat', preset: 'keten', events: [{ tick: 2, type: 'rules', rules: 'open-netwerk' }, { tick: 50, type: 'rules', rules: 'faciliterend' }] }],
    });
    const out = join(DIR, 'own');
    const r = cli(['batch', spec, '--out', out, '--workers', '1', '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    // An event after the last tick is a warning, and only that one.
    expect(r.stderr).toContain(`samenspel: warning: ${spec}: strategies[0].events[1] at tick 50 comes after the last tick (3); it will not happen`);
    expect(r.stderr).not.toContain('events[0]');
    const stored = JSON.parse(read(out, 'scenarios/eigen.json'));
    expect(stored.params.mu).toBe(0.3);
    expect({ ...stored, params: undefined }).toEqual({ ...JSON.parse(readFileSync(own, 'utf8')), params: undefined });
    expect((JSON.parse(read(out, 'manifest.json')) as { files: string[] }).files).toContain('scenarios/eigen.json');
  });

  it('merge of shards carries actors.csv and the scenarios\' JSON, equal to one batch', () => {
    const spec = writeJson(join(DIR, 'spec-merge.json'), {
      id: 'merge-actors', scenarios: ['jeugdhulp'], strategies: ['open-netwerk', 'keten'], replications: 2, ticks: 4, measures: ['impact'], actors: { every: 2 },
    });
    for (const k of [1, 2]) expect(cli(['batch', spec, '--out', join(DIR, `shard${k}`), '--shard', `${k}/2`, '--workers', '1', '--quiet']).status).toBe(0);
    const merged = cli(['merge', join(DIR, 'shard1'), join(DIR, 'shard2'), '--out', join(DIR, 'merged'), '--quiet']);
    expect(merged.status, merged.stderr).toBe(0);
    expect(cli(['batch', spec, '--out', join(DIR, 'one'), '--workers', '2', '--quiet']).status).toBe(0);
    for (const f of ['actors.csv', 'runs.csv', 'summary.csv', 'scenarios/jeugdhulp.json']) expect(read(join(DIR, 'merged'), f), f).toBe(read(join(DIR, 'one'), f));
  });
});
