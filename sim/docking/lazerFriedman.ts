// Lazer & Friedman (2007), "The network structure of exploration and exploitation": A agents on
// a network search one NK landscape (the engine's, sim/engine/landscape). Each tick, all at
// once from the previous tick's approaches, every agent copies its best-scoring neighbour's
// approach if that is better than its own (imitation); otherwise it tries one randomly chosen
// changed knob and keeps it if better (local search). Score (W/W_max)^8 (the `power8` scale).
// Networks: complete; line = a ring, each agent tied to the two next to it; random = G(A, M)
// with M = round(A·degree/2) distinct ties drawn uniformly. Per landscape, the landscape and the
// starting approaches come from their own derived streams, so every network meets the same
// landscapes and the same starting points (common random numbers).
import { createRng, deriveSeed, randomInt } from '../engine/rng.ts';
import {
  copyIfBetter, createLandscape, MAX_KNOBS, scaledWorth, tryVariant, worthSum, type Landscape,
} from '../engine/landscape/index.ts';
import { landscapeRng } from './nkPeaks.ts';

export const LF_NETWORKS = ['complete', 'line', 'random'] as const;
export type LfNetwork = (typeof LF_NETWORKS)[number];
export const LF_MAX_AGENTS = 2000;

export interface LazerFriedmanOptions {
  n: number; k: number; agents: number; network: LfNetwork; ticks: number; landscapes: number;
  seed: number | string;
  /** Mean degree of the random network (default 2: as many ties as the line). */
  degree?: number;
}

export interface LazerFriedmanResult {
  /** Mean score (W/W_max)^8 over agents and landscapes at ticks 0 … T. */
  score: number[];
  /** Share of agents holding the best approach x*, at ticks 0 … T. */
  atBest: number[];
  ties: number;
}

/** Adjacency (CSR) of the network; the random one from rng. */
export function lfNetwork(network: LfNetwork, agents: number, degree: number, rng: () => number): { start: Int32Array; list: Int32Array } {
  const pairs: number[] = [];
  if (network === 'complete') {
    for (let i = 0; i < agents; i++) for (let j = i + 1; j < agents; j++) pairs.push(i, j);
  } else if (network === 'line') {
    if (agents === 2) pairs.push(0, 1);
    else if (agents > 2) for (let i = 0; i < agents; i++) pairs.push(i, (i + 1) % agents);
  } else {
    const possible = (agents * (agents - 1)) / 2;
    const m = Math.min(possible, Math.round((agents * degree) / 2));
    const seen = new Set<number>();
    while (seen.size < m) {
      const a = randomInt(rng, agents), b = randomInt(rng, agents);
      if (a === b) continue;
      const key = a < b ? a * agents + b : b * agents + a;
      if (seen.has(key)) continue;
      seen.add(key);
      pairs.push(a, b);
    }
  }
  const start = new Int32Array(agents + 1);
  for (let e = 0; e < pairs.length; e++) start[pairs[e] + 1]++;
  for (let i = 0; i < agents; i++) start[i + 1] += start[i];
  const fill = start.slice(0, agents);
  const list = new Int32Array(pairs.length);
  for (let e = 0; e < pairs.length; e += 2) {
    list[fill[pairs[e]]++] = pairs[e + 1];
    list[fill[pairs[e + 1]]++] = pairs[e];
  }
  return { start, list };
}

function tally(land: Landscape, sums: Float64Array, x: Int32Array, score: Float64Array, atBest: Float64Array, t: number): void {
  for (let i = 0; i < sums.length; i++) {
    score[t] += scaledWorth(land, sums[i], 'power8');
    if (x[i] === land.best) atBest[t]++;
  }
}

export function runLazerFriedman(o: LazerFriedmanOptions): LazerFriedmanResult {
  const { n, k, agents, network, ticks, landscapes } = o;
  const degree = o.degree ?? 2;
  if (!(Number.isInteger(n) && n >= 1 && n <= MAX_KNOBS)) throw new RangeError(`lazer-friedman: N must be a whole number in 1 … ${MAX_KNOBS}, got ${n}`);
  if (!(Number.isInteger(k) && k >= 0 && k <= n - 1)) throw new RangeError(`lazer-friedman: κ must be a whole number in 0 … ${n - 1}, got ${k}`);
  if (!(Number.isInteger(agents) && agents >= 1 && agents <= LF_MAX_AGENTS)) throw new RangeError(`lazer-friedman: agents must be a whole number in 1 … ${LF_MAX_AGENTS}, got ${agents}`);
  if (!LF_NETWORKS.includes(network)) throw new RangeError(`lazer-friedman: network must be one of ${LF_NETWORKS.join(', ')}, got '${network}'`);
  if (!(Number.isInteger(ticks) && ticks >= 0)) throw new RangeError(`lazer-friedman: ticks must be a whole number ≥ 0, got ${ticks}`);
  if (!(Number.isInteger(landscapes) && landscapes >= 1)) throw new RangeError(`lazer-friedman: landscapes must be a whole number ≥ 1, got ${landscapes}`);
  if (network === 'random' && !(degree >= 0 && degree <= agents - 1)) throw new RangeError(`lazer-friedman: degree must lie in 0 … ${agents - 1}, got ${degree}`);
  const score = new Float64Array(ticks + 1), atBest = new Float64Array(ticks + 1);
  const x = new Int32Array(agents), sums = new Float64Array(agents);
  const prevX = new Int32Array(agents), prevSums = new Float64Array(agents);
  let ties = 0;
  for (let l = 0; l < landscapes; l++) {
    const land = createLandscape({ perAspect: n, aspects: 1, k }, landscapeRng(o.seed, l));
    const startRng = createRng(deriveSeed(o.seed, `lf-start:${l}`));
    const net = lfNetwork(network, agents, degree, createRng(deriveSeed(o.seed, `lf-network:${l}`)));
    ties += net.list.length / 2;
    const rng = createRng(deriveSeed(o.seed, `lf-search:${l}`));
    for (let i = 0; i < agents; i++) { x[i] = randomInt(startRng, 1 << n); sums[i] = worthSum(land, x[i]); }
    tally(land, sums, x, score, atBest, 0);
    for (let t = 1; t <= ticks; t++) {
      prevX.set(x); prevSums.set(sums);
      for (let i = 0; i < agents; i++) {
        let bestJ = -1;
        for (let e = net.start[i]; e < net.start[i + 1]; e++) {
          const j = net.list[e];
          if (bestJ < 0 || prevSums[j] > prevSums[bestJ]) bestJ = j;
        }
        if (bestJ >= 0 && copyIfBetter(x, sums, i, prevX, prevSums, bestJ)) continue;
        tryVariant(land, x, sums, i, rng);
      }
      tally(land, sums, x, score, atBest, t);
    }
  }
  const per = agents * landscapes;
  return { score: Array.from(score, (s) => s / per), atBest: Array.from(atBest, (s) => s / per), ties: ties / landscapes };
}
