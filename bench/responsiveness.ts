// How much a trainer's mid-run rule change moves the three functions (docs/SCENARIOS.md,
// "Responsiveness"): for a scenario at its defaults, switch to a rule preset at a tick and
// compare, seed by seed, with its twin that keeps the rules. Reports the mean difference
// (switched − twin) of richten, leren and handelen averaged over the ticks after the switch, and
// at the last tick, with percentile-bootstrap 95 % CIs over seeds.
// `node --import tsx bench/responsiveness.ts [scenario] [preset] [tick] [ticks after] [seeds]`
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRun, deriveSeed, MEASURE_INDEX, parseScenario, type Scenario } from '../sim/index.ts';
import { meanOver } from '../sim/analysis/patterns/stats.ts';

const [ID = 'jeugdhulp', PRESET = 'faciliterend', AT = '60', AFTER = '50', SEEDS = '20'] = process.argv.slice(2);
const at = Number(AT), after = Number(AFTER), seeds = Number(SEEDS);
const ROOT = join(import.meta.dirname, '..');
const file = join(ROOT, 'scenarios', `${ID}.json`);
const scenario: Scenario = parseScenario(JSON.parse(readFileSync(file, 'utf8')), file);
const KEYS = ['richten', 'leren', 'handelen'] as const;

/** Per measure: mean over ticks at+1 … at+after, and the value at at+after. */
function trace(seed: number, switched: boolean): Record<string, { window: number; end: number }> {
  const events = switched ? [{ type: 'rules' as const, tick: at + 1, rules: PRESET }] : [];
  const run = createRun({ scenario, seed, events });
  const sums: Record<string, number> = Object.fromEntries(KEYS.map((k) => [k, 0]));
  for (let t = 1; t <= at + after; t++) {
    const row = run.step();
    if (t > at) for (const k of KEYS) sums[k] += row[MEASURE_INDEX[k]];
  }
  return Object.fromEntries(KEYS.map((k) => [k, { window: sums[k] / after, end: run.measures[MEASURE_INDEX[k]] }]));
}

const diffs: Record<string, { window: number[]; end: number[]; twin: number[] }> = Object.fromEntries(KEYS.map((k) => [k, { window: [], end: [], twin: [] }]));
for (let r = 0; r < seeds; r++) {
  const seed = deriveSeed('samenspel-responsiveness', r);
  const a = trace(seed, true), b = trace(seed, false);
  for (const k of KEYS) {
    diffs[k].window.push(a[k].window - b[k].window);
    diffs[k].end.push(a[k].end - b[k].end);
    diffs[k].twin.push(b[k].window);
  }
}
const f = (e: { estimate: number; lo: number; hi: number }) => `${e.estimate >= 0 ? '+' : ''}${e.estimate.toFixed(3)} [${e.lo.toFixed(3)}, ${e.hi.toFixed(3)}]`;
console.log(`${ID}: switch to '${PRESET}' at tick ${at}, ${after} ticks after, ${seeds} seeds (switched − twin, 95 % CI)\n`);
console.log(`| measure | twin's mean, ticks ${at + 1}–${at + after} | difference, mean over ticks ${at + 1}–${at + after} | difference at tick ${at + after} |`);
console.log('|---|---|---|---|');
for (const k of KEYS) {
  const twin = diffs[k].twin.reduce((s, v) => s + v, 0) / seeds;
  console.log(`| ${k} | ${twin.toFixed(3)} | ${f(meanOver(diffs[k].window, 'A', `resp:${k}:w`))} | ${f(meanOver(diffs[k].end, 'A', `resp:${k}:e`))} |`);
}
