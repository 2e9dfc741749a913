// `sensitivity`, `calibrate` and `merge` survive a cluster's habits as `batch` does
// (batch-survive.test.ts), as real child processes: SIGTERM while a run hangs (a test hook,
// so the moment of the signal does not depend on the machine's speed) then --resume gives files
// byte-identical to an uninterrupted run, in every stage of calibrate; a second process on a
// locked folder is refused and a stale lock is taken over; a hung run past the time limit, or
// a held-out point that throws, fails alone.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliAsync, expectBadInput, tempDir, TINY_CALIBRATION, TINY_SCENARIO, until, writeJson } from './helpers.ts';

const DIR = tempDir('samenspel-design-survive-');
writeJson(join(DIR, 'tiny.json'), TINY_SCENARIO);
// 2 trajectories × 3 points × 2 seeds = 12 runs.
const SENS = writeJson(join(DIR, 'sens.json'), {
  id: 'tiny-sensitivity', scenario: 'tiny.json', parameters: { mu: { min: 0.05, max: 0.5 }, trustGain: { min: 0.01, max: 0.1 } },
  measures: [{ measure: 'richten', keep: 'mean', last: 5 }, 'impact'], method: 'morris', morris: { trajectories: 2, levels: 4 },
  seeds: 2, seed: 5, statistics: { resamples: 100, level: 0.95 },
});
// 5 points × 2 seeds = 10 runs; all 5 points are accepted, then held out on P2.
const CAL_SPEC = TINY_CALIBRATION;
const CAL = writeJson(join(DIR, 'cal.json'), CAL_SPEC);
// Stage 1: 2 trajectories × 4 points × 2 seeds = 16 runs; stage 2 as above over the 2 kept parameters.
const SCREENED = writeJson(join(DIR, 'screened.json'), {
  ...CAL_SPEC, id: 'tiny-screened', parameters: { ...CAL_SPEC.parameters, bilateralTrust: { min: 0.1, max: 0.9 } },
  screening: { method: 'morris', trajectories: 2, levels: 4, keep: { count: 2 } },
});

const read = (d: string, f: string) => readFileSync(join(d, f), 'utf8');
const lines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0);
const manifest = (d: string) => JSON.parse(read(d, 'manifest.json')) as { status: string; runs: Record<string, number> };
/** The manifest apart from what differs between sessions (timings) and folders (the preregistration's time). */
const stable = (d: string, f = 'manifest.json') => {
  const m = JSON.parse(read(d, f));
  delete m.session;
  if (m.spec?.preregistration) delete m.spec.preregistration.registered;
  return m;
};
function same(a: string, b: string, files: string[], manifests = ['manifest.json']) {
  for (const f of files) expect(read(b, f), f).toBe(read(a, f));
  for (const m of manifests) expect(stable(b, m), m).toEqual(stable(a, m));
}
const SENS_FILES = ['runs.csv', 'failures.csv', 'summary.csv', 'pairs.csv', 'design.csv', 'indices.csv'];
const CAL_FILES = ['runs.csv', 'failures.csv', 'points.csv', 'accepted.csv', 'heldout.csv'];
const SCREEN_FILES = [...CAL_FILES, 'screening.csv', 'screening/runs.csv', 'screening/design.csv', 'screening/indices.csv'];
const lockOf = (d: string) => join(d, 'batch.lock');

/** A pid that no longer runs: what a SIGKILLed process leaves in its lock. */
function staleLock(dir: string, command: string) {
  const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  writeFileSync(lockOf(dir), JSON.stringify({ pid: Number(gone.stdout), host: hostname(), started: '2020-01-01T00:00:00Z', command }));
}

/** Starts the command with one run (or held-out point) hanging, waits until `ready`, sends SIGTERM; returns what it said. */
async function termWhileHanging(args: string[], ready: () => boolean, what: string, whileRunning?: (pid: number) => void) {
  const child = cliAsync(args);
  await until(ready, what);
  whileRunning?.(child.pid!);
  child.kill('SIGTERM');
  return child.done;
}

