// The stationary distribution of a row-stochastic matrix W: the left eigenvector s = sW with
// Σ s = 1, by power iteration on the lazy chain (W + I)/2, which has the same stationary
// distribution and is aperiodic, so the iteration converges for any irreducible W.
export function stationary(W: readonly (readonly number[])[], tolerance = 1e-15, maxIterations = 1_000_000): number[] {
  const n = W.length;
  let s = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let it = 0; it < maxIterations; it++) {
    next.fill(0);
    for (let i = 0; i < n; i++) {
      const si = s[i], row = W[i];
      next[i] += 0.5 * si;
      for (let j = 0; j < n; j++) next[j] += 0.5 * si * row[j];
    }
    let total = 0;
    for (let j = 0; j < n; j++) total += next[j];
    let change = 0;
    for (let j = 0; j < n; j++) { next[j] /= total; change += Math.abs(next[j] - s[j]); }
    [s, next] = [next, s];
    if (change < tolerance) break;
  }
  return Array.from(s);
}

/** Checks that W is square, in [0, 1] and row-stochastic (rows sum to 1 within 1e-9). */
export function rowStochasticProblems(W: readonly (readonly number[])[]): string[] {
  const out: string[] = [];
  const n = W.length;
  if (n < 2) out.push(`the matrix needs at least 2 rows, got ${n}`);
  W.forEach((row, i) => {
    if (row.length !== n) out.push(`row ${i + 1} has ${row.length} values, expected ${n} (a square matrix)`);
    let sum = 0;
    row.forEach((w, j) => {
      if (!(w >= 0 && w <= 1)) out.push(`row ${i + 1}, column ${j + 1}: ${w} is not a weight in [0, 1]`);
      sum += w;
    });
    if (Math.abs(sum - 1) > 1e-9) out.push(`row ${i + 1} sums to ${sum}, expected 1 (row-stochastic)`);
  });
  return out;
}
