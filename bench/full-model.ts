// The full model on `synthetisch` at several sizes: ticks/s, actor-ticks/s, time per actor-tick
// and engine memory per actor. Medians over repeats; quote ratios, machines are noisy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRun, parseScenario, type State } from '../sim/index.ts';

const ROOT = join(import.meta.dirname, '..');

export interface FullModelRow {
  actors: number; ticks: number; ticksPerSecond: number; actorTicksPerSecond: number;
  nsPerActorTick: number; bytesPerActor: number; ties: number;
}

function scenarioOf(actors: number) {
  const raw = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'synthetisch.json'), 'utf8'));
  raw.population = actors;
  return parseScenario(raw, 'synthetisch.json');
}

export function stateBytes(s: State): number {
  let bytes = 0;
  for (const v of Object.values(s)) if (ArrayBuffer.isView(v)) bytes += v.byteLength;
  return bytes;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function benchFullModel(actors: number, ticks: number, repeats: number, warmup = 3): FullModelRow {
  const sc = scenarioOf(actors);
  const times: number[] = [];
  let bytes = 0, ties = 0;
  for (let r = 0; r < repeats; r++) {
    const run = createRun({ scenario: sc, seed: r + 1 });
    for (let t = 0; t < warmup; t++) run.step();
    const t0 = performance.now();
    for (let t = 0; t < ticks; t++) run.step();
    times.push((performance.now() - t0) / 1000);
    bytes = stateBytes(run.state);
    ties = 0;
    for (let i = 0; i < run.state.n; i++) ties += run.state.degree[i];
  }
  const secs = median(times);
  return {
    actors, ticks, ticksPerSecond: ticks / secs, actorTicksPerSecond: (actors * ticks) / secs,
    nsPerActorTick: (secs * 1e9) / (actors * ticks), bytesPerActor: bytes / actors, ties,
  };
}
