import type { Command } from 'commander';
import { PRESETS } from '../../sim/index.ts';
import { listScenarioFiles, readJson } from '../io.ts';

export function register(program: Command): void {
  program.command('list')
    .description('list scenarios and rule presets, one per line, with their titles')
    .option('--lang <nl|en>', 'language of the titles', 'nl')
    .action((opts: { lang: string }) => {
      const lang = opts.lang === 'en' ? 'en' : 'nl';
      const out: string[] = [];
      for (const file of listScenarioFiles()) {
        const sc = readJson(file) as { id?: string; title?: Record<string, string> };
        out.push(`scenario  ${(sc.id ?? '?').padEnd(26)} ${sc.title?.[lang] ?? ''}`);
      }
      for (const p of PRESETS) out.push(`preset    ${p.id.padEnd(26)} ${p.title[lang]}`);
      process.stdout.write(out.join('\n') + '\n');
    });
}
