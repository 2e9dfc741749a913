// `samenspel sensitivity` and `samenspel calibrate` end to end as child processes (they start worker pools, so they run
// here rather than under Vitest): byte-identical for 1 and 2 workers, after a SIGKILL and
// --resume, and over shards + merge; common seeds across design points; Sobol and Morris
// columns; bad input. Prints one line per test and finally `N passed, M failed`.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { screenshotReport } from './screenshot.ts';
import { TINY_CALIBRATION, TINY_SCENARIO } from '../cli/helpers.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const TMP = mkdtempSync(join(tmpdir(), 'samenspel-sensitivity-'));

const tests: { name: string; fn: () => void | Promise<void> }[] = [];
const test = (name: string, fn: () => void | Promise<void>) => tests.push({ name, fn });
function check(ok: unknown, message: string): asserts ok {
  if (!ok) throw new Error(message);
}

const SPEC = {
  id: 'tiny-sensitivity',
  scenario: 'tiny.json',
  parameters: { mu: { min: 0.05, max: 0.5 }, trustGain: { min: 0.01, max: 0.1 }, maxMeetings: { min: 1, max: 6 } },
  measures: [{ measure: 'richten', keep: 'mean', last: 5 }, 'impact'],
  morris: { trajectories: 3, levels: 4 },
  sobol: { samples: 4 },
  seeds: 2,
  seed: 5,
  statistics: { resamples: 200, level: 0.95 },
};
writeFileSync(join(TMP, 'tiny.json'), JSON.stringify(TINY_SCENARIO));
const specFile = join(TMP, 'spec.json');
writeFileSync(specFile, JSON.stringify(SPEC));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'samenspel.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}
const out = (name: string) => join(TMP, name);
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const FILES = ['runs.csv', 'failures.csv', 'summary.csv', 'pairs.csv', 'design.csv', 'indices.csv'];
function sameFiles(a: string, b: string) {
  for (const f of FILES) check(read(a, f) === read(b, f), `${f} differs between ${a} and ${b}`);
  const m = (d: string) => { const x = JSON.parse(read(d, 'manifest.json')); delete x.session; return JSON.stringify(x); };
  check(m(a) === m(b), `manifest.json (without session) differs between ${a} and ${b}`);
}
function ok(r: ReturnType<typeof cli>, what: string) {
  check(r.status === 0, `${what}: exit ${r.status} ${r.signal ?? ''}\n${r.stderr.slice(-2000)}`);
}

test('morris: 1 worker and 2 workers write byte-identical files; common seeds across design points', () => {
  ok(cli('sensitivity', specFile, '--method', 'morris', '--out', out('m1'), '--workers', '1', '--quiet'), 'workers 1');
  ok(cli('sensitivity', specFile, '--method', 'morris', '--out', out('m2'), '--workers', '2', '--quiet'), 'workers 2');
  sameFiles(out('m1'), out('m2'));
  const runs = csvParse(read(out('m1'), 'runs.csv'));
  check(runs.length === 3 * 4 * 2, `expected 24 runs, got ${runs.length}`);
  for (const rep of ['1', '2']) {
    const seeds = new Set(runs.filter((r) => r.replicate === rep).map((r) => r.seed));
    check(seeds.size === 1, `replicate ${rep} has ${seeds.size} seeds over the design points, expected 1`);
  }
  check(runs.every((r) => Number.isInteger(Number(r.maxMeetings))), 'maxMeetings must be whole numbers');
  const ix = csvParse(read(out('m1'), 'indices.csv'));
  check(ix.columns.join(',') === 'parameter,measure,mu_star,sigma,S1,S1_conf,ST,ST_conf,mu,mu_star_conf', `columns: ${ix.columns}`);
  check(ix.length === 3 * 2, `expected 6 index rows, got ${ix.length}`);
  check(ix.every((r) => r.mu_star !== '' && r.sigma !== '' && r.S1 === '' && r.ST === ''), 'morris rows: mu_star and sigma filled, S1/ST empty');
  const manifest = JSON.parse(read(out('m1'), 'manifest.json'));
  check(manifest.spec.sensitivity.method === 'morris' && manifest.spec.sensitivity.parameters[2].integer === true, 'the manifest records the problem');
  check(manifest.batch.commonSeeds === true, 'the batch has common seeds');
  check(existsSync(join(out('m1'), 'sensitivity.html')), 'sensitivity.html written');
});

