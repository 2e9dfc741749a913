// Granovetter (1978): each actor acts once at least its threshold number of others act; the
// outcome is the end of the cascade. Here: the engine's project mechanism. A complete graph of
// ties (trust 1, trustMin 0), everyone engaged (engagement 1, engagementRate 0) and open
// (openness 1, one aspect on which every stake is 0.5, so direction, preference and stake
// coincide and selectivity never refuses). One actor with threshold 0 initiates a project at
// tick 1 (proactiveness 1, initiateRate 1; everyone else proactiveness 0); others join when
// the members among their ties reach their threshold (the engine's wouldJoin). quorum 1,
// maxProjectSize ≥ n, and the recruitment window outlasts the run, so the one project keeps
// recruiting until the cascade stops. Without any threshold-0 actor nobody starts: 0 act.
import { createRun } from '../engine/run.ts';
import { parseScenario } from '../schema/validate.ts';
import { createRng, deriveSeed, randomNormal } from '../engine/rng.ts';
import type { Scenario } from '../schema/scenario.ts';
import { QUIET_PARAMS, skeleton } from './base.ts';

export const GRANOVETTER_MAX_N = 2000;

export function granovetterScenario(thresholds: number[]): Scenario {
  const n = thresholds.length;
  if (!(n >= 1 && n <= GRANOVETTER_MAX_N)) throw new RangeError(`granovetter: 1 … ${GRANOVETTER_MAX_N} thresholds, got ${n}`);
  thresholds.forEach((t, i) => {
    if (!(t >= 0)) throw new RangeError(`granovetter: threshold ${i + 1} is ${t}; thresholds are numbers ≥ 0`);
  });
  const initiator = thresholds.findIndex((t) => t === 0);
  const sc = skeleton('granovetter', 'value', n + 2);
  sc.actors = thresholds.map((t, i) => ({
    name: `A${i + 1}`, sector: 'all', stake: [0.5], threshold: t, openness: 1, engagement: 1, achterban: 0,
    proactiveness: i === initiator ? 1 : 0,
  }));
  const ties = [];
  for (let i = 1; i <= n; i++) for (let j = i + 1; j <= n; j++) ties.push({ from: `A${i}`, to: `A${j}`, trust: 1 });
  sc.ties = ties;
  sc.params = {
    ...QUIET_PARAMS, meetingMode: 'random', initiateRate: 1, engagementRate: 0, trustMin: 0, quorum: 1,
    maxProjectSize: Math.max(2, n), recruitTicks: Math.min(10_000, n + 10), projectDuration: 1000, maxTies: Math.max(16, n),
  };
  return parseScenario(sc, '<canonical granovetter>');
}

export interface GranovetterResult { active: number; ticks: number; initiator: number }

export function runGranovetter(thresholds: number[]): GranovetterResult {
  const run = createRun({ scenario: granovetterScenario(thresholds), seed: 1 });
  const s = run.state;
  const count = () => { let c = 0; for (let i = 0; i < s.n; i++) if (s.projectOf[i] >= 0) c++; return c; };
  let active = 0, t = 0;
  // Each tick lets everyone who now sees enough members join; stop when a tick adds nobody.
  for (; t < s.n + 2; t++) {
    run.step();
    const now = count();
    if (t > 0 && now === active) break;
    active = now;
  }
  return { active, ticks: t + 1, initiator: thresholds.findIndex((x) => x === 0) };
}

/** Thresholds ~ Normal(mean, sd), cut at 0 (Granovetter's figure: N = 100, mean 25). */
export function normalThresholds(n: number, mean: number, sd: number, seed: number | string): number[] {
  const rng = createRng(deriveSeed(seed, 'granovetter-thresholds'));
  return Array.from({ length: n }, () => Math.max(0, mean + sd * randomNormal(rng)));
}
