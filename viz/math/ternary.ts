// Points of the richten–leren–handelen simplex in the plane: richten at the top, leren at
// the bottom left, handelen at the bottom right; the centre is perfect balance.
export const SQRT3_2 = Math.sqrt(3) / 2;

/** Corners in unit coordinates: a triangle of side 1, its base on y = 0, apex up (y grows up). */
export const CORNERS: readonly [number, number][] = [[0.5, SQRT3_2], [0, 0], [1, 0]];

/** Barycentric (r, l, h) → unit-plane coordinates; null when all three are 0. */
export function ternary(r: number, l: number, h: number): [number, number] | null {
  const s = r + l + h;
  if (!(s > 0)) return null;
  const a = r / s, b = l / s, c = h / s;
  return [a * CORNERS[0][0] + b * CORNERS[1][0] + c * CORNERS[2][0], a * CORNERS[0][1] + b * CORNERS[1][1] + c * CORNERS[2][1]];
}
