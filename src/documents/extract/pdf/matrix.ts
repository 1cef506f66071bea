/** A PDF transformation matrix [a b c d e f]; points are row vectors: [x y 1] × M. */
export type Matrix = readonly [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `first` then `second`: the matrix that applies `first` and then `second` (PDF's `first × second`). */
export function multiply(first: Matrix, second: Matrix): Matrix {
  const [a, b, c, d, e, f] = first;
  const [A, B, C, D, E, F] = second;
  return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F];
}

/** The point (x, y) transformed by `m`. */
export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]];
}

/** A translation by (x, y). */
export function translation(x: number, y: number): Matrix {
  return [1, 0, 0, 1, x, y];
}

/** Six finite numbers from an array-like (pdf.js passes plain arrays or typed arrays), else null. */
export function toMatrix(value: unknown): Matrix | null {
  if (value === null || typeof value !== 'object' || !('length' in value) || value.length !== 6) return null;
  const list = Array.from(value as ArrayLike<unknown>);
  if (!list.every((n): n is number => typeof n === 'number' && Number.isFinite(n))) return null;
  return [list[0]!, list[1]!, list[2]!, list[3]!, list[4]!, list[5]!];
}

/** An axis-aligned rectangle in page space. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The axis-aligned box around `box` transformed by `m`. */
export function transformBox(m: Matrix, box: Box): Box {
  const corners = [
    apply(m, box.x0, box.y0),
    apply(m, box.x1, box.y0),
    apply(m, box.x0, box.y1),
    apply(m, box.x1, box.y1),
  ];
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** Whether (x, y) lies in `box`, widened by `margin` on every side. */
export function contains(box: Box, x: number, y: number, margin = 0): boolean {
  return x >= box.x0 - margin && x <= box.x1 + margin && y >= box.y0 - margin && y <= box.y1 + margin;
}
