import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { columnsHelp, decodeText, importActorAnalysis, parseScenario, scenarioJsonText } from '../../sim/index.ts';
import { checkOutFile, collect, UsageError } from '../io.ts';

interface ImportOptions { ties?: string; aspects?: string; knowledge?: string[]; solution?: string[]; requiresAccess?: string; requiresMandate?: string; title?: string; id?: string; out?: string; quiet?: boolean }

const HELP = `
${columnsHelp()}

Aspects come from the stake:<aspect> columns (at most 8); --aspects picks some, in that order.
An aspect is a value aspect (no right answer; judged by acceptance) unless --knowledge names it:
a knowledge aspect has knobs on the opgave's landscape, where what works must be found out. The
scenario gets the schema's default landscape, written out in opgave.landscape (interdependence,
withinShare, distance, turbulence; knobs per aspect from the schema); edit the JSON to fit the
opgave. --solution aspect=value (engine 0.2's hidden solution) still marks the aspect as
knowledge, but the value is ignored (deprecated, with a warning). --requires-access and
--requires-mandate name aspects on which an actor below the access or mandate it takes
(parameters accessNeeded, mandateNeeded) cannot fully change the outcome, e.g. a decision only
the municipality can take. An unknown aspect in any of these options stops the import (exit 1)
and lists the aspects. Sectors get colours from a fixed palette in order of first appearance.
Without --ties, actors start without ties (they meet at random first). The scenario uses the
rules 'open-netwerk' and 200 ticks; edit the JSON to change them.

A bad cell stops the import with every problem listed by row and column (exit 1); no file is written.

Example:
  npx samenspel import scenarios/examples/actoren.csv --ties scenarios/examples/ties.csv \\
    --knowledge veiligheid --title "Wijkaanpak Oost" --out wijkaanpak.json
  npx samenspel run wijkaanpak.json --ticks 200`;

export function register(program: Command): void {
  program.command('import <actors.csv>')
    .description("build a scenario from an actor analysis exported from a spreadsheet (CSV; ';' or ',')")
    .option('--ties <ties.csv>', 'initial relations: from, to, trust')
    .option('--aspects <a,b,c>', 'use these aspects (stake: columns), in this order')
    .option('--knowledge <a,b>', 'make these aspects knowledge aspects, with knobs on the landscape (repeatable)', collect)
    .option('--solution <aspect=value>', 'deprecated: marks the aspect as knowledge; the value is ignored since engine 0.3', collect)
    .option('--requires-access <a,b>', 'these aspects need access to clients or residents (requiresAccess)')
    .option('--requires-mandate <a,b>', 'these aspects need formal authority, a decision only some can take (requiresMandate)')
    .option('--title <text>', "the scenario's title (default: from the file name)")
    .option('--id <id>', "the scenario's id (default: from --out, else the title)")
    .option('--out <file.json>', 'write the scenario here (default: JSON on stdout)')
    .option('--quiet', 'no warnings or summary on stderr')
    .addHelpText('after', HELP)
    .action((actorsFile: string, opts: ImportOptions) => {
      if (opts.out !== undefined && !opts.out.endsWith('.json')) throw new UsageError(`--out must end in .json, got '${opts.out}'`);
      if (opts.out !== undefined) checkOutFile(opts.out);
      const solutions: Record<string, number> = {};
      for (const s of opts.solution ?? []) {
        const eq = s.lastIndexOf('=');
        const value = eq > 0 ? Number(s.slice(eq + 1).trim().replace(',', '.')) : NaN;
        if (eq <= 0 || s.slice(eq + 1).trim() === '' || !Number.isFinite(value)) {
          throw new UsageError(`--solution expects aspect=value (deprecated; use --knowledge <aspect>), got '${s}'`);
        }
        solutions[s.slice(0, eq).trim()] = value;
      }
      const list = (text: string | undefined) => text?.split(',').map((a) => a.trim()).filter(Boolean);
      const aspects = list(opts.aspects);
      const warn = (m: string) => { if (!opts.quiet) process.stderr.write(`samenspel: warning: ${m}\n`); };
      const readCsv = (file: string) => {
        if (!existsSync(file)) throw new UsageError(`${file}: no such file`);
        const { text, legacy } = decodeText(readFileSync(file));
        if (legacy) warn(`${file} is not UTF-8; read it as Windows-1252 (the encoding of older Excel CSV exports)`);
        return text;
      };
      const id = opts.id ?? (opts.out ? basename(opts.out, '.json') : undefined);
      const scenario = importActorAnalysis({
        actorsCsv: readCsv(actorsFile),
        tiesCsv: opts.ties !== undefined ? readCsv(opts.ties) : undefined,
        aspects, knowledge: opts.knowledge?.flatMap((k) => list(k) ?? []), solutions, requiresAccess: list(opts.requiresAccess), requiresMandate: list(opts.requiresMandate), title: opts.title, id,
        fileNames: { actors: actorsFile, ties: opts.ties },
        warn,
      });
      const text = scenarioJsonText(scenario);
      if (!opts.out) { process.stdout.write(text); return; }
      writeFileSync(opts.out, text);
      if (!opts.quiet) {
        const sc = parseScenario(scenario, opts.out);
        process.stderr.write(`wrote ${opts.out}: scenario '${sc.id}' — ${sc.actors.length} actors, ${sc.sectors.length} sectors, ` +
          `${sc.aspects.length} aspects (${sc.aspects.filter((a) => a.kind === 'knowledge').length} knowledge), ${sc.ties.length} ties. ` +
          `Run it: npx samenspel run ${opts.out}\n`);
      }
    });
}