test('a run killed after 7 runs resumes to byte-identical files; a started folder without --resume is refused', () => {
  const r = cli('sensitivity', specFile, '--method', 'morris', '--out', out('killed'), '--workers', '2', '--quiet', '--test-exit-after', '7');
  check(r.signal === 'SIGKILL' || r.status !== 0, `expected the kill, got exit ${r.status}`);
  check(!existsSync(join(out('killed'), 'indices.csv')), 'no indices.csv after a kill');
  const again = cli('sensitivity', specFile, '--method', 'morris', '--out', out('killed'), '--quiet');
  check(again.status === 1 && /--resume/.test(again.stderr), `expected exit 1 naming --resume, got ${again.status}: ${again.stderr}`);
  ok(cli('sensitivity', specFile, '--method', 'morris', '--out', out('killed'), '--workers', '1', '--resume', '--quiet'), 'resume');
  const resumed = JSON.parse(read(out('killed'), 'manifest.json')).session.resumedRuns;
  check(resumed >= 7 && resumed < 24, `the resumed session should find the killed session's runs, found ${resumed}`);
  sameFiles(out('m1'), out('killed'));
});

test('two shards merged, then --resume on the merge, give the unsharded indices', () => {
  ok(cli('sensitivity', specFile, '--method', 'morris', '--out', out('s1'), '--shard', '1/2', '--workers', '1', '--quiet'), 'shard 1');
  ok(cli('sensitivity', specFile, '--method', 'morris', '--out', out('s2'), '--shard', '2/2', '--workers', '1', '--quiet'), 'shard 2');
  check(!existsSync(join(out('s1'), 'indices.csv')), 'a shard writes no indices');
  ok(cli('merge', out('s1'), out('s2'), '--out', out('merged'), '--quiet'), 'merge');
  ok(cli('sensitivity', specFile, '--method', 'morris', '--out', out('merged'), '--resume', '--quiet'), 'indices on the merge');
  sameFiles(out('m1'), out('merged'));
});

test('sobol: N·(D + 2) design points, S1/ST with CIs filled and Morris columns empty; --points and --seeds override', () => {
  ok(cli('sensitivity', specFile, '--method', 'sobol', '--out', out('sobol'), '--points', '8', '--seeds', '1', '--workers', '2', '--quiet'), 'sobol');
  const design = csvParse(read(out('sobol'), 'design.csv'));
  check(design.length === 8 * 5, `expected 40 design points, got ${design.length}`);
  check(csvParse(read(out('sobol'), 'runs.csv')).length === 40, 'one seed per point');
  const ix = csvParse(read(out('sobol'), 'indices.csv'));
  check(ix.every((r) => r.mu_star === '' && r.sigma === '' && r.S1 !== '' && r.S1_conf !== '' && r.ST !== '' && r.ST_conf !== ''), 'sobol rows: S1, S1_conf, ST, ST_conf filled');
});

test('bad input: exit 1 naming the file and the field; no method at all is refused', () => {
  const bad = join(TMP, 'bad.json');
  writeFileSync(bad, JSON.stringify({ ...SPEC, measures: [{ measure: 'core', keep: 'threshold', above: 2 }], parameters: { mu: { min: 0.1, max: 0.9 } } }));
  const r = cli('sensitivity', bad, '--method', 'morris', '--out', out('bad'));
  check(r.status === 1, `expected exit 1, got ${r.status}`);
  check(r.stderr.includes('bad.json') && r.stderr.includes('measures[0].keep'), `message: ${r.stderr}`);
  const range = cli('sensitivity', join(TMP, 'range.json'), '--out', out('bad'));
  check(range.status === 1, 'a missing spec file is exit 1');
  writeFileSync(join(TMP, 'range.json'), JSON.stringify({ ...SPEC, parameters: { mu: { min: 0.1, max: 0.9 } } }));
  const r2 = cli('sensitivity', join(TMP, 'range.json'), '--method', 'sobol', '--out', out('bad2'));
  check(r2.status === 1 && r2.stderr.includes('parameters.mu.max') && r2.stderr.includes('range'), `out of range: ${r2.stderr}`);
  const r3 = cli('sensitivity', specFile, '--out', out('bad3'));
  check(r3.status === 1 && r3.stderr.includes('--method'), `no method: ${r3.stderr}`);
  check(!r.stderr.includes('    at '), 'no stack trace');
});

const CAL = TINY_CALIBRATION;
const calFile = join(TMP, 'calibration.json');
writeFileSync(calFile, JSON.stringify(CAL, null, 2));
const CAL_FILES = ['runs.csv', 'points.csv', 'accepted.csv', 'heldout.csv'];
function sameCal(a: string, b: string) {
  for (const f of CAL_FILES) check(read(a, f) === read(b, f), `${f} differs between ${a} and ${b}`);
}

