// Which knobs each knob's contribution depends on (ODD.md (Docking: the NK landscape)). A share `withinShare` of the κ
// dependencies lies in the knob's own aspect, the rest in other aspects (Rivkin & Siggelkow
// 2007); when one side has too few knobs the remainder moves to the other side.
import { randomInt } from '../rng.ts';

/** How many of κ dependencies lie inside the own aspect of m knobs, out of N. */
export function withinCount(n: number, k: number, perAspect: number, withinShare: number): number {
  let within = Math.min(Math.round(withinShare * k), perAspect - 1);
  if (k - within > n - perAspect) within = k - (n - perAspect);
  return within;
}

/** n·κ distinct dependencies (none the knob itself), drawn knob by knob from the generator. */
export function drawDependencies(n: number, k: number, perAspect: number, withinShare: number, rng: () => number): Int32Array {
  const deps = new Int32Array(n * k);
  if (k === 0) return deps;
  const within = withinCount(n, k, perAspect, withinShare);
  const inside = new Int32Array(perAspect);
  const outside = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const lo = i - (i % perAspect);
    let ni = 0, no = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      if (j >= lo && j < lo + perAspect) inside[ni++] = j; else outside[no++] = j;
    }
    let p = i * k;
    p = pick(inside, ni, within, deps, p, rng);
    pick(outside, no, k - within, deps, p, rng);
  }
  return deps;
}

/** Partial Fisher–Yates: `count` distinct entries of pool[0 … size) into out from position at. */
function pick(pool: Int32Array, size: number, count: number, out: Int32Array, at: number, rng: () => number): number {
  for (let c = 0; c < count; c++) {
    const r = c + randomInt(rng, size - c);
    const v = pool[r]; pool[r] = pool[c]; pool[c] = v;
    out[at++] = v;
  }
  return at;
}

/** Knob j's dependents in CSR form: j itself (flipping bit 0 of its own index), then every knob i
 * with j as its p-th dependency (flipping bit p + 1 of i's index). */
export function indexDependents(n: number, k: number, deps: Int32Array): { start: Int32Array; knob: Int32Array; flip: Int32Array } {
  const start = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) start[j + 1] = 1;
  for (let e = 0; e < n * k; e++) start[deps[e] + 1]++;
  for (let j = 0; j < n; j++) start[j + 1] += start[j];
  const fill = start.slice(0, n);
  const knob = new Int32Array(n * (k + 1));
  const flip = new Int32Array(n * (k + 1));
  for (let j = 0; j < n; j++) { knob[fill[j]] = j; flip[fill[j]++] = 1; }
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < k; p++) {
      const j = deps[i * k + p];
      knob[fill[j]] = i;
      flip[fill[j]++] = 1 << (p + 1);
    }
  }
  return { start, knob, flip };
}
