// The Deffuant kernel (N actors, 6-dimensional interests, ε = 0.3, μ = 0.3), four ways:
// through Samenspel's engine (its meetings + dialogue mechanisms on a run's state), as a bare
// typed-array loop, with plain JavaScript objects, and in Flocc. One "actor-update" = one
// actor's side of one meeting (a pair is two).
import { Agent, Environment } from 'flocc';
import { createRng, parseScenario } from '../sim/index.ts';
import { createRun } from '../sim/engine/run.ts';
import { buildCtx, type Reporter } from '../sim/engine/mechanisms/context.ts';
import { meetings } from '../sim/engine/mechanisms/meetings.ts';
import { dialogue } from '../sim/engine/mechanisms/dialogue.ts';

const K = 6, EPS = 0.3, MU = 0.3;
const quiet: Reporter = { position() {}, project() {}, sanction() {} };

function kernelScenario(n: number) {
  const aspects = Array.from({ length: K }, (_, i) => ({ id: `a${i}`, label: { nl: `a${i}`, en: `a${i}` }, kind: 'value' as const }));
  return parseScenario({
    id: 'deffuant-bench', title: { nl: 'x', en: 'x' }, description: { nl: 'x', en: 'x' }, aspects,
    sectors: [{ id: 's', label: { nl: 's', en: 's' }, color: '#000000', affectedness: 1 }],
    groups: [{ name: 'a', label: { nl: 'a', en: 'a' }, sector: 's', count: n, stake: aspects.map(() => ({ min: 0, max: 1 })),
      openness: EPS, achterban: 0, engagement: 0.5, ties: { perActor: 0, trust: 1, sameSector: 1 } }],
    params: { meetingMode: 'random', mu: MU, trustMin: 0, trustGain: 0, trustLoss: 0, tieDecay: 0, newTieTrust: 1,
      beliefDrift: 0, stakePull: 0, maxTies: 2 },
  }, 'deffuant-bench');
}

/** Through the engine: the same meetings() and dialogue() a scenario run calls every tick. */
export function engineKernel(n: number, ticks: number): number {
  const run = createRun({ scenario: kernelScenario(n), seed: 1 });
  const s = run.state;
  const ctx = buildCtx(run.params, run.rules, createRng(2), quiet);
  meetings(s, ctx); dialogue(s, ctx); // warm-up
  const t0 = performance.now();
  for (let t = 0; t < ticks; t++) { meetings(s, ctx); dialogue(s, ctx); }
  return (2 * n * ticks) / ((performance.now() - t0) / 1000);
}

function bareStep(x: Float64Array, n: number, rng: () => number): void {
  for (let t = 0; t < n; t++) {
    const i = Math.floor(rng() * n);
    let j = Math.floor(rng() * (n - 1));
    if (j >= i) j++;
    const oi = i * K, oj = j * K;
    let d2 = 0;
    for (let x2 = 0; x2 < K; x2++) { const d = x[oj + x2] - x[oi + x2]; d2 += d * d; }
    if (Math.sqrt(d2 / K) < EPS) {
      for (let x2 = 0; x2 < K; x2++) { const d = x[oj + x2] - x[oi + x2]; x[oi + x2] += MU * d; x[oj + x2] -= MU * d; }
    }
  }
}

export function bareKernel(n: number, ticks: number): number {
  const rng = createRng(1);
  const x = new Float64Array(n * K);
  for (let i = 0; i < x.length; i++) x[i] = rng();
  bareStep(x, n, rng);
  const t0 = performance.now();
  for (let t = 0; t < ticks; t++) bareStep(x, n, rng);
  return (2 * n * ticks) / ((performance.now() - t0) / 1000);
}

interface PlainAgent { opinion: number[] }
function objectStep(agents: PlainAgent[], rng: () => number): void {
  const n = agents.length;
  for (let t = 0; t < n; t++) {
    const a = agents[Math.floor(rng() * n)];
    let jb = Math.floor(rng() * (n - 1));
    if (agents[jb] === a) jb = n - 1;
    const b = agents[jb];
    const diff = a.opinion.map((v, k) => b.opinion[k] - v);
    const dist = Math.sqrt(diff.reduce((s2, d) => s2 + d * d, 0) / K);
    if (dist < EPS) {
      a.opinion = a.opinion.map((v, k) => v + MU * diff[k]);
      b.opinion = b.opinion.map((v, k) => v - MU * diff[k]);
    }
  }
}

export function objectKernel(n: number, ticks: number): number {
  const rng = createRng(1);
  const agents: PlainAgent[] = Array.from({ length: n }, () => ({ opinion: Array.from({ length: K }, () => rng()) }));
  objectStep(agents, rng);
  const t0 = performance.now();
  for (let t = 0; t < ticks; t++) objectStep(agents, rng);
  return (2 * n * ticks) / ((performance.now() - t0) / 1000);
}

export function floccKernel(n: number, ticks: number): number {
  const rng = createRng(1);
  const env = new Environment();
  for (let i = 0; i < n; i++) {
    const a = new Agent();
    a.set('opinion', Array.from({ length: K }, () => rng()));
    // One meeting per agent-tick with a random partner, as in the other variants.
    a.set('tick', (self: Agent) => {
      const all = env.getAgents();
      const other = all[Math.floor(rng() * all.length)];
      if (other === self) return;
      const x = self.get('opinion') as number[], y = other.get('opinion') as number[];
      let d2 = 0;
      for (let k = 0; k < K; k++) { const d = y[k] - x[k]; d2 += d * d; }
      if (Math.sqrt(d2 / K) < EPS) {
        self.set('opinion', x.map((v, k) => v + MU * (y[k] - v)));
        other.set('opinion', y.map((v, k) => v - MU * (v - x[k])));
      }
    });
    env.addAgent(a);
  }
  env.tick();
  const t0 = performance.now();
  for (let t = 0; t < ticks; t++) env.tick();
  return (2 * n * ticks) / ((performance.now() - t0) / 1000);
}