test('calibrate: preregistered before any run; 1 and 2 workers byte-identical; held-out tests only on accepted points', () => {
  ok(cli('calibrate', calFile, '--out', out('c1'), '--workers', '1', '--quiet'), 'calibrate 1 worker');
  ok(cli('calibrate', calFile, '--out', out('c2'), '--workers', '2', '--quiet'), 'calibrate 2 workers');
  sameCal(out('c1'), out('c2'));
  const prereg = JSON.parse(read(out('c1'), 'preregistration.json'));
  check(/^[0-9a-f]{64}$/.test(prereg.sha256) && !Number.isNaN(Date.parse(prereg.registered)), 'preregistration has a hash and a timestamp');
  const points = csvParse(read(out('c1'), 'points.csv'));
  check(points.length === 5 && points.columns.includes('some-direction') && points.columns.includes('all'), `points.csv: ${points.columns}`);
  const accepted = points.filter((p) => p.accepted === 'true').length;
  check(accepted > 0, 'this spec accepts points (else the held-out check below says nothing)');
  check(csvParse(read(out('c1'), 'accepted.csv')).length === accepted, 'accepted.csv holds the accepted points');
  const heldout = csvParse(read(out('c1'), 'heldout.csv'));
  check(heldout.every((h) => Number(h.points) === accepted), `every held-out test ran on the ${accepted} accepted points`);
  check(existsSync(join(out('c1'), 'calibration.html')), 'calibration.html written');
});

test('calibrate: killed after 3 runs, resumed to byte-identical files; a changed spec invalidates the folder', () => {
  const r = cli('calibrate', calFile, '--out', out('ck'), '--workers', '2', '--quiet', '--test-exit-after', '3');
  check(r.signal === 'SIGKILL' || r.status !== 0, `expected the kill, got exit ${r.status}`);
  check(existsSync(join(out('ck'), 'preregistration.json')), 'preregistration written before the runs');
  ok(cli('calibrate', calFile, '--out', out('ck'), '--resume', '--quiet'), 'resume');
  sameCal(out('c1'), out('ck'));
  writeFileSync(calFile, JSON.stringify({ ...CAL, accept: { share: 0.9 } }, null, 2));
  const changed = cli('calibrate', calFile, '--out', out('ck'), '--resume', '--quiet');
  writeFileSync(calFile, JSON.stringify(CAL, null, 2));
  check(changed.status === 1 && /preregistered/.test(changed.stderr) && /invalidates/.test(changed.stderr), `changed spec: ${changed.status} ${changed.stderr}`);
  const budget = cli('calibrate', calFile, '--out', out('ck'), '--resume', '--points', '3', '--quiet');
  check(budget.status === 1 && /--points/.test(budget.stderr), `changed budget: ${budget.status} ${budget.stderr}`);
});

test('calibrate: killed during the held-out tests, resumed to byte-identical files', () => {
  const r = cli('calibrate', calFile, '--out', out('ch'), '--workers', '2', '--quiet', '--test-exit-after-heldout', '2');
  check(r.signal === 'SIGKILL' || r.status !== 0, `expected the kill, got exit ${r.status}`);
  check(!existsSync(join(out('ch'), 'heldout.csv')), 'no heldout.csv after the kill');
  const kept = read(out('ch'), 'heldout.jsonl').trim().split('\n').length;
  check(kept === 2, `2 held-out points kept, found ${kept}`);
  ok(cli('calibrate', calFile, '--out', out('ch'), '--resume', '--quiet'), 'resume');
  sameCal(out('c1'), out('ch'));
});

test('calibrate: shards + merge + the preregistration copied in, then --resume, give the unsharded files', () => {
  ok(cli('calibrate', calFile, '--out', out('cs1'), '--shard', '1/2', '--workers', '1', '--quiet'), 'shard 1');
  ok(cli('calibrate', calFile, '--out', out('cs2'), '--shard', '2/2', '--workers', '1', '--quiet'), 'shard 2');
  check(!existsSync(join(out('cs1'), 'points.csv')), 'a shard writes no points.csv');
  ok(cli('merge', out('cs1'), out('cs2'), '--out', out('cm'), '--quiet'), 'merge');
  const refused = cli('calibrate', calFile, '--out', out('cm'), '--resume', '--quiet');
  check(refused.status === 1 && /preregistration/.test(refused.stderr), `a merge without the preregistration: ${refused.status} ${refused.stderr}`);
  writeFileSync(join(out('cm'), 'preregistration.json'), read(out('cs1'), 'preregistration.json'));
  ok(cli('calibrate', calFile, '--out', out('cm'), '--resume', '--quiet'), 'stages 3–4 on the merge');
  sameCal(out('c1'), out('cm'));
});

