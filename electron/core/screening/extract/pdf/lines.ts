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
  /** Where its first word and its second end (from its first piece). */
  wordEnds: number[]
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
    wordEnds: first.wordEnds,
  }
}

// A continuation sits one line spacing below, starts at the same left edge, and goes on in the font
// and size the line ended in (a bold job title under a bullet that filled its line is a new line).
const SPACING = { min: 0.9, max: 1.8 }
const SAME_LEFT = 1
// Lines sharing a left edge that make it a column's edge rather than one indented or centred line.
const COLUMN_LINES = 3
const BULLET = /^\s*[•▪●◦]\s/
// Typed list markers, which text pasted from a portal also uses inside a line ("Skills * Java * SQL",
// "company - Acme"): a line led by one starts a new item when the marker and its first word would
// have fitted, or when the paragraph it would join began with the same marker.
const TYPED_MARKER = /^\s*[*-]\s+/
// A label of one to three words and a colon ("Automation:", "CI/CD & infra:"). A one-line paragraph
// that is one label and its values, followed by a line led by another label, is a list of such
// lines, not a wrapped paragraph. A line of several labelled fields ("Name: … | Email: … |") runs on.
const LABEL_START = /^\s*\p{Lu}[\p{L}&/+.-]*(?:\s+[\p{L}&/+.-]+){0,2}:\s/u
const labelList = (paragraph: string, lineLength: number, nextText: string) =>
  paragraph.length <= lineLength &&
  LABEL_START.test(paragraph) &&
  paragraph.split(/:\s/).length === 2 &&
  LABEL_START.test(nextText)

/**
 * Each page's lines with every line a paragraph wrapped at the right margin joined back to it, so a
 * PDF reads as the .txt or .docx of the same text does (one line per paragraph; the reader segments
 * long lines the same way whatever the format). A line continues onto the next only when the next
 * line's first word would not have fitted at its end: a line ended by choice (a heading, a list
 * item, a short last line) is kept as it is. A paragraph that runs on to the next page is joined to
 * the page it starts on. The right margin is the whole document's, so that a last page of short
 * lines does not take its widest line for the margin and run its list together.
 */
export function unwrapPages(pages: readonly (readonly AssembledLine[])[]): string[][] {
  const shapes = pages.map((lines) => lines.map(shapeOf))
  const rights = columnRights(shapes.flat())
  let offset = 0
  const pageRights = shapes.map((page) => rights.slice(offset, (offset += page.length)))
  const out: string[][] = []
  // The page whose text holds the line before, at its end (a page's first line may have joined the last).
  let lastInto: string[] = []
  pages.forEach((lines, page) => {
    const text: string[] = []
    out.push(text)
    lines.forEach((line, index) => {
      const before = index > 0 ? { page, index: index - 1 } : lastLineOf(pages, page - 1)
      const crossesPage = before !== null && before.page !== page
      const into = lastInto
      const paragraph = into.at(-1)
      const wrapped =
        before !== null &&
        paragraph !== undefined &&
        !(crossesPage && isRunningHeader(pages, page)) &&
        continues(
          shapes[before.page]![before.index],
          shapes[page]![index],
          pageRights[before.page]![before.index],
          paragraph,
          pages[before.page]![before.index]!.text.length,
          line.text,
          !crossesPage,
        )
      if (wrapped) into[into.length - 1] = `${paragraph.trimEnd()} ${line.text.trimStart()}`
      else {
        text.push(line.text)
        lastInto = text
      }
    })
  })
  return out
}

const lastLineOf = (pages: readonly (readonly AssembledLine[])[], page: number) =>
  page >= 0 && pages[page]!.length ? { page, index: pages[page]!.length - 1 } : null

// A first line repeated on the page before (numbers aside) is a running header, never a continuation.
const isRunningHeader = (pages: readonly (readonly AssembledLine[])[], page: number) => {
  const header = (lines: readonly AssembledLine[] | undefined) => lines?.[0]?.text.replace(/\d+/g, '#').trim()
  return page > 0 && header(pages[page]) === header(pages[page - 1])
}

