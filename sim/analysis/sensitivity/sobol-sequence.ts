// The Sobol' low-discrepancy sequence in up to 128 dimensions, with Joe & Kuo's direction
// numbers (joe-kuo.ts), 32-bit, in Gray-code order (Antonov & Saleev): point i differs from
// point i − 1 by one XOR per dimension. Unscrambled it equals scipy.stats.qmc.Sobol(d,
// scramble=False) point for point (tests pin that). An optional random digital shift (one
// 32-bit XOR mask per dimension, drawn from an injected random source) randomises the
// sequence while keeping its net structure, so a seed gives a reproducible, different design.
import { JOE_KUO, JOE_KUO_DIMENSIONS } from './joe-kuo.ts';

const BITS = 32;
/** 2^32 and 2^−32, written out: sim/ uses no power function. */
const TWO_32 = 4294967296;
const SCALE = 1 / TWO_32;

/** Direction integers V[1..32] of one dimension (0-based dimension index), as unsigned 32-bit. */
export function directionIntegers(dimension: number): Uint32Array {
  const v = new Uint32Array(BITS + 1);
  if (dimension === 0) {
    for (let i = 1; i <= BITS; i++) v[i] = (1 << (BITS - i)) >>> 0;
    return v;
  }
  const row = JOE_KUO[dimension - 1];
  const s = row[0];
  const a = row[1];
  for (let i = 1; i <= Math.min(s, BITS); i++) v[i] = (row[1 + i] << (BITS - i)) >>> 0;
  for (let i = s + 1; i <= BITS; i++) {
    let x = (v[i - s] ^ (v[i - s] >>> s)) >>> 0;
    for (let k = 1; k < s; k++) if ((a >>> (s - 1 - k)) & 1) x = (x ^ v[i - k]) >>> 0;
    v[i] = x;
  }
  return v;
}

export interface SobolSequence {
  readonly dimensions: number;
  /** The next point (the first call gives point 0), as a fresh array in [0, 1)^d. */
  next(): number[];
}

/**
 * A Sobol' sequence generator. `random` (optional) draws one digital shift per dimension at
 * creation; without it the sequence is the standard unscrambled one (point 0 = origin).
 */
export function createSobolSequence(dimensions: number, random?: () => number): SobolSequence {
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > JOE_KUO_DIMENSIONS) {
    throw new RangeError(`a Sobol' sequence here has 1…${JOE_KUO_DIMENSIONS} dimensions, got ${dimensions}`);
  }
  const v = Array.from({ length: dimensions }, (_, j) => directionIntegers(j));
  const shift = new Uint32Array(dimensions);
  if (random) for (let j = 0; j < dimensions; j++) shift[j] = Math.floor(random() * TWO_32) >>> 0;
  const x = new Uint32Array(dimensions);
  let index = 0;
  return {
    dimensions,
    next() {
      if (index > 0) {
        // Gray code: point i = point i − 1 XOR V[c], c = position of the lowest zero bit of i − 1 (1-based).
        let c = 1;
        let m = index - 1;
        while (m & 1) { m >>>= 1; c++; }
        if (c > BITS) throw new RangeError('the Sobol\' sequence is exhausted after 2^32 points');
        for (let j = 0; j < dimensions; j++) x[j] = (x[j] ^ v[j][c]) >>> 0;
      }
      index++;
      const out = new Array<number>(dimensions);
      for (let j = 0; j < dimensions; j++) out[j] = ((x[j] ^ shift[j]) >>> 0) * SCALE;
      return out;
    },
  };
}
