/** PDF matrices [a b c d e f]: a point (x, y) maps to (a·x + c·y + e, b·x + d·y + f). */
export type Matrix = readonly [number, number, number, number, number, number]

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0]

/** The matrix that applies `first`, then `second` (PDF's `first × second`). */
export function multiply(first: ArrayLike<number>, second: Matrix): Matrix {
  const [a, b, c, d, e, f] = [first[0]!, first[1]!, first[2]!, first[3]!, first[4]!, first[5]!]
  const [A, B, C, D, E, F] = second
  return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F]
}

export function apply(matrix: Matrix, x: number, y: number): [number, number] {
  return [matrix[0] * x + matrix[2] * y + matrix[4], matrix[1] * x + matrix[3] * y + matrix[5]]
}

/** [minX, minY, maxX, maxY] */
export type Box = [number, number, number, number]

export function transformBox(matrix: Matrix, box: ArrayLike<number>): Box {
  const corners = [
    apply(matrix, box[0]!, box[1]!),
    apply(matrix, box[2]!, box[1]!),
    apply(matrix, box[0]!, box[3]!),
    apply(matrix, box[2]!, box[3]!),
  ]
  const xs = corners.map((point) => point[0])
  const ys = corners.map((point) => point[1])
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]
}

export const boxArea = (box: Box) => Math.max(0, box[2] - box[0]) * Math.max(0, box[3] - box[1])

export const containsPoint = (box: Box, x: number, y: number, slack = 0) =>
  x >= box[0] - slack && x <= box[2] + slack && y >= box[1] - slack && y <= box[3] + slack

export const containsBox = (outer: Box, inner: Box, slack = 0) =>
  inner[0] >= outer[0] - slack &&
  inner[1] >= outer[1] - slack &&
  inner[2] <= outer[2] + slack &&
  inner[3] <= outer[3] + slack

/** The part of `box` inside `within` (null: no bound); empty, with min above max, when they do not meet. */
export const intersectBox = (box: Box, within: Box | null): Box =>
  within
    ? [
        Math.max(box[0], within[0]),
        Math.max(box[1], within[1]),
        Math.min(box[2], within[2]),
        Math.min(box[3], within[3]),
      ]
    : box