/**
 * For each line, the right edge of the column it starts: the furthest any line sharing its left edge
 * reaches, when at least COLUMN_LINES lines share it. Lines sorted by their left edge and a table of
 * range maxima keep this O(n log n) for a document of any number of lines.
 */
function columnRights(shapes: readonly (LineShape | null)[]): (number | null)[] {
  const order = shapes.flatMap((shape, index) => (shape ? [index] : [])).sort((a, b) => shapes[a]!.x - shapes[b]!.x)
  const xs = order.map((index) => shapes[index]!.x)
  const maxima = [order.map((index) => shapes[index]!.endX)]
  for (let span = 1; span * 2 <= xs.length; span *= 2) {
    const below = maxima.at(-1)!
    maxima.push(below.slice(0, below.length - span).map((value, i) => Math.max(value, below[i + span]!)))
  }
  const rangeMax = (from: number, to: number) => {
    const level = Math.floor(Math.log2(to - from))
    return Math.max(maxima[level]![from]!, maxima[level]![to - (1 << level)]!)
  }
  return shapes.map((shape) => {
    if (!shape) return null
    const tolerance = SAME_LEFT * shape.size
    const from = firstAtLeast(xs, shape.x - tolerance)
    const to = firstAtLeast(xs, shape.x + tolerance, true)
    return to - from >= COLUMN_LINES ? rangeMax(from, to) : null
  })
}

/** The first index whose value is at least `value` (past it, when `past`), in ascending `values`. */
function firstAtLeast(values: readonly number[], value: number, past = false): number {
  let low = 0
  let high = values.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (values[middle]! < value || (past && values[middle] === value)) low = middle + 1
    else high = middle
  }
  return low
}

const STATEMENT_END = /;\s*$/
const CLAUSE_START = /^\s*\p{Ll}/u
// Wider than any word space of a justified line: the line is laid out in columns (a title, then its
// date at the right margin), and reaching the margin does not mean it wrapped.
const TAB_GAP = 2
// The column's right edge is its furthest line, which may overshoot the margin the other lines were
// wrapped at (a word too long to wrap, a layout that measured with kerning and drew without): a next
// word that ends within this share of the column's width of that edge would not have fitted either.
const MARGIN_SLIP = 0.015

function continues(
  line: LineShape | null | undefined,
  next: LineShape | null | undefined,
  columnRight: number | null | undefined,
  paragraph: string,
  lineLength: number,
  nextText: string,
  samePage: boolean,
): boolean {
  if (!line || !next || typeof columnRight !== 'number') return false
  // A single line ended by a semicolon goes on only into a clause (a lower-case word): lines of code
  // or data, of near equal length, would otherwise run together. A paragraph already wrapped is prose.
  const statement = STATEMENT_END.test(paragraph) && paragraph.length <= lineLength && !CLAUSE_START.test(nextText)
  if (line.widestGap > TAB_GAP * line.size || statement) return false
  // Across a page break the next line is at the top of the next page: no spacing to compare.
  const drop = line.y - next.y
  if (samePage && (drop < SPACING.min * line.size || drop > SPACING.max * line.size)) return false
  if (Math.abs(next.size - line.size) > 0.15 * line.size || next.firstFont !== line.lastFont) return false
  if (Math.abs(next.x - line.x) > SAME_LEFT * line.size || BULLET.test(nextText)) return false
  // Its first word (after a typed marker, the marker and its word) as drawn, and a space before it.
  const marker = TYPED_MARKER.exec(nextText)?.[0].trimStart() ?? ''
  // Two items of one typed list: the paragraph itself began with the same marker.
  if (marker && paragraph.trimStart().startsWith(marker)) return false
  if (labelList(paragraph, lineLength, nextText)) return false
  const wordEnd = next.wordEnds[marker ? 1 : 0] ?? next.wordEnds.at(-1) ?? next.endX
  const slip = MARGIN_SLIP * (columnRight - line.x)
  return line.endX + line.charWidth + (wordEnd - next.x) > columnRight - slip
}
