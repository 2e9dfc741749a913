import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { checkEvents, runToJson, seriesToCsv, simulate } from '../../sim/index.ts';
import { collect, loadEvents, loadRules, loadScenario, parsePositiveInt, parseSeed, UsageError } from '../io.ts';
import { setHelp } from '../help.ts';

interface RunOptions { seed: string; ticks?: string; rules?: string; set: string[]; events?: string; out?: string; quiet?: boolean }

export function register(program: Command): void {
  program.command('run <scenario>')
    .description('one run: a row of measures per tick, as CSV (stdout or --out file.csv) or JSON (--out file.json)')
    .option('--seed <n>', 'random seed', '1')
    .option('--ticks <t>', "number of ticks (default: the scenario's)")
    .option('--rules <preset|file>', 'a rule preset id or a rules JSON file')
    .option('--set <key.path=value>', 'override a parameter or scenario field (repeatable)', collect, [])
    .option('--events <file>', 'extra scheduled events and interventions (JSON)')
    .option('--out <file>', 'write to file.csv or file.json instead of CSV on stdout')
    .option('--quiet', 'no progress on stderr')
    .addHelpText('after', setHelp())
    .action((name: string, opts: RunOptions) => {
      if (opts.out && !/\.(csv|json)$/.test(opts.out)) throw new UsageError(`--out must end in .csv or .json, got '${opts.out}'`);
      const scenario = loadScenario(name, opts.set);
      const rules = loadRules(opts.rules);
      const events = loadEvents(opts.events);
      const ticks = opts.ticks !== undefined ? parsePositiveInt(opts.ticks, '--ticks') : scenario.ticks;
      const seed = parseSeed(opts.seed);
      if (opts.events) checkEvents(scenario, events, opts.events);
      const progress = !opts.quiet && process.stderr.isTTY;
      const every = Math.max(1, Math.floor(ticks / 50));
      const onTick = progress
        ? (r: { tick: number }) => { if (r.tick % every === 0) process.stderr.write(`\r${scenario.id}: tick ${r.tick}/${ticks}`); }
        : undefined;
      const { run, recorder } = simulate({ scenario, rules, seed, events, ticks, onTick });
      if (progress) process.stderr.write('\n');
      const text = opts.out?.endsWith('.json')
        ? JSON.stringify(runToJson(run, recorder), null, 1) + '\n'
        : seriesToCsv(recorder);
      if (opts.out) {
        writeFileSync(opts.out, text);
        if (!opts.quiet) process.stderr.write(`wrote ${opts.out}: ${recorder.length} ticks of '${scenario.id}', seed ${seed}\n`);
      } else {
        process.stdout.write(text);
      }
    });
}
