// `samenspel measures [--json] [--lang nl|en]`: the data dictionary — every measure (the
// columns of a run's CSV and what a batch may keep) and every per-actor column, with its
// definition, range and unit in Dutch and English. Generated from the schema's metadata.
import type { Command } from 'commander';
import { dataDictionary, type DictionaryEntry } from '../../sim/index.ts';
import { UsageError } from '../io.ts';

interface MeasuresOptions { json?: boolean; lang: string }

const range = (e: DictionaryEntry) => (e.min === null && e.max === null ? '—' : `${e.min ?? '−∞'} … ${e.max ?? '∞'}`);

export function dictionaryText(entries: DictionaryEntry[], lang: 'nl' | 'en'): string {
  const other = lang === 'nl' ? 'en' : 'nl';
  const out: string[] = [];
  const section = (table: DictionaryEntry['table'], title: string) => {
    out.push(title, '');
    for (const e of entries.filter((x) => x.table === table)) {
      out.push(`${e.key}  —  ${e.label[lang]} (${e.label[other]})`);
      out.push(`  ${lang === 'nl' ? 'bereik' : 'range'}: ${range(e)}; ${lang === 'nl' ? 'eenheid' : 'unit'}: ${e.unit[lang]}`);
      out.push(`  ${e.definition[lang]}`);
      out.push(`  [${other}] ${e.definition[other]}`, '');
    }
  };
  section('measure', lang === 'nl'
    ? 'MATEN — kolommen van `run` (één rij per ronde) en wat een batch kan bewaren'
    : 'MEASURES — columns of `run` (one row per tick) and what a batch can keep');
  section('actor', lang === 'nl'
    ? 'PER ACTOR — kolommen van `run --actors` en actors.csv van een batch (lang formaat: één rij per actor per gemeten ronde)'
    : 'PER ACTOR — columns of `run --actors` and a batch\'s actors.csv (long format: one row per actor per sampled tick)');
  return out.join('\n');
}

export function register(program: Command): void {
  program.command('measures')
    .description('the data dictionary: every measure and per-actor column with its definition, range and unit, in Dutch and English')
    .option('--json', 'as JSON (one object per column)')
    .option('--lang <nl|en>', 'language shown first', 'en')
    .action((opts: MeasuresOptions) => {
      if (opts.lang !== 'nl' && opts.lang !== 'en') throw new UsageError(`--lang expects nl or en, got '${opts.lang}'`);
      const entries = dataDictionary();
      process.stdout.write(opts.json ? JSON.stringify(entries, null, 1) + '\n' : dictionaryText(entries, opts.lang));
    });
}