describe('sensitivity survives', () => {
  const whole = join(DIR, 'sens-whole');

  it('SIGTERM stops it cleanly (143, interrupted, lock released) while a second process and a merge into the folder are refused; --resume gives byte-identical files', async () => {
    const ok = cli(['sensitivity', SENS, '--out', whole, '--workers', '2', '--quiet']);
    expect(ok.status, ok.stderr).toBe(0);

    const out = join(DIR, 'sens-term');
    // Workers 1, runs in run-list order: the 6th hangs, so exactly 5 are finished when the signal comes.
    const { code, stderr } = await termWhileHanging(
      ['sensitivity', SENS, '--out', out, '--workers', '1', '--test-crash', 'tiny__eigen__d003__r002=hang'],
      () => lines(join(out, 'runs.jsonl')) >= 5 && existsSync(lockOf(out)), 'five runs and the lock',
      (pid) => {
        expectBadInput(cli(['sensitivity', SENS, '--out', out, '--resume', '--quiet']),
          new RegExp(`${out} is in use by another sensitivity analysis \\(pid ${pid}, started .*\\): wait for it to end, or choose another --out`));
        expectBadInput(cli(['merge', whole, '--out', out, '--quiet']), new RegExp(`${out} is in use by another sensitivity analysis \\(pid ${pid},`));
      },
    );
    expect(code, stderr).toBe(143);
    expect(stderr).toMatch(/SIGTERM received: stopping/);
    expect(stderr).toContain(`interrupted by SIGTERM: 5 of 12 runs finished and kept in ${out}`);
    expect(stderr).toMatch(/continue with: npx samenspel sensitivity .*sens\.json --out .*sens-term --workers 1 --resume/);
    expect(manifest(out).status).toBe('interrupted');
    expect(manifest(out).runs.finished).toBe(5);
    expect(lines(join(out, 'runs.csv'))).toBe(1 + 5);
    expect(existsSync(join(out, 'indices.csv'))).toBe(false);
    expect(existsSync(lockOf(out))).toBe(false);

    const resumed = cli(['sensitivity', SENS, '--out', out, '--workers', '2', '--resume', '--quiet']);
    expect(resumed.status, resumed.stderr).toBe(0);
    same(whole, out, SENS_FILES);
    expect(manifest(out).status).toBe('complete');
  });

  it('a run past --run-timeout is stopped and recorded, the rest finish; a stale lock is taken over by --resume, which completes it', () => {
    const out = join(DIR, 'sens-timeout');
    const hang = 'tiny__eigen__d002__r001';
    const r = cli(['sensitivity', SENS, '--out', out, '--workers', '1', '--run-timeout', '1.5', '--test-crash', `${hang}=hang`]);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/run time limit 1\.5 s/);
    expect(r.stderr).toMatch(/1 worker\(s\) replaced/);
    expect(r.stderr).toContain(`samenspel: 1 run failed (1 past the run time limit); see ${join(out, 'failures.csv')}`);
    const failures = read(out, 'failures.csv').trim().split('\n');
    expect(failures).toHaveLength(2);
    expect(failures[1]).toMatch(new RegExp(`^${hang},.*,1,"timed out after 1.5 s \\(run time limit\\); stopped, its worker replaced, not retried"$`));
    expect(lines(join(out, 'runs.csv'))).toBe(1 + 11);
    expect(existsSync(join(out, 'indices.csv'))).toBe(false);
    expect(manifest(out).status).toBe('incomplete');
    expect(existsSync(lockOf(out))).toBe(false);

    staleLock(out, `sensitivity ${SENS} --out ${out}`);
    const resumed = cli(['sensitivity', SENS, '--out', out, '--workers', '2', '--resume', '--quiet']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/batch\.lock: stale lock of a sensitivity analysis that is no longer running \(pid \d+\); taking it over/);
    expect(existsSync(lockOf(out))).toBe(false);
    same(whole, out, SENS_FILES);

    expectBadInput(cli(['sensitivity', SENS, '--out', join(DIR, 'x'), '--run-timeout', '0']), /--run-timeout expects a number of seconds greater than 0, got '0'/);
    const bad = writeJson(join(DIR, 'sens-bad.json'), { ...JSON.parse(read(DIR, 'sens.json')), runTimeout: -1 });
    expectBadInput(cli(['sensitivity', bad, '--out', join(DIR, 'x')]), /sens-bad\.json.*\n?.*runTimeout/);
  });
});

