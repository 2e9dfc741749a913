// V8 specialises hot code to what it has seen: a second, different run in the same process
// must not make the first kind of run slower. Run A, then a different scenario and rule set,
// then A again with another seed; compare time per actor-tick.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRun, parseScenario } from '../sim/index.ts';

const ROOT = join(import.meta.dirname, '..');
const load = (id: string, population?: number) => {
  const raw = JSON.parse(readFileSync(join(ROOT, 'scenarios', `${id}.json`), 'utf8'));
  if (population) raw.population = population;
  return parseScenario(raw, id);
};

function timeRun(id: string, rules: string, seed: number, ticks: number, population?: number): number {
  const run = createRun({ scenario: load(id, population), rules, seed });
  for (let t = 0; t < 10; t++) run.step();
  const t0 = performance.now();
  for (let t = 0; t < ticks; t++) run.step();
  return ((performance.now() - t0) * 1e6) / (ticks * run.state.n);
}

export function benchSecondRun(): { first: number; other: number; again: number; ratio: number } {
  const first = timeRun('synthetisch', 'open-netwerk', 1, 60, 5000);
  const other = timeRun('wijk', 'faciliterend', 2, 300) + timeRun('keten-of-netwerk', 'keten', 3, 300);
  const again = timeRun('synthetisch', 'open-netwerk', 4, 60, 5000);
  return { first, other, again, ratio: again / first };
}
