import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import {
  calibration, expandRuns, parseBatchSpec, parseJsonText, parseScenario, resolveBatch, scenarioParams, sensitivity,
  type RunResult,
} from '../../sim/index.ts';
import { scenarioLoader } from '../batch/load.ts';
import { writeManifest } from '../batch/output.ts';
import { chooseShard } from '../batch/shard.ts';
import { readJsonLines, writeFileDurable } from '../batch/store.ts';
import { checkOutDir, UsageError, parseOptionalCount } from '../io.ts';
import { calibrationReport } from '../calibrate/report.ts';
import { PREREGISTRATION_FILE, preregister } from '../calibrate/preregister.ts';
import { runSession } from '../sensitivity/session.ts';
import { addRunGuardOptions, crashHooks, failedRuns, lockFolder, onStopSignals, reportInterrupted, runTimeoutOf, signalHelp } from '../batch/guard.ts';
import { runHeldout, HELDOUT_FAILURES_FILE } from '../calibrate/heldout.ts';
import type { Lock } from '../batch/lock.ts';
import type { DesignRunFlags } from './sensitivity.ts';

interface CalibrateOptions extends DesignRunFlags { testExitAfterHeldout?: string }

interface ScreeningResult { ranks: calibration.ScreeningRank[]; record: sensitivity.SensitivityRecord }

/** Stage 1's batch folder inside --out (an ordinary sensitivity-style batch folder). */
const SCREENING_DIR = 'screening';
const SCREENING_FILE = 'screening.csv';

