// W_max, x* and W̄ by enumeration (ODD.md (Docking: the NK landscape)). The 2^N approaches are visited in Gray-code
// order: each step flips one knob j and updates only the contributions of j's dependents (κ + 1
// on average), so a full pass costs about 2^N·(κ + 1) table look-ups and allocates nothing.
// Contributions are multiples of 2^-32, so the running sum is exact (tables.ts).
import type { Landscape } from './landscape.ts';
import { tableMeanSum } from './tables.ts';

/** Sets land.maxSum, best, meanSum, wMax, wMean; with `sums` (length 2^N) also writes Σ_n f_n of every approach. */
export function enumerate(land: Landscape, sums?: Float64Array): void {
  const { n, size, tables, index, dependentStart: start, dependentKnob: knob, dependentFlip: flip } = land;
  let sum = 0;
  for (let i = 0; i < n; i++) { index[i] = 0; sum += tables[i * size]; }
  let best = sum, bestX = 0, x = 0;
  if (sums) sums[0] = sum;
  const total = 1 << n;
  for (let g = 1; g < total; g++) {
    const j = 31 - Math.clz32(g & -g); // the knob a Gray code flips at step g
    x ^= 1 << j;
    for (let e = start[j]; e < start[j + 1]; e++) {
      const i = knob[e], base = i * size, was = index[i], now = was ^ flip[e];
      index[i] = now;
      sum += tables[base + now] - tables[base + was];
    }
    if (sums) sums[x] = sum;
    if (sum > best) { best = sum; bestX = x; }
  }
  land.maxSum = best;
  land.best = bestX;
  land.meanSum = tableMeanSum(tables, n, size);
  land.wMax = best / n;
  land.wMean = land.meanSum / n;
}
