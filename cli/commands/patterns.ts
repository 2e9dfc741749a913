// `samenspel patterns`: the pattern experiments of ODD.md §1 (sim/analysis/patterns) on the shipped
// scenarios; prints the table, or --json, or --write replaces the generated section of
// docs/VALIDATION.md (tests/validation/patterns.test.ts checks that section against the code).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { PARAMS, parseSetValue, patterns as harness } from '../../sim/index.ts';
import { listScenarioFiles, readJson, ROOT, UsageError } from '../io.ts';

export const VALIDATION_PATH = join(ROOT, 'docs', 'VALIDATION.md');

/** Every shipped scenario as raw JSON (the experiments size them down themselves). */
export function shippedScenarios(): harness.RawScenario[] {
  return listScenarioFiles().map((file) => ({ file: `scenarios/${basename(file)}`, json: readJson(file) as Record<string, unknown> }));
}

interface Opts { seeds: string; json?: boolean; write?: boolean; only?: string; scenarios?: string; quiet?: boolean; set: string[] }

/** `key=value` for a model parameter (PARAMS), applied to every scenario (e.g. the table before a default changed). */
function parseParamSet(text: string): [string, unknown] {
  const at = text.indexOf('=');
  const key = at > 0 ? text.slice(0, at).trim() : '';
  if (!Object.hasOwn(PARAMS, key)) {
    throw new UsageError(`--set '${text}': expected <parameter>=<value> with a model parameter (see \`samenspel run --help\`), e.g. diversityWeight=0.5`);
  }
  return [key, parseSetValue(text.slice(at + 1))];
}

export function register(program: Command): void {
  program.command('patterns')
    .description('pattern experiments P1–P10 (ODD.md §1) over seeds: effect sizes with 95 % bootstrap CIs and a verdict per pattern and scenario')
    .option('--seeds <n>', 'seeds per arm', String(harness.DEFAULT_SEEDS))
    .option('--only <ids>', 'only these patterns, e.g. P1,P5')
    .option('--scenarios <ids>', 'only these scenarios (the baseline synthetisch is added when present)')
    .option('--json', 'the result as JSON on stdout')
    .option('--write', 'replace the generated section of docs/VALIDATION.md (the full table only)')
    .option('--quiet', 'no progress on stderr')
    .option('--set <key=value>', 'a model parameter for every scenario (repeatable), e.g. the table before a default changed', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .action((o: Opts) => {
      const seeds = Number(o.seeds);
      if (!Number.isInteger(seeds) || seeds < 2 || seeds > 1000) throw new UsageError(`--seeds expects a whole number in 2 … 1000, got '${o.seeds}'`);
      const only = o.only?.split(',').map((x) => x.trim().toUpperCase());
      for (const p of only ?? []) {
        if (!harness.PATTERN_IDS.includes(p as harness.PatternId)) throw new UsageError(`--only: unknown pattern '${p}'; patterns are ${harness.PATTERN_IDS.join(', ')}`);
      }
      let scenarios = shippedScenarios();
      if (o.scenarios) {
        const want = o.scenarios.split(',').map((x) => x.trim());
        const ids = scenarios.map((s) => String(s.json.id));
        for (const w of want) if (!ids.includes(w)) throw new UsageError(`--scenarios: unknown scenario '${w}'; scenarios are ${ids.join(', ')}`);
        scenarios = scenarios.filter((s) => want.includes(String(s.json.id)) || s.json.id === 'synthetisch');
      }
      if (o.write && (only || o.scenarios || o.set.length)) throw new UsageError('--write replaces the whole table at the defaults: leave out --only, --scenarios and --set');
      const sets = o.set.map(parseParamSet);
      if (sets.length) {
        scenarios = scenarios.map((sc) => ({ ...sc, json: { ...sc.json, params: { ...(sc.json.params as Record<string, unknown> ?? {}), ...Object.fromEntries(sets) } } }));
      }
      const progress = !o.quiet;
      const started = Date.now();
      const result = harness.runPatterns({
        scenarios, seeds, only,
        onProgress: progress ? (m) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${m}\n`) : undefined,
      });
      if (progress) process.stderr.write(`done: ${result.runs} runs in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
      if (o.write) {
        if (!existsSync(VALIDATION_PATH)) throw new UsageError(`${VALIDATION_PATH}: no such file (it holds the markers the table goes between)`);
        const before = readFileSync(VALIDATION_PATH, 'utf8');
        const after = harness.replaceSection(before, harness.markdownTable(result));
        writeFileSync(VALIDATION_PATH, after);
        if (progress) process.stderr.write(`docs/VALIDATION.md: ${before === after ? 'up to date' : 'table rewritten'}\n`);
      }
      if (o.json) {
        process.stdout.write(JSON.stringify({ ...result, rules: harness.RULES }, null, 1) + '\n');
        return;
      }
      if (o.write) return;
      const lines: string[] = [];
      let last = '';
      for (const r of result.rows) {
        const id = r.pattern.replace(/[a-z]$|-.*$/, '') as harness.PatternId;
        if (id !== last) { lines.push('', `${id}: ${harness.RULES[id]}`); last = id; }
        lines.push(`  ${r.pattern.padEnd(16)} ${r.scenario.padEnd(24)} ${harness.effectText(r).padEnd(26)} ${r.verdict}`);
        lines.push(`      compared: ${r.compared}`);
        lines.push(`      detail:   ${r.detail}`);
      }
      process.stdout.write(lines.join('\n').trimStart() + '\n');
    });
}