export function register(program: Command): void {
  const command = program.command('calibrate <spec>')
    .description('preregistered calibration by patterns: optional Morris screening, Latin hypercube, descriptive filters, held-out pattern tests on accepted points; writes (screening.csv,) points.csv, accepted.csv, heldout.csv, calibration.html (docs/CALIBRATION.md)')
    .requiredOption('--out <dir>', 'output directory (the spec is preregistered there before any run)')
    .option('--points <n>', "Latin hypercube points (overrides the spec's samples; quick trial)")
    .option('--seeds <n>', "runs per point for the filters and the screening (overrides the spec's seeds)")
    .option('--workers <n>', 'worker threads for the runs and the held-out tests (default: all cores)')
    .option('--shard <k/n>', 'run only shard k of n of the filter runs; merge, then rerun with --resume on the merged folder')
    .option('--shards <n>', 'shard count for JOB_COMPLETION_INDEX (or set SAMENSPEL_SHARD_COUNT)')
    .option('--resume', 'continue the calibration in --out');
  addRunGuardOptions(command)
    .option('--quiet', 'no progress')
    .addOption(new Option('--test-exit-after <n>', 'test hook: SIGKILL after n runs are written').hideHelp())
    .addOption(new Option('--test-exit-after-heldout <n>', 'test hook: SIGKILL after n held-out points are written').hideHelp())
    .addHelpText('after', signalHelp('calibration') + '\nStages 1–2 use --run-timeout per run; a held-out point (many runs of different lengths) has no time limit.')
    .action(async (specFile: string, opts: CalibrateOptions) => {
      const workers = parseOptionalCount(opts.workers, '--workers') ?? availableParallelism();
      const overrides = { points: parseOptionalCount(opts.points, '--points'), seeds: parseOptionalCount(opts.seeds, '--seeds') };
      const exitAfter = parseOptionalCount(opts.testExitAfter, '--test-exit-after');
      const exitAfterHeldout = parseOptionalCount(opts.testExitAfterHeldout, '--test-exit-after-heldout');
      const shard = chooseShard(opts.shard, opts.shards);
      if (opts.runTimeout !== undefined) runTimeoutOf(opts.runTimeout, undefined);
      const crash = crashHooks(opts.testCrash);
      checkOutDir(opts.out);
      if (!existsSync(specFile)) throw new UsageError(`${specFile}: no such file`);
      const bytes = readFileSync(specFile);
      const raw = parseJsonText(bytes.toString('utf8'), specFile);
      const spec = calibration.parseCalibrationSpec(raw, specFile);
      const runTimeout = runTimeoutOf(opts.runTimeout, spec.runTimeout);
      let resolved = calibration.resolveCalibration(spec, specFile, overrides);
      const loadScenario = scenarioLoader(dirname(resolve(specFile)));
      // Stage 1's batch is planned (and its input checked) before anything is written.
      const stage1 = resolved.screening && resolveBatch(parseBatchSpec(resolved.screening.batchSpec, specFile), {
        file: specFile, loadScenario, designText: resolved.screening.designCsv,
      });
      // Stage 2's batch as planned before screening: resolving it checks the input before anything is written.
      let { batch, scenarios } = resolveBatch(parseBatchSpec(resolved.batchSpec, specFile), { file: specFile, loadScenario });
      const log = (s: string) => { if (!opts.quiet) process.stderr.write(`${s}\n`); };

      // Preregistration comes before any run (and before the store is opened).
      const runsFile = join(opts.out, 'runs.jsonl');
      const holdsRuns = (file: string) => existsSync(file) && statSync(file).size > 0;
      if (!existsSync(join(opts.out, PREREGISTRATION_FILE)) && (holdsRuns(runsFile) || holdsRuns(join(opts.out, SCREENING_DIR, 'runs.jsonl')))) {
        throw new UsageError(`${opts.out} holds runs but no ${PREREGISTRATION_FILE}: a merged folder needs the shards' preregistration copied in; ` +
          'without one its runs cannot be shown to follow a preregistered spec');
      }
      // One process per folder from here (the screening folder inside it too: merge may write there);
      // a signal stops the pool and leaves the folder resumable.
      const locks: Lock[] = [lockFolder(opts.out)];
      const stop = onStopSignals(locks);
      const prereg = preregister(opts.out, specFile, bytes, raw, { points: overrides.points ?? null, seeds: overrides.seeds ?? null });
      log(prereg.created
        ? `preregistered ${specFile} (SHA-256 ${prereg.record.sha256.slice(0, 12)}…) in ${join(opts.out, PREREGISTRATION_FILE)} at ${prereg.record.registered}`
        : `preregistration of ${prereg.record.registered} matches (SHA-256 ${prereg.record.sha256.slice(0, 12)}…)`);

      const preregistration = { sha256: prereg.record.sha256, registered: prereg.record.registered };

      // Stage 1 (optional): Morris screening over every spec parameter; stage 2 varies the kept ones.
      let screening: ScreeningResult | null = null;
      let stage1Runs = 0;
      if (resolved.screening && stage1) {
        const s1 = resolved.screening;
        const dir1 = join(opts.out, SCREENING_DIR);
        const plans1 = expandRuns(stage1.batch);
        // A shard whose folder already holds all of stage 1 (a merged screening copied in) goes on to stage 2.
        const stored = new Set(readJsonLines<RunResult>(join(dir1, 'runs.jsonl'), true).items.map((r) => r.index));
        const whole1 = plans1.every((p) => stored.has(p.index));
        const lock1 = lockFolder(dir1);
        locks.push(lock1);
        const o1 = await runSession({
          command: 'calibrate', specFile, out: dir1,
          spec: { format: calibration.CALIBRATION_FORMAT, stage: 'screening', spec: raw, preregistration, sensitivity: s1.record },
          batch: stage1.batch, scenarios: stage1.scenarios, plans: plans1, workers, shard: whole1 ? null : shard,
          resume: Boolean(opts.resume), quiet: Boolean(opts.quiet), exitAfter, runTimeout, signal: stop.signal, crash,
        });
        lock1.release();
        if (o1.interrupted && stop.stoppedBy) {
          const kept = o1.selected.filter((p) => o1.results.has(p.index)).length;
          reportInterrupted(stop.stoppedBy, `stage 1 (screening): ${kept} of ${o1.selected.length} runs finished and kept in ${dir1}`);
          return;
        }
        stage1Runs = o1.input.session.runsThisSession;
        const files1 = [...o1.files];
        const write1 = (name: string, text: string) => { writeFileDurable(join(dir1, name), text); files1.splice(files1.length - 1, 0, name); };
        write1(sensitivity.DESIGN_FILE, s1.designCsv);
        if (!plans1.every((p) => o1.results.has(p.index))) {
          writeManifest(o1.input, o1.complete ? 'complete' : 'incomplete', files1);
          if (shard) {
            log(`shard ${shard.k}/${shard.n} of stage 1 (screening) done; when all shards are done: npx samenspel merge <shard>/${SCREENING_DIR}… --out <dir>/${SCREENING_DIR}, ` +
              `copy ${PREREGISTRATION_FILE} into <dir>, then npx samenspel calibrate ${specFile} --out <dir> --resume (same --points/--seeds)`);
            return;
          }
          process.stderr.write(`samenspel: ${failedRuns(o1.failed, o1.timedOut)} in the screening (see ${join(dir1, 'failures.csv')}); stage 2 needs the whole screening, so it was not run; --resume runs the failed ones again\n`);
          process.exitCode = 2;
          return;
        }
        const { means } = sensitivity.pointMeans(stage1.batch, plans1, o1.results);
        const rows = sensitivity.sensitivityIndices(s1, stage1.batch, means);
        write1('indices.csv', sensitivity.indicesCsv(rows));
        writeManifest(o1.input, 'complete', files1);
        const ranks = calibration.rankScreening(s1.problem.parameters.map((p) => p.name), s1.record.measures, rows, spec.screening!.keep);
        writeFileDurable(join(opts.out, SCREENING_FILE), calibration.screeningCsv(ranks));
        resolved = calibration.narrowCalibration(spec, resolved, ranks.filter((r) => r.kept).map((r) => r.parameter));
        screening = { ranks, record: s1.record };
        log(`screening kept ${resolved.problem.parameters.map((p) => p.name).join(', ')}; held at the scenario's values: ${resolved.held.join(', ') || 'none'}`);
      }

      if (screening) ({ batch, scenarios } = resolveBatch(parseBatchSpec(resolved.batchSpec, specFile), { file: specFile, loadScenario }));
      const plans = expandRuns(batch);
      const outcome = await runSession({
        command: 'calibrate', specFile, out: opts.out,
        spec: {
          format: calibration.CALIBRATION_FORMAT, spec: raw, preregistration, filters: resolved.filters, acceptShare: spec.accept.share,
          ...(screening ? {
            screening: {
              folder: SCREENING_DIR, sensitivity: screening.record, keep: spec.screening!.keep,
              ranking: screening.ranks.map((r) => ({ parameter: r.parameter, rank: r.rank, score: r.score, kept: r.kept })),
              kept: resolved.problem.parameters.map((p) => p.name), held: resolved.held,
            },
          } : {}),
        },
        batch, scenarios, plans, workers, shard, resume: Boolean(opts.resume), quiet: Boolean(opts.quiet),
        // The test hook counts the runs of both stages written in this session.
        exitAfter: exitAfter === undefined ? undefined : exitAfter - stage1Runs,
        runTimeout, signal: stop.signal, crash,
      });
      if (outcome.interrupted && stop.stoppedBy) {
        const kept = outcome.selected.filter((p) => outcome.results.has(p.index)).length;
        reportInterrupted(stop.stoppedBy, `stage 2: ${kept} of ${outcome.selected.length} runs finished and kept in ${opts.out}`);
        return;
      }
      const files = screening ? [SCREENING_FILE, ...outcome.files] : [...outcome.files];
      const write = (name: string, text: string) => { writeFileDurable(join(opts.out, name), text); files.splice(files.length - 1, 0, name); };
      const finish = () => writeManifest(outcome.input, outcome.complete ? 'complete' : 'incomplete', [PREREGISTRATION_FILE, ...files]);
      if (shard) {
        log(`shard ${shard.k}/${shard.n} done; when all shards are done: npx samenspel merge <shard dirs…> --out <dir>, copy ${PREREGISTRATION_FILE}${screening ? ` and the ${SCREENING_DIR} folder` : ''} into it, ` +
          `then npx samenspel calibrate ${specFile} --out <dir> --resume (same --points/--seeds) for the filters, held-out tests and report`);
        finish();
        return;
      }
      const params = batch.design!.params;
      const verdicts = calibration.evaluatePoints(batch, plans, outcome.results, resolved.filters, spec.accept.share);
      write('points.csv', calibration.pointsCsv(params, resolved.filters, verdicts));
      write('accepted.csv', calibration.acceptedCsv(params, verdicts));
      if (!outcome.complete) {
        process.stderr.write(`samenspel: ${failedRuns(outcome.failed, outcome.timedOut)} (see ${join(opts.out, 'failures.csv')}); the held-out tests need a complete stage 2, ` +
          'so they were not run; --resume runs the failed ones again\n');
        finish();
        process.exitCode = 2;
        return;
      }
      const accepted = verdicts.filter((v) => v.accepted);
      log(`${accepted.length} of ${verdicts.length} points accepted (≥ ${spec.accept.share} of their seeds pass every filter)`);

      // Stage 3: held-out pattern experiments on each accepted point, in the pool, durable per point.
      const loaded = scenarios[batch.scenarios[0].id];
      const held = await runHeldout({
        dir: opts.out, accepted, batch, scenarios, patterns: spec.heldout.patterns, seeds: spec.heldout.seeds, seed: spec.seed,
        workers, signal: stop.signal, crash, exitAfter: exitAfterHeldout, log,
      });
      stop.off();
      if (held.interrupted && stop.stoppedBy) {
        writeManifest(outcome.input, 'interrupted', [PREREGISTRATION_FILE, ...files]);
        reportInterrupted(stop.stoppedBy, `${accepted.filter((p) => held.done.has(p.design)).length} of ${accepted.length} held-out points finished and kept in ${join(opts.out, 'heldout.jsonl')}`);
        return;
      }
      if (held.failed.length) {
        process.stderr.write(`samenspel: the held-out tests failed on ${held.failed.length} of ${accepted.length} accepted point(s) (see ${join(opts.out, HELDOUT_FAILURES_FILE)}); ` +
          'heldout.csv and calibration.html need every point, so they were not written; --resume runs those points again\n');
        files.splice(files.length - 1, 0, HELDOUT_FAILURES_FILE);
        finish();
        process.exitCode = 2;
        return;
      }
      const heldoutPoints = accepted.map((p) => held.done.get(p.design)!);
      const heldout = calibration.summariseHeldout(heldoutPoints, spec.statistics.level);
      write('heldout.csv', calibration.heldoutCsv(heldout));
      const parsed = parseScenario(structuredClone(loaded.raw), loaded.file);
      const defaults = { ...scenarioParams(parsed) } as unknown as Record<string, unknown>;
      // Scenario paths and aliases: the scenario's own value (with the schema's defaults filled in).
      for (const p of resolved.problem.parameters) {
        if (p.name in defaults) continue;
        const path = (parsed.aliases as Record<string, string>)[p.name] ?? p.name;
        let v: unknown = parsed;
        for (const part of path.split('.')) v = v !== null && typeof v === 'object' && Object.hasOwn(v, part) ? (v as Record<string, unknown>)[part] : undefined;
        if (typeof v === 'number') defaults[p.name] = v;
      }
      write('calibration.html', calibrationReport({ spec, batch, resolved, verdicts, heldout, defaults, preregistered: prereg.record.registered, sha256: prereg.record.sha256, screening }));
      finish();
      log(`wrote ${[...(screening ? [SCREENING_FILE] : []), 'points.csv', 'accepted.csv', 'heldout.csv', 'calibration.html'].map((f) => join(opts.out, f)).join(', ')}`);
      if (!accepted.length) log('no point was accepted: the accepted region is empty (see calibration.html for each filter\'s acceptance)');
      if (outcome.failed) process.exitCode = 2;
    });
}
