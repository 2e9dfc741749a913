// seedrandom ships its generators as separate CommonJS files; we import alea directly so the
// browser bundle does not pull in seedrandom's Node `crypto` fallback.
declare module 'seedrandom/lib/alea.js' {
  interface AleaState { c: number; s0: number; s1: number; s2: number }
  interface AleaPrng {
    (): number;
    int32(): number;
    double(): number;
    quick(): number;
    state(): AleaState;
  }
  function alea(seed?: string, options?: { state?: boolean | AleaState }): AleaPrng;
  export default alea;
}
