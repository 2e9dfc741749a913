import type { Command } from 'commander';
import { parseEvents, parseScenario, type Scenario } from '../../sim/index.ts';
import { readJson } from '../io.ts';

export function register(program: Command): void {
  program.command('validate <file>')
    .description('check a scenario (or an --events file): exit 0 with a summary, or exit 1 with each bad field')
    .action((file: string) => {
      const raw = readJson(file);
      const looksLikeEvents = Array.isArray(raw) || (raw && typeof raw === 'object' && 'events' in raw && !('aspects' in raw));
      if (looksLikeEvents) {
        const events = parseEvents(raw, file);
        process.stdout.write(`${file}: valid events file, ${events.length} event(s)\n`);
        return;
      }
      const sc: Scenario = parseScenario(raw, file);
      const generated = sc.groups.reduce((a, g) => a + g.count, 0);
      process.stdout.write(`${file}: valid scenario '${sc.id}' — ${sc.actors.length} named actors, ${generated} generated, ` +
        `${sc.sectors.length} sectors, ${sc.aspects.length} aspects, ${sc.ties.length} ties, ${sc.events.length} events\n`);
    });
}
