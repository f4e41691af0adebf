import type { TextPiece } from './page-walker'

export interface AssembledLine {
  text: string
  pieces: TextPiece[]
}

// Two pieces share a line when their baselines are closer than this share of the font size.
const SAME_LINE = 0.5
const SPACE_GAP = 0.15
const PARAGRAPH_GAP = 2

/**
 * Joins pieces into lines in drawing order, the way pdf.js's text layer does: a piece continues the
 * line when it sits on the same baseline and does not jump backwards; a visible gap becomes a space;
 * a wide vertical jump leaves an empty line. Text drawn twice in place (fake bold) is kept once.
 */
export function assembleLines(pieces: readonly TextPiece[]): AssembledLine[] {
  const lines: AssembledLine[] = []
  let current: AssembledLine | null = null
  let last: TextPiece | null = null
  let dirX = 1
  let dirY = 0
  for (const piece of pieces) {
    if (last && piece.text === last.text && Math.abs(piece.x - last.x) < 1 && Math.abs(piece.y - last.y) < 1) continue
    if (current && last) {
      const size = Math.max(piece.size, last.size)
      const dx = piece.x - last.endX
      const dy = piece.y - last.endY
      const along = dx * dirX + dy * dirY
      const across = -dx * dirY + dy * dirX
      if (Math.abs(across) <= SAME_LINE * size && along >= -size) {
        const needsSpace = along > SPACE_GAP * size && !current.text.endsWith(' ') && !piece.text.startsWith(' ')
        current.text += (needsSpace ? ' ' : '') + piece.text
        current.pieces.push(piece)
        last = piece
        continue
      }
      if (Math.abs(across) > PARAGRAPH_GAP * size) lines.push({ text: '', pieces: [] })
    }
    current = { text: piece.text, pieces: [piece] }
    lines.push(current)
    const length = Math.hypot(piece.endX - piece.x, piece.endY - piece.y)
    ;[dirX, dirY] = length > 0 ? [(piece.endX - piece.x) / length, (piece.endY - piece.y) / length] : [1, 0]
    last = piece
  }
  return lines
}
