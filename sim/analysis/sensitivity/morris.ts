// Morris' one-at-a-time trajectories (Morris 1991; Campolongo, Cariboni & Saltelli 2007) on a
// grid of p levels {0, 1/(p−1), …, 1} with step Δ = p / (2(p − 1)). A trajectory starts at a
// random grid point whose coordinates can all move by Δ, then changes the D coordinates one at a
// time in random order, each by +Δ or −Δ: D + 1 points, D elementary effects. "Optimised"
// draws `candidates` trajectories and keeps r of them spread far apart: Campolongo's criterion
// (the sum of squared distances between trajectories, distance = Σ over point pairs of their
// Euclidean distance), maximised greedily — the best pair, then repeatedly the trajectory
// adding most — instead of by brute force over all subsets.
import { randomInt } from '../../engine/rng.ts';
import { unitOf, valueFromLevel, type Problem } from './problem.ts';

export interface MorrisDesign {
  method: 'morris';
  trajectories: number;
  levels: number;
  delta: number;
  optimised: boolean;
  /** Candidate trajectories drawn (= trajectories when not optimised). */
  candidates: number;
  /** Unit-grid rows, trajectories · (D + 1) of them. */
  unit: number[][];
  /** The same rows as parameter values (integer parameters rounded to whole numbers). */
  values: number[][];
  /** Per row: the parameter changed from the previous row of its trajectory (−1 on a trajectory's first row). */
  changed: number[];
}

export interface MorrisOptions {
  trajectories: number;
  /** p, an even number ≥ 2 (Δ = p / (2(p − 1)) lands on the grid only for even p). */
  levels: number;
  random: () => number;
  /** Draw this many candidates and keep the `trajectories` most spread out (≥ trajectories); default none. */
  candidates?: number;
}

interface Trajectory { unit: number[][]; changed: number[] }

function drawTrajectory(d: number, levels: number, random: () => number): Trajectory {
  const step = 1 / (levels - 1);
  const delta = levels / (2 * (levels - 1));
  const lowLevels = levels / 2; // base levels k with k·step + Δ ≤ 1
  const x = new Array<number>(d);
  const up = new Array<boolean>(d);
  for (let j = 0; j < d; j++) {
    const base = randomInt(random, lowLevels) * step;
    up[j] = random() < 0.5;
    x[j] = up[j] ? base : base + delta;
  }
  const order = Array.from({ length: d }, (_, j) => j);
  for (let i = d - 1; i > 0; i--) {
    const k = randomInt(random, i + 1);
    const t = order[i]; order[i] = order[k]; order[k] = t;
  }
  const unit = [x.slice()];
  const changed = [-1];
  for (const j of order) {
    x[j] = up[j] ? x[j] + delta : x[j] - delta;
    // Snap to the grid so that float steps never drift off it.
    x[j] = Math.round(x[j] / step) * step;
    unit.push(x.slice());
    changed.push(j);
  }
  return { unit, changed };
}

function distance(a: number[][], b: number[][]): number {
  let sum = 0;
  for (const p of a) {
    for (const q of b) {
      let ss = 0;
      for (let j = 0; j < p.length; j++) { const t = p[j] - q[j]; ss += t * t; }
      sum += Math.sqrt(ss);
    }
  }
  return sum;
}

/** Indices of `keep` of the candidates, greedily maximising the sum of squared pairwise distances. */
export function spreadOut(candidates: number[][][], keep: number): number[] {
  const m = candidates.length;
  if (keep >= m) return Array.from({ length: m }, (_, i) => i);
  const d2 = Array.from({ length: m }, () => new Float64Array(m));
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) { const x = distance(candidates[i], candidates[j]); d2[i][j] = d2[j][i] = x * x; }
  let best = [0, 1];
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) if (d2[i][j] > d2[best[0]][best[1]]) best = [i, j];
  const chosen = best.slice();
  const gain = new Float64Array(m);
  for (let i = 0; i < m; i++) gain[i] = d2[i][best[0]] + d2[i][best[1]];
  while (chosen.length < keep) {
    let next = -1;
    for (let i = 0; i < m; i++) if (!chosen.includes(i) && (next < 0 || gain[i] > gain[next])) next = i;
    chosen.push(next);
    for (let i = 0; i < m; i++) gain[i] += d2[i][next];
  }
  return chosen.sort((a, b) => a - b);
}

export function morrisDesign(problem: Problem, opts: MorrisOptions): MorrisDesign {
  const d = problem.parameters.length;
  const { trajectories, levels } = opts;
  if (d < 1) throw new RangeError('a Morris design needs at least one parameter');
  if (!Number.isInteger(trajectories) || trajectories < 2) throw new RangeError(`a Morris design needs at least 2 trajectories, got ${trajectories}`);
  if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0) throw new RangeError(`Morris levels must be an even whole number ≥ 2, got ${levels}`);
  for (const p of problem.parameters) {
    if (p.integer && p.max - p.min < levels - 1) {
      throw new RangeError(`integer parameter ${p.name} has ${p.max - p.min + 1} values (${p.min}…${p.max}), fewer than the ${levels} levels; use fewer levels or a wider range`);
    }
  }
  const candidates = opts.candidates ?? trajectories;
  if (!Number.isInteger(candidates) || candidates < trajectories) throw new RangeError(`candidates (${candidates}) must be a whole number ≥ trajectories (${trajectories})`);
  const drawn = Array.from({ length: candidates }, () => drawTrajectory(d, levels, opts.random));
  const kept = candidates > trajectories ? spreadOut(drawn.map((t) => t.unit), trajectories).map((i) => drawn[i]) : drawn;
  const unit = kept.flatMap((t) => t.unit);
  return {
    method: 'morris',
    trajectories,
    levels,
    delta: levels / (2 * (levels - 1)),
    optimised: candidates > trajectories,
    candidates,
    unit,
    values: unit.map((row) => row.map((u, j) => valueFromLevel(problem.parameters[j], u))),
    changed: kept.flatMap((t) => t.changed),
  };
}

/** The signed step of row r's changed parameter in unit coordinates, from the (rounded) values. */
export function unitStep(problem: Problem, design: Pick<MorrisDesign, 'values' | 'changed'>, row: number): number {
  const j = design.changed[row];
  const p = problem.parameters[j];
  return unitOf(p, design.values[row][j]) - unitOf(p, design.values[row - 1][j]);
}
