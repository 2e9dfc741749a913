import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { batchFingerprint, expandRuns, formatSummaryText, type ResolvedBatch, type RunFailure, type RunResult } from '../../sim/index.ts';
import { SCENARIOS_DIR, writeOutputs, type Session } from '../batch/output.ts';
import { ACTORS_DIR, checkResults, FAILURES_FILE, readJsonLines, readManifest, RUNS_FILE, writeFileDurable } from '../batch/store.ts';
import { checkOutDir, UsageError } from '../io.ts';
import { lockFolder } from '../batch/guard.ts';
import { liveHolder } from '../batch/lock.ts';

interface MergeOptions { out: string; allowMissing?: boolean; quiet?: boolean }

const list = (ids: string[]) => (ids.length > 10 ? `${ids.slice(0, 10).join(', ')} … (${ids.length} in all)` : ids.join(', '));

export function register(program: Command): void {
  program.command('merge <dirs...>')
    .description('join shard directories of one batch into what a single unsharded batch writes; reports missing and duplicated runs; one process at a time may write to an --out folder')
    .requiredOption('--out <dir>', 'output directory')
    .option('--allow-missing', 'write the merge even if runs are missing (exit 0)')
    .option('--quiet', 'no table on stdout')
    .action((dirs: string[], opts: MergeOptions) => {
      const started = new Date();
      checkOutDir(opts.out);
      let batch: ResolvedBatch | null = null;
      let spec: unknown = null;
      let engineSource = '';
      for (const dir of dirs) {
        const manifest = readManifest(dir);
        if (!manifest || !manifest.batch) throw new UsageError(`${dir}: no manifest.json of a batch; is this a batch output directory?`);
        if (!existsSync(join(dir, RUNS_FILE))) throw new UsageError(`${dir}: no ${RUNS_FILE}; was the batch started?`);
        if (batch === null) {
          batch = manifest.batch as ResolvedBatch;
          spec = manifest.spec;
          engineSource = String(manifest.engineSource ?? '');
        } else if (batchFingerprint(manifest.batch as ResolvedBatch) !== batchFingerprint(batch)) {
          throw new UsageError(`${dir} holds a different batch than ${dirs[0]} (spec, scenarios or overrides differ); only shards of one batch can be merged`);
        } else if (String(manifest.engineSource ?? '') !== engineSource) {
          throw new UsageError(`${dir} was run with different engine code than ${dirs[0]} (sim/ source hash differs); its runs are not comparable`);
        }
      }
      const b = batch!;
      const plans = expandRuns(b);
      const results = new Map<number, RunResult>();
      const sourceOf = new Map<number, string>();
      const failures = new Map<number, RunFailure>();
      const duplicates: string[] = [];
      for (const dir of dirs) {
        const file = join(dir, RUNS_FILE);
        const { items, torn, bad } = readJsonLines<RunResult>(file, false);
        if (torn || bad) process.stderr.write(`samenspel: ${file}: ignored ${bad + (torn ? 1 : 0)} incomplete line(s) (an interrupted shard; --resume it)\n`);
        checkResults(items, plans, b, file);
        for (const r of items) {
          const prior = results.get(r.index);
          if (prior) {
            if (JSON.stringify(prior) !== JSON.stringify(r)) {
              throw new UsageError(`run ${r.runId} appears twice with different results (second in ${dir}); the directories do not come from one batch and engine`);
            }
            duplicates.push(r.runId);
          } else {
            results.set(r.index, r);
            sourceOf.set(r.index, dir);
          }
        }
        for (const f of readJsonLines<RunFailure>(join(dir, FAILURES_FILE), false).items) failures.set(f.index, f);
      }
      const failed = plans.filter((p) => !results.has(p.index) && failures.has(p.index));
      const missing = plans.filter((p) => !results.has(p.index) && !failures.has(p.index));
      if (duplicates.length) process.stderr.write(`samenspel: ${duplicates.length} duplicated run(s), identical, kept once: ${list(duplicates)}\n`);
      if (failed.length) process.stderr.write(`samenspel: ${failed.length} run(s) failed (see failures.csv): ${list(failed.map((p) => p.runId))}\n`);
      if (missing.length) {
        process.stderr.write(`samenspel: ${missing.length} of ${plans.length} run(s) missing: ${list(missing.map((p) => p.runId))}\n`);
        // The usual reason: a shard is still running.
        for (const dir of dirs) {
          const holder = liveHolder(dir);
          if (holder) process.stderr.write(`samenspel: ${dir} is still being written by ${holder}; merge after it ends\n`);
        }
        if (!opts.allowMissing) {
          process.stderr.write('samenspel: nothing written; run the missing shards (or --resume them), or pass --allow-missing\n');
          process.exitCode = 1;
          return;
        }
      }
      const seconds = (Date.now() - started.getTime()) / 1000;
      const session: Session = {
        command: 'merge', specFile: null, shard: null, workers: null, started: started.toISOString(),
        finished: new Date().toISOString(), seconds, runsThisSession: 0, runsPerSecond: null, resumedRuns: 0, mergedFrom: dirs,
      };
      // One process per output folder: a batch, sensitivity or calibrate still writing there (or a second merge) is refused.
      const lock = lockFolder(opts.out);
      // Keep the durable record too, in run order, so the merged directory can be reported, merged or resumed.
      const ordered = plans.filter((p) => results.has(p.index)).map((p) => JSON.stringify(results.get(p.index)) + '\n');
      writeFileDurable(join(opts.out, RUNS_FILE), ordered.join(''));
      writeFileDurable(join(opts.out, FAILURES_FILE), failed.map((p) => JSON.stringify(failures.get(p.index)) + '\n').join(''));
      // Per-actor rows and the scenarios' JSON travel with their runs.
      if (b.actors) {
        mkdirSync(join(opts.out, ACTORS_DIR), { recursive: true });
        for (const [index, dir] of sourceOf) {
          const name = `${plans[index].runId}.csv`;
          if (resolve(dir) !== resolve(opts.out)) copyFileSync(join(dir, ACTORS_DIR, name), join(opts.out, ACTORS_DIR, name));
        }
      }
      const scenarioFiles: string[] = [];
      const withScenarios = dirs.find((d) => existsSync(join(d, SCENARIOS_DIR)));
      if (withScenarios) {
        mkdirSync(join(opts.out, SCENARIOS_DIR), { recursive: true });
        for (const f of readdirSync(join(withScenarios, SCENARIOS_DIR)).filter((x) => x.endsWith('.json')).sort()) {
          if (resolve(withScenarios) !== resolve(opts.out)) copyFileSync(join(withScenarios, SCENARIOS_DIR, f), join(opts.out, SCENARIOS_DIR, f));
          scenarioFiles.push(`${SCENARIOS_DIR}/${f}`);
        }
      }
      const { summary, files } = writeOutputs({ dir: opts.out, spec, batch: b, plans, selected: plans, results, failures, engineSource, session, scenarioFiles });
      lock.release();
      if (summary && !opts.quiet) process.stdout.write(formatSummaryText(b, summary));
      process.stderr.write(`merged ${results.size} of ${plans.length} runs from ${dirs.length} director${dirs.length === 1 ? 'y' : 'ies'}; wrote ${files.map((f) => join(opts.out, f)).join(', ')}\n`);
    });
}
