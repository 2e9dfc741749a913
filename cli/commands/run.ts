import type { Command } from 'commander';
import { checkEvents, parseUntil, type UntilCondition } from '../../sim/index.ts';
import { checkOutFile, collect, loadEvents, loadRules, loadScenario, parsePositiveInt, parseSeed, parseTicks, UsageError } from '../io.ts';
import { checkMemory, checkRawMemory } from '../memory.ts';
import { executeJob, warnLateEvents } from '../runOutput.ts';
import { setHelp } from '../help.ts';

interface RunOptions {
  seed: string; ticks?: string; rules?: string; set: string[]; events?: string; out?: string; quiet?: boolean;
  actors?: string; every?: string; until?: string; idColumns?: boolean;
}

export function parseUntilFlag(text: string): UntilCondition {
  try {
    return parseUntil(text);
  } catch (e) {
    throw new UsageError(`--until: ${(e as Error).message}`);
  }
}

export function register(program: Command): void {
  program.command('run <scenario>')
    .description('one run: a row of measures per tick, as CSV (stdout or --out file.csv) or JSON (--out file.json, which `replay` reproduces)')
    .option('--seed <n>', 'random seed', '1')
    .option('--ticks <t>', "number of ticks (default: the scenario's)")
    .option('--rules <preset|file>', 'a rule preset id or a rules JSON file')
    .option('--set <key.path=value>', 'override a parameter or scenario field (repeatable)', collect, [])
    .option('--events <file>', 'extra scheduled events and interventions (JSON)')
    .option('--out <file>', 'write to file.csv or file.json instead of CSV on stdout')
    .option('--actors <file.csv>', 'also write per-actor rows (long format: run, tick, actor, name, sector, position, …; see `samenspel measures`)')
    .option('--every <n>', 'with --actors: sample every n ticks (default 1)')
    .option('--until <condition>', 'stop early when "<measure> <op> <value>" holds after a tick, e.g. "severity < 0.2" (CSV: a stopped column; JSON: until)')
    .option('--id-columns', 'CSV: prepend scenario, rules and seed columns, so runs stack into one table')
    .option('--quiet', 'no progress on stderr')
    .addHelpText('after', setHelp())
    .action((name: string, opts: RunOptions) => {
      if (opts.out && !/\.(csv|json)$/.test(opts.out)) throw new UsageError(`--out must end in .csv or .json, got '${opts.out}'`);
      if (opts.out) checkOutFile(opts.out);
      if (opts.actors !== undefined) {
        if (!opts.actors.endsWith('.csv')) throw new UsageError(`--actors must end in .csv, got '${opts.actors}'`);
        checkOutFile(opts.actors, '--actors');
        if (opts.out && opts.out === opts.actors) throw new UsageError('--actors and --out name the same file');
      }
      if (opts.every !== undefined && opts.actors === undefined) throw new UsageError('--every needs --actors <file.csv>');
      const every = opts.every !== undefined ? parsePositiveInt(opts.every, '--every') : 1;
      if (every < 1) throw new UsageError(`--every expects a whole number ≥ 1, got '${opts.every}'`);
      if (opts.idColumns && opts.out?.endsWith('.json')) throw new UsageError('--id-columns is for CSV output; a JSON run file holds scenario, rules and seed already');
      const until = opts.until !== undefined ? parseUntilFlag(opts.until) : undefined;
      const ticksFlag = opts.ticks !== undefined ? parseTicks(opts.ticks, '--ticks', 0) : undefined;
      const scenario = loadScenario(name, opts.set, (raw) => checkRawMemory(raw, `scenario '${String(raw.id ?? name)}'`));
      checkMemory(scenario, `scenario '${scenario.id}'`);
      const rules = loadRules(opts.rules);
      const events = loadEvents(opts.events);
      const ticks = ticksFlag ?? scenario.ticks;
      const seed = parseSeed(opts.seed);
      if (opts.events) checkEvents(scenario, events, opts.events);
      warnLateEvents(scenario.events, ticks, `scenario '${scenario.id}'`);
      if (opts.events) warnLateEvents(events, ticks, opts.events);
      executeJob({
        scenario, rules, seed, events, ticks, until, out: opts.out, quiet: opts.quiet,
        actors: opts.actors !== undefined ? { file: opts.actors, every } : undefined,
        idColumns: opts.idColumns
          ? { scenario: scenario.id, rules: opts.rules ?? (typeof scenario.rules === 'string' ? scenario.rules : 'scenario'), seed: String(seed) }
          : undefined,
      });
    });
}