test('calibrate: an impossible filter gives an empty accepted region, reported as such', () => {
  const empty = join(TMP, 'empty.json');
  writeFileSync(empty, JSON.stringify({ ...CAL, filters: [{ id: 'impossible', measure: { measure: 'richten', keep: 'final' }, min: 2 }] }));
  const r = cli('calibrate', empty, '--out', out('ce'), '--workers', '2');
  ok(r, 'calibrate empty');
  check(/accepted region is empty/.test(r.stderr), `stderr: ${r.stderr.slice(-500)}`);
  check(csvParse(read(out('ce'), 'accepted.csv')).length === 0 && csvParse(read(out('ce'), 'heldout.csv')).length === 0, 'no accepted points, no held-out rows');
  check(read(out('ce'), 'calibration.html').includes('The accepted region is empty'), 'the report says so');
});

const SCREEN = {
  ...CAL,
  id: 'tiny-screened',
  // bilateralTrust is read only under the bilateral knowledge regime: no effect with these rules.
  parameters: { ...CAL.parameters, bilateralTrust: { min: 0.1, max: 0.9 } },
  screening: { method: 'morris', trajectories: 3, levels: 4, keep: { count: 2 } },
};
const screenFile = join(TMP, 'screened.json');
writeFileSync(screenFile, JSON.stringify(SCREEN, null, 2));
const SCREEN_FILES = [...CAL_FILES, 'screening.csv', 'screening/runs.csv', 'screening/design.csv', 'screening/indices.csv'];
function sameScreened(a: string, b: string) {
  for (const f of SCREEN_FILES) check(read(a, f) === read(b, f), `${f} differs between ${a} and ${b}`);
  for (const m of ['manifest.json', 'screening/manifest.json']) {
    // The preregistration's timestamp differs between folders (by design); all else is equal.
    const strip = (d: string) => { const x = JSON.parse(read(d, m)); delete x.session; delete x.spec.preregistration.registered; return JSON.stringify(x); };
    check(strip(a) === strip(b), `${m} (without session) differs between ${a} and ${b}`);
  }
}

test('calibrate with screening: 1 and 2 workers byte-identical; a parameter without effect ranks last and is held; stage 2 varies the kept ones', () => {
  ok(cli('calibrate', screenFile, '--out', out('sc1'), '--workers', '1', '--quiet'), 'screened, 1 worker');
  ok(cli('calibrate', screenFile, '--out', out('sc2'), '--workers', '2', '--quiet'), 'screened, 2 workers');
  sameScreened(out('sc1'), out('sc2'));
  const ranks = csvParse(read(out('sc1'), 'screening.csv'));
  check(ranks.length === 3 && ranks[2].parameter === 'bilateralTrust' && Number(ranks[2].score) === 0 && ranks[2].kept === 'false',
    `bilateralTrust should rank last with score 0, held: ${JSON.stringify(ranks)}`);
  check(ranks.filter((r) => r.kept === 'true').length === 2, 'keep count 2');
  const s1runs = csvParse(read(out('sc1'), 'screening/runs.csv'));
  check(s1runs.length === 3 * 4 * 2, `stage 1: 3 trajectories × 4 points × 2 seeds, got ${s1runs.length}`);
  for (const rep of ['1', '2']) check(new Set(s1runs.filter((r) => r.replicate === rep).map((r) => r.seed)).size === 1, 'stage 1 has common seeds');
  const points = csvParse(read(out('sc1'), 'points.csv'));
  check(points.length === 5 && !points.columns.includes('bilateralTrust') && points.columns.includes('mu'), `stage 2 varies the kept only: ${points.columns}`);
  const manifest = JSON.parse(read(out('sc1'), 'manifest.json'));
  check(JSON.stringify(manifest.spec.screening.held) === '["bilateralTrust"]' && manifest.spec.screening.ranking.length === 3, 'the manifest records the screening');
  check(read(out('sc1'), 'calibration.html').includes('Stage 1: Morris screening'), 'the report shows the screening');
});