describe('calibrate survives', () => {
  const whole = join(DIR, 'cal-whole');
  const wholeScreened = join(DIR, 'screened-whole');

  it('SIGTERM in stage 1 (screening), --resume: byte-identical; the folder and its screening folder are locked meanwhile', async () => {
    const ok = cli(['calibrate', SCREENED, '--out', wholeScreened, '--workers', '2', '--quiet']);
    expect(ok.status, ok.stderr).toBe(0);
    const out = join(DIR, 'screened-term');
    const { code, stderr } = await termWhileHanging(
      ['calibrate', SCREENED, '--out', out, '--workers', '1', '--quiet', '--test-crash', 'tiny__eigen__d003__r001=hang'],
      () => lines(join(out, 'screening', 'runs.jsonl')) >= 4, 'four screening runs',
      (pid) => {
        expect(existsSync(lockOf(out)) && existsSync(lockOf(join(out, 'screening')))).toBe(true);
        expectBadInput(cli(['calibrate', SCREENED, '--out', out, '--resume', '--quiet']), new RegExp(`${out} is in use by another calibration \\(pid ${pid},`));
      },
    );
    expect(code, stderr).toBe(143);
    expect(stderr).toContain(`interrupted by SIGTERM: stage 1 (screening): 4 of 16 runs finished and kept in ${join(out, 'screening')}`);
    expect(manifest(join(out, 'screening')).status).toBe('interrupted');
    expect(existsSync(join(out, 'screening.csv'))).toBe(false);
    expect(existsSync(lockOf(out)) || existsSync(lockOf(join(out, 'screening')))).toBe(false);
    const resumed = cli(['calibrate', SCREENED, '--out', out, '--resume', '--quiet']);
    expect(resumed.status, resumed.stderr).toBe(0);
    same(wholeScreened, out, SCREEN_FILES, ['manifest.json', 'screening/manifest.json']);
  });

  it('SIGTERM in stage 2 and in the held-out tests, --resume (over a stale lock): byte-identical', async () => {
    const ok = cli(['calibrate', CAL, '--out', whole, '--workers', '2', '--quiet']);
    expect(ok.status, ok.stderr).toBe(0);

    const out2 = join(DIR, 'cal-term2');
    const s2 = await termWhileHanging(
      ['calibrate', CAL, '--out', out2, '--workers', '1', '--quiet', '--test-crash', 'tiny__eigen__d003__r001=hang'],
      () => lines(join(out2, 'runs.jsonl')) >= 4, 'four stage 2 runs',
    );
    expect(s2.code, s2.stderr).toBe(143);
    expect(s2.stderr).toContain(`interrupted by SIGTERM: stage 2: 4 of 10 runs finished and kept in ${out2}`);
    expect(manifest(out2).status).toBe('interrupted');
    expect(existsSync(join(out2, 'points.csv'))).toBe(false);
    staleLock(out2, `calibrate ${CAL} --out ${out2}`);
    const r2 = cli(['calibrate', CAL, '--out', out2, '--resume', '--quiet']);
    expect(r2.status, r2.stderr).toBe(0);
    expect(r2.stderr).toMatch(/stale lock of a calibration that is no longer running \(pid \d+\); taking it over/);
    same(whole, out2, CAL_FILES);

    const out3 = join(DIR, 'cal-term3');
    // Point 3's held-out experiments hang; points 1 and 2 are done before it (one worker, accepted order).
    const s3 = await termWhileHanging(
      ['calibrate', CAL, '--out', out3, '--workers', '1', '--quiet', '--test-crash', 'heldout-d3=hang'],
      () => lines(join(out3, 'heldout.jsonl')) >= 2, 'two held-out points',
    );
    expect(s3.code, s3.stderr).toBe(143);
    expect(s3.stderr).toContain(`interrupted by SIGTERM: 2 of 5 held-out points finished and kept in ${join(out3, 'heldout.jsonl')}`);
    expect(manifest(out3).status).toBe('interrupted');
    expect(existsSync(join(out3, 'heldout.csv'))).toBe(false);
    expect(existsSync(lockOf(out3))).toBe(false);
    const r3 = cli(['calibrate', CAL, '--out', out3, '--resume', '--workers', '2', '--quiet']);
    expect(r3.status, r3.stderr).toBe(0);
    same(whole, out3, CAL_FILES);
  });

  it("a run past the spec's runTimeout fails alone (no held-out tests then); a held-out point that throws fails alone; --resume completes both", () => {
    const timed = writeJson(join(DIR, 'cal-timeout.json'), { ...CAL_SPEC, runTimeout: 1 });
    const out = join(DIR, 'cal-timeout');
    const r = cli(['calibrate', timed, '--out', out, '--workers', '1', '--test-crash', 'tiny__eigen__d002__r002=hang']);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/1 run failed \(1 past the run time limit\) \(see .*failures\.csv\); the held-out tests need a complete stage 2/);
    expect(read(out, 'failures.csv')).toMatch(/tiny__eigen__d002__r002,.*timed out after 1 s/);
    expect(lines(join(out, 'runs.csv'))).toBe(1 + 9);
    expect(existsSync(join(out, 'heldout.csv'))).toBe(false);
    const again = cli(['calibrate', timed, '--out', out, '--resume', '--quiet']);
    expect(again.status, again.stderr).toBe(0);
    // The time limit is part of the spec (and so of its preregistration), not of the runs.
    for (const f of CAL_FILES) expect(read(out, f), f).toBe(read(whole, f));

    const out2 = join(DIR, 'cal-heldout-throw');
    const t = cli(['calibrate', CAL, '--out', out2, '--workers', '2', '--test-crash', 'heldout-d2=throw']);
    expect(t.status, t.stderr).toBe(2);
    expect(t.stderr).toContain('the held-out tests failed on 1 of 5 accepted point(s)');
    expect(read(out2, 'heldout-failures.csv')).toBe('design,attempts,error\n2,2,test hook: run heldout-d2 throws on purpose\n');
    expect(lines(join(out2, 'heldout.jsonl'))).toBe(4);
    expect(existsSync(join(out2, 'heldout.csv')) || existsSync(join(out2, 'calibration.html'))).toBe(false);
    const t2 = cli(['calibrate', CAL, '--out', out2, '--resume', '--quiet']);
    expect(t2.status, t2.stderr).toBe(0);
    expect(existsSync(join(out2, 'heldout-failures.csv'))).toBe(false);
    same(whole, out2, CAL_FILES);
  });
});

