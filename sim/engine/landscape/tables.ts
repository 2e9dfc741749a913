// Contribution tables f_n (ODD.md (Docking: the NK landscape)): uniform on [0, 1), drawn from the run's generator and
// cut to multiples of 2^-32, so that any sum of at most 20 contributions, and any difference of
// two, is exact in a double: incremental (Gray-code) and direct evaluation give the same bits.
const SCALE = 4294967296; // 2^32

/** Draws the tables of knobs [from, to) in order, entry by entry. */
export function drawTables(tables: Float64Array, size: number, from: number, to: number, rng: () => number): void {
  for (let t = from * size; t < to * size; t++) tables[t] = Math.floor(rng() * SCALE) / SCALE;
}

/** Σ_n of the mean of knob n's table = the mean of Σ_n f_n over all 2^N approaches, since every
 * knob and its κ distinct dependencies take each of their 2^(κ+1) joint settings equally often. */
export function tableMeanSum(tables: Float64Array, n: number, size: number): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let t = i * size; t < (i + 1) * size; t++) s += tables[t];
    total += s / size;
  }
  return total;
}
