// The two leading principal components of the actors' preferences (n × k, k ≤ 8), by power
// iteration with deflation on the k × k covariance. Warm-started from the previous axes and
// sign-aligned with them, so the interest-space view does not flip between frames.

export interface Pca {
  mean: Float64Array;
  axes: [Float64Array, Float64Array];
  /** Share of the total variance each axis explains. */
  explained: [number, number];
}

export function covariance(data: ArrayLike<number>, n: number, k: number, include?: (i: number) => boolean): { mean: Float64Array; cov: Float64Array; count: number } {
  const mean = new Float64Array(k);
  const cov = new Float64Array(k * k);
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (include && !include(i)) continue;
    count++;
    for (let a = 0; a < k; a++) mean[a] += data[i * k + a];
  }
  if (!count) return { mean, cov, count };
  for (let a = 0; a < k; a++) mean[a] /= count;
  for (let i = 0; i < n; i++) {
    if (include && !include(i)) continue;
    for (let a = 0; a < k; a++) {
      const da = data[i * k + a] - mean[a];
      for (let b = a; b < k; b++) cov[a * k + b] += da * (data[i * k + b] - mean[b]);
    }
  }
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      cov[a * k + b] /= count;
      cov[b * k + a] = cov[a * k + b];
    }
  }
  return { mean, cov, count };
}

function normalise(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  const len = Math.sqrt(s);
  if (len > 0) for (let i = 0; i < v.length; i++) v[i] /= len;
  return len;
}

/** Leading eigenvector of a symmetric k × k matrix by power iteration; returns its eigenvalue. */
export function powerIteration(m: Float64Array, k: number, start: Float64Array, iterations = 100): { vector: Float64Array; value: number } {
  let v = Float64Array.from(start);
  if (normalise(v) === 0) { v.fill(0); v[0] = 1; }
  const next = new Float64Array(k);
  let value = 0;
  for (let it = 0; it < iterations; it++) {
    for (let a = 0; a < k; a++) {
      let s = 0;
      for (let b = 0; b < k; b++) s += m[a * k + b] * v[b];
      next[a] = s;
    }
    value = normalise(next);
    if (value === 0) return { vector: v, value: 0 };
    let delta = 0;
    for (let a = 0; a < k; a++) { delta += Math.abs(next[a] - v[a]); v[a] = next[a]; }
    if (delta < 1e-10) break;
  }
  v = Float64Array.from(v);
  return { vector: v, value };
}

function defaultStart(k: number, shift: number): Float64Array {
  const v = new Float64Array(k);
  for (let a = 0; a < k; a++) v[a] = 1 / (1 + ((a + shift) % k));
  return v;
}

export function pca2(data: ArrayLike<number>, n: number, k: number, include?: (i: number) => boolean, previous?: Pca | null): Pca {
  const { mean, cov } = covariance(data, n, k, include);
  let total = 0;
  for (let a = 0; a < k; a++) total += cov[a * k + a];
  const first = powerIteration(cov, k, previous?.axes[0] ?? defaultStart(k, 0));
  // Deflate: remove the first component, then find the next.
  const rest = Float64Array.from(cov);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) rest[a * k + b] -= first.value * first.vector[a] * first.vector[b];
  let start2 = previous?.axes[1] ?? defaultStart(k, 1);
  // Start orthogonal to the first axis (otherwise rounding may keep it there).
  start2 = Float64Array.from(start2);
  let dot = 0;
  for (let a = 0; a < k; a++) dot += start2[a] * first.vector[a];
  for (let a = 0; a < k; a++) start2[a] -= dot * first.vector[a];
  if (normalise(start2) === 0 && k > 1) { start2.fill(0); start2[first.vector[0] === 0 ? 0 : 1] = 1; }
  const second = k > 1 ? powerIteration(rest, k, start2) : { vector: new Float64Array(k), value: 0 };
  // Power iteration converges slowly when the two eigenvalues are close: make the second axis
  // exactly orthogonal to the first.
  let d12 = 0;
  for (let a = 0; a < k; a++) d12 += second.vector[a] * first.vector[a];
  for (let a = 0; a < k; a++) second.vector[a] -= d12 * first.vector[a];
  normalise(second.vector);
  const axes: [Float64Array, Float64Array] = [first.vector, second.vector];
  // Keep each axis pointing the same way as before (or toward positive loadings at first).
  axes.forEach((axis, c) => {
    const ref = previous?.axes[c];
    let s = 0;
    for (let a = 0; a < k; a++) s += ref ? axis[a] * ref[a] : axis[a];
    if (s < 0) for (let a = 0; a < k; a++) axis[a] = -axis[a];
  });
  const explained: [number, number] = total > 0 ? [first.value / total, second.value / total] : [0, 0];
  return { mean, axes, explained };
}

export function project(p: Pca, vector: ArrayLike<number>, offset = 0): [number, number] {
  let x = 0, y = 0;
  for (let a = 0; a < p.mean.length; a++) {
    const d = vector[offset + a] - p.mean[a];
    x += d * p.axes[0][a];
    y += d * p.axes[1][a];
  }
  return [x, y];
}