describe('merge takes the lock', () => {
  it('takes over a stale lock in --out and releases it', () => {
    const out = join(DIR, 'merge-stale');
    const whole = join(DIR, 'sens-whole');
    if (!existsSync(join(whole, 'runs.jsonl'))) expect(cli(['sensitivity', SENS, '--out', whole, '--workers', '2', '--quiet']).status).toBe(0);
    expect(cli(['merge', whole, '--out', join(DIR, 'merge-fresh'), '--quiet']).status).toBe(0);
    cli(['merge', whole, '--out', out, '--quiet']);
    staleLock(out, `merge ${whole} --out ${out}`);
    const r = cli(['merge', whole, '--out', out, '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/stale lock of a merge that is no longer running/);
    expect(existsSync(lockOf(out))).toBe(false);
    expect(read(out, 'runs.csv')).toBe(read(whole, 'runs.csv'));
  });
});

describe('help', () => {
  it('sensitivity, calibrate and batch list --run-timeout and say what SIGTERM does; merge says one process per folder', () => {
    for (const c of ['batch', 'sensitivity', 'calibrate']) {
      const h = cli([c, '--help']);
      const text = h.stdout.replace(/\s+/g, ' ');
      expect(text, c).toContain("--run-timeout <seconds> stop a run that takes longer, record it in failures.csv and go on (default: the spec's runTimeout, else none)");
      expect(text, c).toMatch(/SIGTERM or SIGINT \(Slurm at its time limit, Ctrl-C\) stop the .* cleanly/);
      expect(h.stdout, c).not.toContain('--test-crash');
    }
    expect(cli(['merge', '--help']).stdout.replace(/\s+/g, ' ')).toMatch(/one process at a time may write to an --out folder/);
  });
});
