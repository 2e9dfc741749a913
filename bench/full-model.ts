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

/**
 * Old engine against this one in one process, alternating, CPU time per actor-tick (the
 * machines are shared: CPU time, not wall time). `oldRoot` is a checkout of another commit
 * (`git worktree add ../old-engine <commit>` with a node_modules link); each engine runs its
 * own `synthetisch` at `actors`, seeds 1…seeds, `warmup` ticks then `ticks` measured.
 * Usage: node --import tsx -e "import('./bench/full-model.ts').then((m) => m.compareEngines('../old-engine')).then(console.log)"
 */
export async function compareEngines(oldRoot: string, actors = 10000, ticks = 20, seeds = 10, warmup = 5) {
  const engines = await Promise.all([oldRoot, ROOT].map(async (root) => {
    const mod = await import(join(root, 'sim', 'index.ts'));
    const raw = JSON.parse(readFileSync(join(root, 'scenarios', 'synthetisch.json'), 'utf8'));
    raw.population = actors;
    return { mod, scenario: mod.parseScenario(raw, 'synthetisch.json') };
  }));
  const cpuNs = (e: (typeof engines)[number], seed: number) => {
    const run = e.mod.createRun({ scenario: e.scenario, seed });
    for (let t = 0; t < warmup; t++) run.step();
    const u0 = process.cpuUsage();
    for (let t = 0; t < ticks; t++) run.step();
    const u = process.cpuUsage(u0);
    return ((u.user + u.system) * 1000) / (actors * ticks);
  };
  const old: number[] = [], now: number[] = [], ratios: number[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    // Alternate which engine goes first, so neither always runs on a warmer machine.
    const [a, b] = seed % 2 ? [cpuNs(engines[0], seed), cpuNs(engines[1], seed)] : [NaN, cpuNs(engines[1], seed)];
    const o = Number.isNaN(a) ? cpuNs(engines[0], seed) : a;
    old.push(o); now.push(b); ratios.push(b / o);
  }
  return { oldNs: median(old), newNs: median(now), ratioOfMedians: median(now) / median(old), medianRatio: median(ratios), ratios };
}
