// The P5 comparison's robustness (docs/VALIDATION.md): how the ratio of final impact, network /
// chain, moves with maxProjectSize, the coordination loss λ, the process loss ρ and the chain's
// efficiency — one parameter at a time around the defaults, plus cap × ρ — at low and high
// complexity, and the share of network projects that start at the cap. Same seeds for both arms.
// `node --import tsx bench/p5-sensitivity.ts [seeds]` prints markdown tables.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRun, MEASURE_INDEX, type Scenario } from '../sim/index.ts';
import { prepare } from '../sim/analysis/patterns/prepare.ts';
import { atLevel, LEVELS } from '../sim/analysis/patterns/complexity.ts';
import { isNetwork, seedsFor } from '../sim/analysis/patterns/arms.ts';

const SEEDS = Number(process.argv[2] ?? 6);
const ROOT = join(import.meta.dirname, '..');
const mean = (x: number[]) => x.reduce((a, b) => a + b, 0) / x.length;

function finalImpact(sc: Scenario, rules: string | undefined, seed: number, ticks: number, cap: { started: number; capped: number } | null): number {
  const run = createRun({ scenario: sc, rules, seed });
  for (let t = 0; t < ticks; t++) {
    run.step();
    if (!cap) continue;
    const s = run.state;
    for (let pr = 0; pr < s.projectCap; pr++) {
      if (s.projectState[pr] === 2 && s.projectStart[pr] === s.tick) {
        cap.started++;
        if (s.projectSize[pr] >= run.params.maxProjectSize) cap.capped++;
      }
    }
  }
  return run.measures[MEASURE_INDEX.impact];
}

type Cell = Record<string, number>;
const oneAtATime: [string, Cell][] = [
  ['defaults', {}],
  ['maxProjectSize 8', { maxProjectSize: 8 }], ['maxProjectSize 24', { maxProjectSize: 24 }], ['maxProjectSize 48', { maxProjectSize: 48 }],
  ['λ 0', { coordinationLoss: 0 }], ['λ 1', { coordinationLoss: 1 }],
  ['ρ 0', { processLoss: 0 }], ['ρ 0.3', { processLoss: 0.3 }],
  ['chainEfficiency 0.9', { chainEfficiency: 0.9 }], ['chainEfficiency 1.3', { chainEfficiency: 1.3 }],
  ['ρ 0, maxProjectSize 48', { processLoss: 0, maxProjectSize: 48 }],
  ['ρ 0.3, maxProjectSize 48', { processLoss: 0.3, maxProjectSize: 48 }],
  ['engine 0.1 accounting (λ 1, ρ 0, synergy 0.3), cap 12', { coordinationLoss: 1, processLoss: 0, synergy: 0.3 }],
  ['engine 0.1 accounting, cap 40', { coordinationLoss: 1, processLoss: 0, synergy: 0.3, maxProjectSize: 40 }],
];

for (const id of ['synthetisch', 'keten-of-netwerk']) {
  const prep = prepare({ file: `${id}.json`, json: JSON.parse(readFileSync(join(ROOT, 'scenarios', `${id}.json`), 'utf8')) });
  const network = isNetwork(prep.scenario) ? undefined : 'open-netwerk';
  const seeds = seedsFor('samenspel-sensitivity', 'P5', prep, SEEDS);
  console.log(`\n**${id}** (${SEEDS} seeds, ${prep.ticks} ticks; ratio = mean final impact network / chain)\n`);
  console.log('| setting | ratio, low complexity | ratio, high complexity | projects at the cap |');
  console.log('|---|---|---|---|');
  for (const [name, params] of oneAtATime) {
    const cap = { started: 0, capped: 0 };
    const ratio: string[] = [];
    for (const level of [LEVELS[0], LEVELS[2]]) {
      const base = atLevel(prep.scenario, level);
      const sc = { ...base, params: { ...base.params, ...params } };
      const x = seeds.map((seed) => finalImpact(sc, network, seed, prep.ticks, cap));
      const y = seeds.map((seed) => finalImpact(sc, 'keten', seed, prep.ticks, null));
      ratio.push(`${(mean(x) / mean(y)).toFixed(3)} (${mean(x).toFixed(1)} / ${mean(y).toFixed(1)})`);
    }
    console.log(`| ${name} | ${ratio[0]} | ${ratio[1]} | ${cap.started ? ((100 * cap.capped) / cap.started).toFixed(0) : '–'} % of ${cap.started} |`);
  }
}
