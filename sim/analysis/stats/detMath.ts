/**
 * Deterministic exp built from + − × ÷ only.
 *
 * Why: sim/ must give bit-identical results across V8 versions, and the
 * ECMAScript spec lets Math.exp/log/pow be "implementation-approximated".
 * IEEE-754 guarantees correctly rounded + − × ÷ and √ (and exact floor/round),
 * so anything composed of those is reproducible everywhere.
 *
 * Method (the classic fdlibm shape, evaluated with a plain Taylor polynomial):
 *   x = k·ln2 + r, k = round(x/ln2), |r| ≤ ln2/2 ≈ 0.347
 *   (ln2 split Cody–Waite style into HI + LO so k·LN2_HI is exact),
 *   e^r by a degree-16 Taylor polynomial in Horner form
 *   (truncation < 0.347^17/17! ≈ 1e-22, far below one ulp),
 *   e^x = e^r · 2^k with 2^k built exactly by repeated squaring.
 * Accuracy: a few ulp (tests check relative error < 1e-15 against Math.exp).
 */

const LN2_HI = 6.93147180369123816490e-1; // upper bits of ln 2 (trailing zeros ⇒ k·LN2_HI exact)
const LN2_LO = 1.90821492927058770002e-10; // ln 2 − LN2_HI
const INV_LN2 = 1.44269504088896338700; // 1 / ln 2
const EXP_OVERFLOW = 709.782712893384; // ln(Number.MAX_VALUE)
const EXP_UNDERFLOW = -745.1332191019412; // below this e^x rounds to 0
const TAYLOR_DEGREE = 16;

/** 2^k exactly, for integer k in [−1074, 1023], by binary exponentiation (no Math.pow). */
function pow2(k: number): number {
  let result = 1;
  let base = k < 0 ? 0.5 : 2;
  let e = k < 0 ? -k : k;
  while (e > 0) {
    if (e & 1) result *= base;
    e >>= 1;
    if (e > 0) base *= base;
  }
  return result;
}

/** e^x using only + − × ÷ (and exact Math.round). See file comment. */
export function expDet(x: number): number {
  if (x !== x) return NaN;
  if (x > EXP_OVERFLOW) return Infinity;
  if (x < EXP_UNDERFLOW) return 0;

  const k = Math.round(x * INV_LN2);
  const r = x - k * LN2_HI - k * LN2_LO;

  // Horner form of 1 + r(1 + r/2(1 + r/3(…)))
  let p = 1;
  for (let i = TAYLOR_DEGREE; i >= 1; i--) p = 1 + (r * p) / i;

  // Scale by 2^k in at most two exact steps so the power itself never over/underflows;
  // only the last multiplication can round (into the subnormal range).
  if (k > 1023) return p * pow2(k - 1) * 2;
  if (k < -1022) return p * pow2(k + 64) * pow2(-64);
  return p * pow2(k);
}

/**
 * Natural log using only + − × ÷ and comparisons (for x > 0): x = m·2^e with m in [1/√2, √2)
 * (scaling by exact powers of two), then ln m = 2·atanh(z), z = (m − 1)/(m + 1), |z| < 0.172,
 * by its series Σ z^(2j+1)/(2j+1) to j = 12 (truncation < 0.172^27/27 ≈ 1e-22), plus e·ln 2.
 * Accuracy: a few ulp (tests check relative error < 1e-14 against Math.log).
 */
export function logDet(x: number): number {
  if (x !== x || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  let e = 0;
  let m = x;
  while (m >= 2) { m *= 0.5; e++; }
  while (m < 1) { m *= 2; e--; }
  if (m > SQRT2) { m *= 0.5; e++; }
  const z = (m - 1) / (m + 1), z2 = z * z;
  let sum = 0;
  for (let j = 12; j >= 0; j--) sum = 1 / (2 * j + 1) + z2 * sum;
  return 2 * z * sum + e * LN2_HI + e * LN2_LO;
}
const SQRT2 = 1.4142135623730951;
