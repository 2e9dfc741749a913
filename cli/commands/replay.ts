// `samenspel replay run.json`: a run from its own output file. Scenario (with every --set
// override already in it), start rules, seed, ticks and every event and intervention come from
// the file, so the series is reproduced byte for byte; the replay checks that and says so.
import type { Command } from 'commander';
import { InputError, parseScenario, type ScenarioEvent } from '../../sim/index.ts';
import { checkOutFile, isRunFile, readJson, UsageError } from '../io.ts';
import { checkMemory } from '../memory.ts';
import { executeJob } from '../runOutput.ts';
import { parseUntilFlag } from './run.ts';
import { simulate } from '../../sim/index.ts';

interface ReplayOptions { out?: string; quiet?: boolean; actors?: string; every?: string }

interface RunFile {
  scenario: Record<string, unknown>;
  rules: Record<string, unknown>;
  seed: number | string;
  ticks: number;
  version?: string;
  series: Record<string, number | null>[];
  events: ScenarioEvent[];
  until?: { condition: string };
}

function readRunFile(file: string): RunFile {
  const raw = readJson(file);
  if (!isRunFile(raw)) {
    throw new UsageError(`${file}: not a run file; expected the JSON that 'samenspel run <scenario> --out ${file}' writes (with scenario, rules, seed, ticks, events and series)`);
  }
  const r = raw as Partial<RunFile>;
  const issues: { path: string; message: string }[] = [];
  if (!r.rules || typeof r.rules !== 'object') issues.push({ path: 'rules', message: 'expected the run\'s start rules (an object)' });
  if (typeof r.seed !== 'number' && typeof r.seed !== 'string') issues.push({ path: 'seed', message: 'expected a number or string' });
  if (!Number.isInteger(r.ticks) || (r.ticks as number) < 0) issues.push({ path: 'ticks', message: 'expected a whole number ≥ 0' });
  if (!Array.isArray(r.events)) issues.push({ path: 'events', message: 'expected an array' });
  if (!Array.isArray(r.series)) issues.push({ path: 'series', message: 'expected an array' });
  if (issues.length) throw new InputError(file, issues);
  return r as RunFile;
}

export function register(program: Command): void {
  program.command('replay <run.json>')
    .description("reproduce a run from its own JSON file (run --out x.json): the same series byte for byte, as CSV (stdout or --out file.csv) or JSON")
    .option('--out <file>', 'write to file.csv or file.json instead of CSV on stdout')
    .option('--actors <file.csv>', 'also write per-actor rows of the replayed run (see run --actors)')
    .option('--every <n>', 'with --actors: sample every n ticks (default 1)')
    .option('--quiet', 'no messages on stderr')
    .action((file: string, opts: ReplayOptions) => {
      if (opts.out && !/\.(csv|json)$/.test(opts.out)) throw new UsageError(`--out must end in .csv or .json, got '${opts.out}'`);
      if (opts.out) checkOutFile(opts.out);
      if (opts.actors) checkOutFile(opts.actors, '--actors');
      const every = opts.every !== undefined ? Number(opts.every) : 1;
      if (!(Number.isInteger(every) && every >= 1)) throw new UsageError(`--every expects a whole number ≥ 1, got '${opts.every}'`);
      const rf = readRunFile(file);
      // The file's events are the whole schedule (the scenario's own ones included): pass them once.
      const scenario = parseScenario({ ...rf.scenario, events: [] }, `${file}: scenario`);
      checkMemory(scenario, `${file}: scenario '${scenario.id}'`);
      const until = rf.until?.condition ? parseUntilFlag(rf.until.condition) : undefined;
      const seed = rf.seed;
      const job = { scenario, rules: rf.rules, seed, events: rf.events, ticks: rf.ticks };
      // Check first, so a file that does not reproduce writes nothing.
      const { recorder } = simulate(job);
      const width = recorder.row(0).length;
      let differs = rf.series.length !== recorder.length ? `it has ${rf.series.length} ticks, the replay ${recorder.length}` : '';
      for (let r = 0; !differs && r < recorder.length; r++) {
        const row = recorder.row(r);
        const stored = Object.values(rf.series[r]).slice(1);
        for (let c = 0; c < width; c++) {
          const x = stored[c] === null ? NaN : stored[c];
          if (!Object.is(x, row[c])) { differs = `tick ${recorder.tick(r)} differs first (${Object.keys(rf.series[r])[c + 1]}: ${x} in the file, ${row[c]} now)`; break; }
        }
      }
      if (differs) {
        process.stderr.write(`samenspel: ${file} does not reproduce: ${differs}. It was written by engine ${rf.version ?? '?'}; ` +
          'a different engine version or code gives other numbers\n');
        process.exitCode = 2;
        return;
      }
      executeJob({
        ...job, until, out: opts.out, quiet: true,
        actors: opts.actors ? { file: opts.actors, every } : undefined,
      });
      if (!opts.quiet) process.stderr.write(`replayed ${file}: ${recorder.length} rows identical to its series (scenario '${scenario.id}', seed ${seed}, ${rf.events.length} events)${opts.out ? `; wrote ${opts.out}` : ''}\n`);
    });
}
