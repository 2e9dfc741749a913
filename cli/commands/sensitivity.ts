import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { expandRuns, parseBatchSpec, resolveBatch, sensitivity } from '../../sim/index.ts';
import { scenarioLoader } from '../batch/load.ts';
import { writeManifest } from '../batch/output.ts';
import { chooseShard } from '../batch/shard.ts';
import { writeFileDurable } from '../batch/store.ts';
import { checkOutDir, readJson, parseOptionalCount } from '../io.ts';
import { addRunGuardOptions, crashHooks, failedRuns, lockFolder, onStopSignals, reportInterrupted, runTimeoutOf, signalHelp } from '../batch/guard.ts';
import { sensitivityReport, indicesText } from '../sensitivity/report.ts';
import { runSession } from '../sensitivity/session.ts';

/** The flags `sensitivity` and `calibrate` share, as commander hands them over. */
export interface DesignRunFlags {
  out: string;
  points?: string;
  seeds?: string;
  workers?: string;
  shard?: string;
  shards?: string;
  resume?: boolean;
  quiet?: boolean;
  runTimeout?: string;
  testExitAfter?: string;
  testCrash: string[];
}

interface SensitivityOptions extends DesignRunFlags { method?: string }

export function register(program: Command): void {
  const command = program.command('sensitivity <spec>')
    .description('Morris screening or Sobol indices of parameters on kept measures, over a generated design run as a batch; writes indices.csv and sensitivity.html (docs/CALIBRATION.md)')
    .requiredOption('--out <dir>', 'output directory')
    .addOption(new Option('--method <method>', "morris or sobol (default: the spec's \"method\")").choices(['morris', 'sobol']))
    .option('--points <n>', 'Morris trajectories or Sobol base samples (overrides the spec; quick trial)')
    .option('--seeds <n>', 'runs per design point, the same seeds at every point (overrides the spec)')
    .option('--workers <n>', 'worker threads (default: all cores)')
    .option('--shard <k/n>', 'run only shard k of n (as batch); merge the shards, then rerun with --resume on the merged folder for the indices')
    .option('--shards <n>', 'shard count for JOB_COMPLETION_INDEX (or set SAMENSPEL_SHARD_COUNT)')
    .option('--resume', 'continue the analysis in --out: run only what is missing');
  addRunGuardOptions(command)
    .option('--quiet', 'no progress and no table')
    .addOption(new Option('--test-exit-after <n>', 'test hook: SIGKILL after n runs are written').hideHelp())
    .addHelpText('after', signalHelp('sensitivity analysis'))
    .action(async (specFile: string, opts: SensitivityOptions) => {
      const workers = parseOptionalCount(opts.workers, '--workers') ?? availableParallelism();
      const overrides = {
        method: opts.method as sensitivity.SensitivityMethod | undefined,
        points: parseOptionalCount(opts.points, '--points'),
        seeds: parseOptionalCount(opts.seeds, '--seeds'),
      };
      const exitAfter = parseOptionalCount(opts.testExitAfter, '--test-exit-after');
      const shard = chooseShard(opts.shard, opts.shards);
      if (opts.runTimeout !== undefined) runTimeoutOf(opts.runTimeout, undefined);
      const crash = crashHooks(opts.testCrash);
      checkOutDir(opts.out);

      const raw = readJson(specFile);
      const spec = sensitivity.parseSensitivitySpec(raw, specFile);
      const runTimeout = runTimeoutOf(opts.runTimeout, spec.runTimeout);
      const resolved = sensitivity.resolveSensitivity(spec, specFile, overrides);
      const batchSpec = parseBatchSpec(resolved.batchSpec, specFile);
      const { batch, scenarios } = resolveBatch(batchSpec, {
        file: specFile, loadScenario: scenarioLoader(dirname(resolve(specFile))), designText: resolved.designCsv,
      });
      const plans = expandRuns(batch);
      // One process per folder; from here a signal stops the pool and leaves the folder resumable.
      const stop = onStopSignals([lockFolder(opts.out)]);
      const outcome = await runSession({
        command: 'sensitivity', specFile, out: opts.out, spec: { format: sensitivity.SENSITIVITY_FORMAT, spec: raw, sensitivity: resolved.record },
        batch, scenarios, plans, workers, shard, resume: Boolean(opts.resume), quiet: Boolean(opts.quiet), exitAfter,
        runTimeout, signal: stop.signal, crash,
      });
      stop.off();
      if (outcome.interrupted && stop.stoppedBy) {
        // Indices of an earlier session would describe other runs than the folder now holds.
        for (const f of ['indices.csv', 'sensitivity.html']) rmSync(join(opts.out, f), { force: true });
        const kept = outcome.selected.filter((p) => outcome.results.has(p.index)).length;
        reportInterrupted(stop.stoppedBy, `${kept} of ${outcome.selected.length} runs finished and kept in ${opts.out} (${outcome.files.join(', ')})`);
        return;
      }
      const files = [...outcome.files];
      const write = (name: string, text: string) => { writeFileDurable(join(opts.out, name), text); files.splice(files.length - 1, 0, name); };
      write(sensitivity.DESIGN_FILE, resolved.designCsv);
      const log = (s: string) => { if (!opts.quiet) process.stderr.write(`${s}\n`); };

      if (shard) {
        log(`shard ${shard.k}/${shard.n} done; when all shards are done: npx samenspel merge <shard dirs…> --out <dir>, ` +
          `then npx samenspel sensitivity ${specFile} --out <dir> --resume${opts.method ? ` --method ${opts.method}` : ''}${opts.points ? ` --points ${opts.points}` : ''}${opts.seeds ? ` --seeds ${opts.seeds}` : ''} for the indices`);
      } else {
        const { means, incomplete } = sensitivity.pointMeans(batch, plans, outcome.results);
        if (incomplete.length) {
          process.stderr.write(`samenspel: ${incomplete.length} of ${batch.design!.points.length} design points lack a run (failed: see failures.csv); ` +
            'indices need every point, so indices.csv was not written\n');
        } else {
          const rows = sensitivity.sensitivityIndices(resolved, batch, means);
          write('indices.csv', sensitivity.indicesCsv(rows));
          write('sensitivity.html', sensitivityReport({ resolved, batch, rows, means }));
          if (!opts.quiet) process.stdout.write(indicesText(resolved, rows));
          log(`wrote ${join(opts.out, 'indices.csv')} and ${join(opts.out, 'sensitivity.html')}`);
        }
      }
      writeManifest(outcome.input, outcome.complete ? 'complete' : 'incomplete', files);
      if (outcome.failed) {
        process.stderr.write(`samenspel: ${failedRuns(outcome.failed, outcome.timedOut)}; see ${join(opts.out, 'failures.csv')}\n`);
        process.exitCode = 2;
      }
    });
}
