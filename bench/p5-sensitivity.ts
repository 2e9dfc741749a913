// The map behind P5 and P6 (docs/VALIDATION.md): when does organising as a network (or
// facilitating) pay? For each setting — one parameter at a time around the defaults, and the
// ablations — the mean change in log(network / chain) and log(facilitating / directing) impact
// from κ = 0 to κ = 7, with its bootstrap CI, at 100 and 300 ticks; same seeds in every arm.
// Modularity has nothing to choose when κ = N − 1 (every knob depends on every other), so a
// second table maps it from κ = 0 to an intermediate κ = 3.
// `node --import tsx bench/p5-sensitivity.ts [seeds] [scenario] [all|modularity]` prints markdown
// tables (`modularity`: only the second table).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../sim/index.ts';
import { prepare, type Prepared } from '../sim/analysis/patterns/prepare.ts';
import { isNetwork, seedsFor } from '../sim/analysis/patterns/arms.ts';
import { deltas, HORIZONS, impactsAtHorizons, type ContingencyArms } from '../sim/analysis/patterns/p5p6Contingency.ts';
import { meanOver } from '../sim/analysis/patterns/stats.ts';

const SEEDS = Number(process.argv[2] ?? 6);
const ID = process.argv[3] ?? 'keten-of-netwerk';
const ONLY_MODULARITY = process.argv[4] === 'modularity';
const ROOT = join(import.meta.dirname, '..');

type Cell = Record<string, number | string>;
const SETTINGS: [string, Cell][] = [
  ['defaults', {}],
  ['modularity (withinShare) 0', { withinShare: 0 }], ['modularity (withinShare) 1', { withinShare: 1 }],
  ['integration cost χ 0', { integrationCost: 0 }], ['integration cost χ 0.6', { integrationCost: 0.6 }],
  ['search share φ 0.05', { searchShare: 0.05 }], ['search share φ 0.4', { searchShare: 0.4 }],
  ['chainEfficiency 0.9', { chainEfficiency: 0.9 }], ['chainEfficiency 1.3', { chainEfficiency: 1.3 }],
  ['coordination loss λ 0', { coordinationLoss: 0 }], ['coordination loss λ 1', { coordinationLoss: 1 }],
  ['process loss ρ 0', { processLoss: 0 }], ['process loss ρ 0.3', { processLoss: 0.3 }],
  ['worthScale raw', { worthScale: 'raw' }], ['worthScale power8', { worthScale: 'power8' }],
  ['ablation: no combination (combination = initiator)', { combination: 'initiator' }],
  ['ablation: single-sector projects', { projectSectors: 'initiator' }],
  ['ablation: combination without search (φ 0)', { searchShare: 0 }],
  ['ablation: oracle expertise', { expertiseMode: 'oracle' }],
];
const LANDSCAPE = new Set(['withinShare']);

function withCell(prep: Prepared, cell: Cell): Prepared {
  const sc: Scenario = structuredClone(prep.scenario);
  for (const [k, v] of Object.entries(cell)) {
    if (LANDSCAPE.has(k)) (sc.opgave.landscape as Record<string, unknown>)[k] = v;
    else (sc.params as Record<string, unknown>)[k] = v;
  }
  return { ...prep, scenario: sc };
}

const prep = prepare({ file: `${ID}.json`, json: JSON.parse(readFileSync(join(ROOT, 'scenarios', `${ID}.json`), 'utf8')) });
const network = isNetwork(prep.scenario) ? undefined : 'open-netwerk';
const COMPARISONS: [string, ContingencyArms][] = [
  ['P5 network / chain', { x: { name: 'network', rules: network }, y: { name: 'keten', rules: 'keten' } }],
  ['P6 facilitating / directing', { x: { name: 'faciliterend', rules: 'faciliterend' }, y: { name: 'sturende-regie', rules: 'sturende-regie' } }],
];
const fmt = (e: { estimate: number; lo: number; hi: number }) => `${e.estimate.toFixed(2)} [${e.lo.toFixed(2)}, ${e.hi.toFixed(2)}]`;
for (const [title, arms] of ONLY_MODULARITY ? [] : COMPARISONS) {
  const seeds = seedsFor('samenspel-sensitivity', title.slice(0, 2), prep, SEEDS);
  console.log(`\n**${title}**, ${ID} (${SEEDS} seeds; Δ = mean change in log ratio of impact from κ = 0 to κ = 7, 95 % CI)\n`);
  console.log(`| setting | Δ at ${HORIZONS[0]} ticks | Δ at ${HORIZONS[1]} ticks |`);
  console.log('|---|---|---|');
  for (const [name, cell] of SETTINGS) {
    const imp = impactsAtHorizons(withCell(prep, cell), seeds, arms);
    const cells = HORIZONS.map((h, k) => fmt(meanOver(deltas(imp, k), 'Δlog', `map:${title}:${name}:${h}`)));
    console.log(`| ${name} | ${cells.join(' | ')} |`);
  }
}

const MID = [{ kappa: 0 }, { kappa: 3 }] as const;
const MODULARITY: [string, Cell][] = [
  ['modularity (withinShare) 0', { withinShare: 0 }],
  [`modularity (withinShare) ${prep.scenario.opgave.landscape.withinShare} (the scenario's)`, {}],
  ['modularity (withinShare) 1', { withinShare: 1 }],
];
for (const [title, arms] of COMPARISONS) {
  const seeds = seedsFor('samenspel-sensitivity', title.slice(0, 2), prep, SEEDS);
  console.log(`\n**${title}**, ${ID}, modularity at intermediate complexity (${SEEDS} seeds; Δ from κ = 0 to κ = 3, 95 % CI)\n`);
  console.log(`| setting | Δ at ${HORIZONS[0]} ticks | Δ at ${HORIZONS[1]} ticks |`);
  console.log('|---|---|---|');
  for (const [name, cell] of MODULARITY) {
    const imp = impactsAtHorizons(withCell(prep, cell), seeds, arms, MID);
    const cells = HORIZONS.map((h, k) => fmt(meanOver(deltas(imp, k), 'Δlog', `map:${title}:${name}:κ3:${h}`)));
    console.log(`| ${name} | ${cells.join(' | ')} |`);
  }
}
