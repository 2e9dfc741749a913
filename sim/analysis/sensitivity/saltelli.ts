// Saltelli's design for Sobol' indices (Saltelli 2002; Saltelli et al. 2010): N base samples,
// each a point of a 2D-dimensional Sobol' sequence split into matrices A (first D columns) and
// B (last D). Per base sample the rows are A, AB_1 … AB_D (A with column j from B), with
// second-order rows BA_1 … BA_D (B with column j from A), then B — N·(D + 2) rows, or
// N·(2D + 2) with second order. This is SALib's row order, so the design file can be analysed
// with SALib's sobol.analyze too. The sequence is digitally shifted by `random` (reproducible
// per seed) or, without it, the standard unscrambled sequence.
import { createSobolSequence } from './sobol-sequence.ts';
import { valueFromSample, type Problem } from './problem.ts';

export interface SaltelliDesign {
  method: 'sobol';
  /** Base samples N. */
  samples: number;
  secondOrder: boolean;
  /** Rows per base sample: D + 2, or 2D + 2 with second order. */
  step: number;
  /** Unit-hypercube rows, N · step of them. */
  unit: number[][];
  /** The same rows as parameter values (integers rounded). */
  values: number[][];
}

export function saltelliRowsPerSample(parameters: number, secondOrder: boolean): number {
  return secondOrder ? 2 * parameters + 2 : parameters + 2;
}

export function saltelliDesign(problem: Problem, samples: number, opts: { secondOrder?: boolean; random?: () => number } = {}): SaltelliDesign {
  const d = problem.parameters.length;
  if (d < 1) throw new RangeError('a Saltelli design needs at least one parameter');
  if (!Number.isInteger(samples) || samples < 2) throw new RangeError(`a Saltelli design needs at least 2 base samples, got ${samples}`);
  const secondOrder = opts.secondOrder ?? false;
  const sequence = createSobolSequence(2 * d, opts.random);
  const unit: number[][] = [];
  for (let i = 0; i < samples; i++) {
    const point = sequence.next();
    const a = point.slice(0, d);
    const b = point.slice(d);
    unit.push(a);
    for (let j = 0; j < d; j++) unit.push(a.map((x, k) => (k === j ? b[j] : x)));
    if (secondOrder) for (let j = 0; j < d; j++) unit.push(b.map((x, k) => (k === j ? a[j] : x)));
    unit.push(b);
  }
  const values = unit.map((row) => row.map((u, j) => valueFromSample(problem.parameters[j], u)));
  return { method: 'sobol', samples, secondOrder, step: saltelliRowsPerSample(d, secondOrder), unit, values };
}
