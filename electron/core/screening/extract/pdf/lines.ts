import type { FontMetrics, TextPiece } from './page-walker'

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

interface LineShape {
  x: number
  endX: number
  y: number
  size: number
  /** Average advance of one character, for the width of a word. */
  charWidth: number
  firstFont: FontMetrics | null
  lastFont: FontMetrics | null
  /** The widest gap between two of its pieces: a tab stop or a right-aligned date, not a word space. */
  widestGap: number
}

const shapeOf = (line: AssembledLine): LineShape | null => {
  const first = line.pieces[0]
  const last = line.pieces.at(-1)
  if (!first || !last || !line.text.trim()) return null
  const horizontal = line.pieces.every((piece) => Math.abs(piece.endY - piece.y) <= 0.01 * piece.size)
  if (!horizontal || last.endX <= first.x) return null
  return {
    x: first.x,
    endX: last.endX,
    y: first.y,
    size: first.size,
    charWidth: (last.endX - first.x) / line.text.length,
    firstFont: first.font,
    lastFont: last.font,
    widestGap: Math.max(0, ...line.pieces.slice(1).map((piece, index) => piece.x - line.pieces[index]!.endX)),
  }
}

// A continuation sits one line spacing below, starts at the same left edge, and goes on in the font
// and size the line ended in (a bold job title under a bullet that filled its line is a new line).
const SPACING = { min: 0.9, max: 1.8 }
const SAME_LEFT = 1
// Lines sharing a left edge that make it a column's edge rather than one indented or centred line.
const COLUMN_LINES = 3
const BULLET = /^\s*[•▪●◦*-]\s/

/**
 * The page's lines with every line a paragraph wrapped at the right margin joined back to it, so a
 * PDF reads as the .txt or .docx of the same text does (one line per paragraph; the reader segments
 * long lines the same way whatever the format). A line continues onto the next only when the next
 * line's first word would not have fitted at its end: a line ended by choice (a heading, a list
 * item, a short last line) is kept as it is.
 */
export function unwrapLines(lines: readonly AssembledLine[]): string[] {
  const shapes = lines.map(shapeOf)
  const columnRight = shapes.map((shape) => {
    if (!shape) return null
    const aligned = shapes.filter((other) => other && Math.abs(other.x - shape.x) <= SAME_LEFT * shape.size)
    return aligned.length >= COLUMN_LINES ? Math.max(...aligned.map((other) => other!.endX)) : null
  })
  const out: string[] = []
  lines.forEach((line, index) => {
    const previous = shapes[index - 1]
    const shape = shapes[index]
    const right = columnRight[index - 1]
    const wrapped =
      previous &&
      shape &&
      typeof right === 'number' &&
      continues(previous, shape, right, lines[index - 1]!.text, line.text)
    if (wrapped) out[out.length - 1] = `${out[out.length - 1]!.trimEnd()} ${line.text.trimStart()}`
    else out.push(line.text)
  })
  return out
}

const CLAUSE_END = /[;:]\s*$/
// Wider than any word space of a justified line: the line is laid out in columns (a title, then its
// date at the right margin), and reaching the margin does not mean it wrapped.
const TAB_GAP = 2

function continues(line: LineShape, next: LineShape, columnRight: number, text: string, nextText: string): boolean {
  // A line ended by a colon or semicolon (a label, a list, a statement of code) is kept whole: prose
  // rarely wraps there, and lines of code or data, of near equal length, would otherwise run together.
  if (line.widestGap > TAB_GAP * line.size || CLAUSE_END.test(text)) return false
  const drop = line.y - next.y
  if (drop < SPACING.min * line.size || drop > SPACING.max * line.size) return false
  if (Math.abs(next.size - line.size) > 0.15 * line.size || next.firstFont !== line.lastFont) return false
  if (Math.abs(next.x - line.x) > SAME_LEFT * line.size || BULLET.test(nextText)) return false
  // Its width from the average advance of the two lines, which counts narrow spaces: a character more
  // than the word and its space keeps a wide word ("dashboards") from reading as one that fitted.
  const firstWord = nextText.trimStart().split(/\s/, 1)[0]!.length
  const charWidth = Math.max(line.charWidth, next.charWidth)
  return line.endX + charWidth * (firstWord + 2) > columnRight
}