test('calibrate with screening: killed in stage 1, and in stage 2, resumed to byte-identical files', () => {
  const r1 = cli('calibrate', screenFile, '--out', out('sk1'), '--workers', '2', '--quiet', '--test-exit-after', '5');
  check(r1.signal === 'SIGKILL' || r1.status !== 0, `expected the kill in stage 1, got exit ${r1.status}`);
  check(!existsSync(join(out('sk1'), 'screening.csv')), 'no screening.csv after a kill in stage 1');
  const refused = cli('calibrate', screenFile, '--out', out('sk1'), '--quiet');
  check(refused.status === 1 && /--resume/.test(refused.stderr), `without --resume: ${refused.status} ${refused.stderr}`);
  ok(cli('calibrate', screenFile, '--out', out('sk1'), '--workers', '1', '--resume', '--quiet'), 'resume after stage 1 kill');
  sameScreened(out('sc1'), out('sk1'));
  const r2 = cli('calibrate', screenFile, '--out', out('sk2'), '--workers', '2', '--quiet', '--test-exit-after', String(24 + 3));
  check(r2.signal === 'SIGKILL' || r2.status !== 0, `expected the kill in stage 2, got exit ${r2.status}`);
  check(existsSync(join(out('sk2'), 'screening.csv')) && !existsSync(join(out('sk2'), 'points.csv')), 'killed after the screening, before the points');
  ok(cli('calibrate', screenFile, '--out', out('sk2'), '--resume', '--quiet'), 'resume after stage 2 kill');
  sameScreened(out('sc1'), out('sk2'));
});

test('calibrate with screening, sharded: stage 1 shards merged, stage 2 shards merged, give the unsharded files', () => {
  const cp = (from: string, to: string) => cpSync(from, to, { recursive: true });
  for (const k of [1, 2]) ok(cli('calibrate', screenFile, '--out', out(`ss${k}`), '--shard', `${k}/2`, '--workers', '1', '--quiet'), `stage 1 shard ${k}`);
  check(existsSync(join(out('ss1'), 'screening', 'runs.jsonl')) && !existsSync(join(out('ss1'), 'screening.csv')), 'a stage 1 shard runs its share of the screening and stops');
  ok(cli('merge', join(out('ss1'), 'screening'), join(out('ss2'), 'screening'), '--out', join(out('sm'), 'screening'), '--quiet'), 'merge stage 1');
  cp(join(out('ss1'), 'preregistration.json'), join(out('sm'), 'preregistration.json'));
  // Stage 2 in shards: each shard folder starts from the merged screening.
  for (const k of [1, 2]) {
    cp(out('sm'), out(`st${k}`));
    ok(cli('calibrate', screenFile, '--out', out(`st${k}`), '--shard', `${k}/2`, '--resume', '--workers', '1', '--quiet'), `stage 2 shard ${k}`);
  }
  ok(cli('merge', out('st1'), out('st2'), '--out', out('stm'), '--quiet'), 'merge stage 2');
  cp(join(out('st1'), 'preregistration.json'), join(out('stm'), 'preregistration.json'));
  cp(join(out('sm'), 'screening'), join(out('stm'), 'screening'));
  ok(cli('calibrate', screenFile, '--out', out('stm'), '--resume', '--quiet'), 'stages 3–4 on the merge');
  sameScreened(out('sc1'), out('stm'));
});

test('sensitivity.html and calibration.html render offline in Chromium without errors', async () => {
  for (const [html, svgs] of [
    [join(out('m1'), 'sensitivity.html'), 2 * 2], [join(out('c1'), 'calibration.html'), 1 + 2 + 1],
    [join(out('sc1'), 'calibration.html'), 1 + 1 + 2 + 1], // + the screening's bars
  ] as const) {
    const shot = await screenshotReport(html, join(TMP, 'shot.png'), 900);
    check(shot.errors.length === 0, `${html}: ${shot.errors.join('; ')}`);
    check(shot.svgs >= svgs, `${html}: ${shot.svgs} figures, expected at least ${svgs}`);
  }
});

// `node --import tsx tests/pools/sensitivity.ts <text>` runs only the tests whose name contains <text>.
const only = process.argv[2];
let passed = 0, failed = 0;
for (const t of tests.filter((x) => !only || x.name.includes(only))) {
  const t0 = Date.now();
  try {
    await t.fn();
    passed++;
    process.stdout.write(`ok   ${t.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
  } catch (e) {
    failed++;
    process.stdout.write(`FAIL ${t.name}\n     ${(e as Error).message.split('\n').join('\n     ')}\n`);
  }
}
rmSync(TMP, { recursive: true, force: true });
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed ? 1 : 0);
