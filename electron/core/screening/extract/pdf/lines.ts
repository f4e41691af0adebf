import { continuesRange, endsInRange, holdsSpan } from '../../broken-range'
import { goesOnInLowerCase, joinWrapped, typedInLowerCase, WORD_CHARACTER } from '../../hand-wrap'
import { isSectionName } from '../../read/sections'
import type { FontMetrics, TextPiece } from './page-walker'

export interface AssembledLine {
  text: string
  pieces: TextPiece[]
  /** Pieces drawn later inside one of `pieces` (see LateGlyphs): part of the text, not of the line's shape. */
  late?: TextPiece[]
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
  const jumps: Jump[] = []
  const late = new LateGlyphs()
  for (const piece of pieces) {
    if (last && piece.text === last.text && Math.abs(piece.x - last.x) < 1 && Math.abs(piece.y - last.y) < 1) continue
    if (current && last) {
      const size = Math.max(piece.size, last.size)
      const dx = piece.x - last.endX
      const dy = piece.y - last.endY
      const along = alongLine(dx, dy, dirX, dirY)
      const across = -dx * dirY + dy * dirX
      if (Math.abs(across) <= SAME_LINE * size && along >= -size) {
        current.text += (needsSpace(along, size, piece, current.text) ? ' ' : '') + piece.text
        current.pieces.push(piece)
        last = piece
        continue
      }
      if (Math.abs(across) <= SAME_LINE * size && late.place(current, piece, dirX, dirY)) continue
      jumps.push({ before: lines.length, across: Math.abs(across), size })
    }
    current = { text: piece.text, pieces: [piece] }
    lines.push(current)
    const length = Math.hypot(piece.endX - piece.x, piece.endY - piece.y)
    ;[dirX, dirY] = length > 0 ? [(piece.endX - piece.x) / length, (piece.endY - piece.y) / length] : [1, 0]
    last = piece
  }
  return withParagraphGaps(lines, jumps)
}

interface Jump {
  /** The index of the line the jump lands on. */
  before: number
  across: number
  size: number
}

/**
 * An empty line where the text jumps further than a line: more than twice its font size, or clearly
 * more than the page's usual step from line to line (ReportLab sets 10-point text 12 points apart
 * and a blank line as 8 points more: 20 points, twice the size, but five thirds of the step).
 */
function withParagraphGaps(lines: AssembledLine[], jumps: readonly Jump[]): AssembledLine[] {
  const step = usualStep(jumps.map(({ across }) => across))
  const gaps = new Set(
    jumps
      .filter(
        ({ across, size }) =>
          across > PARAGRAPH_GAP * size || (step !== null && across > STEP_GAP * step && across > MIN_GAP * size),
      )
      .map(({ before }) => before),
  )
  if (!gaps.size) return lines
  return lines.flatMap((line, index) => (gaps.has(index) ? [{ text: '', pieces: [] }, line] : [line]))
}

// A paragraph gap is this much more than the usual step, and at least this many font sizes.
const STEP_GAP = 1.6
const MIN_GAP = 1.5
// The usual step is the most common jump, to a quarter point, if at least this many jumps take it.
const STEP_QUORUM = 3

function usualStep(drops: readonly number[]): number | null {
  const counts = new Map<number, number>()
  let best: number | null = null
  for (const drop of drops) {
    const key = Math.round(drop * 4) / 4
    const count = (counts.get(key) ?? 0) + 1
    counts.set(key, count)
    if (count >= STEP_QUORUM && (best === null || count > counts.get(best)!)) best = key
  }
  return best
}

/**
 * The largest of `values`, or `floor` when there are none or all are below it. A loop, not
 * Math.max(...values): a hostile page can put tens of thousands of pieces on one line, past the
 * arguments a call can take.
 */
function greatest(values: Iterable<number>, floor = -Infinity): number {
  let most = floor
  for (const value of values) if (value > most) most = value
  return most
}

/** How far along a line of direction (dirX, dirY) the point is. */
const alongLine = (x: number, y: number, dirX: number, dirY: number) => x * dirX + y * dirY

/** A visible gap (along the line, before `piece`, at the larger font `size` of the two) reads as a space. */
function needsSpace(gap: number, size: number, piece: TextPiece, textSoFar: string): boolean {
  return (
    (gap > SPACE_GAP * size || piece.spaceBefore === true) && !textSoFar.endsWith(' ') && !piece.text.startsWith(' ')
  )
}

const MAX_LATE = 32
// How far before a line's start a glyph drawn late may end and still lead the line, in font sizes.
const LEAD_GAP = 1
const SAME_PLACE = 0.1

/**
 * Pieces drawn after the rest of their line, inside its stretch: characters a PDF maker took from
 * another font (LibreOffice draws "✓", "★" or "₹" after the line when its font lacks them, and
 * leaves a space in the line's own text where each goes). Each is read where it stands.
 */
class LateGlyphs {
  // For a piece of a line, the pieces drawn later inside it, and where in its text each goes.
  private readonly inside = new Map<TextPiece, { at: number; text: string }[]>()
  private readonly placed = new Map<AssembledLine, number>()

  /**
   * Places `piece` in the line if it lies within the line's stretch; false if it does not, or if the
   * line has had MAX_LATE already (each costs a pass over the line: a hostile file drawing a long
   * line backwards, glyph by glyph, gets lines of its own as before, not quadratic time).
   */
  place(line: AssembledLine, piece: TextPiece, dirX: number, dirY: number): boolean {
    if ((this.placed.get(line) ?? 0) >= MAX_LATE) return false
    const position = alongLine(piece.x, piece.y, dirX, dirY)
    const start = alongLine(line.pieces[0]!.x, line.pieces[0]!.y, dirX, dirY)
    const end = greatest(line.pieces.map((other) => alongLine(other.endX, other.endY, dirX, dirY)))
    const pieceEnd = alongLine(piece.endX, piece.endY, dirX, dirY)
    // A symbol drawn after its line from another font may also lead it ("✉ name@example.org").
    const leads = pieceEnd <= start + SAME_PLACE * piece.size && start - pieceEnd <= LEAD_GAP * piece.size
    if ((position < start && !leads) || pieceEnd > end) return false
    this.placed.set(line, (this.placed.get(line) ?? 0) + 1)
    const host = line.pieces.find(
      (other) =>
        alongLine(other.x, other.y, dirX, dirY) <= position && position < alongLine(other.endX, other.endY, dirX, dirY),
    )
    if (host) {
      ;(line.late ??= []).push(piece)
      const at = charIndex(host, position - alongLine(host.x, host.y, dirX, dirY), dirX, dirY)
      this.inside.set(
        host,
        [...(this.inside.get(host) ?? []), { at, text: piece.text }].sort((x, y) => x.at - y.at),
      )
    } else {
      const after = line.pieces.findIndex((other) => alongLine(other.x, other.y, dirX, dirY) > position)
      line.pieces.splice(after === -1 ? line.pieces.length : after, 0, piece)
    }
    line.text = this.textOf(line, dirX, dirY)
    return true
  }

  private textOf(line: AssembledLine, dirX: number, dirY: number): string {
    let text = ''
    line.pieces.forEach((piece, index) => {
      let own = piece.text
      for (const { at, text: late } of [...(this.inside.get(piece) ?? [])].reverse())
        own = `${own.slice(0, at)} ${late} ${own.slice(at)}`
      const before = line.pieces[index - 1]
      const gap = before ? alongLine(piece.x - before.endX, piece.y - before.endY, dirX, dirY) : 0
      const spaced = before !== undefined && needsSpace(gap, Math.max(piece.size, before.size), piece, text)
      text += (spaced ? ' ' : '') + own
    })
    return text
  }
}

/** Where in `host`'s text a point `offset` along it falls: at the space left there, if one is near. */
function charIndex(host: TextPiece, offset: number, dirX: number, dirY: number): number {
  const width = alongLine(host.endX - host.x, host.endY - host.y, dirX, dirY) / host.text.length
  const estimate = Math.min(host.text.length, Math.max(0, Math.round(offset / width)))
  for (const shift of [0, 1, -1, 2, -2]) if (host.text[estimate + shift] === ' ') return estimate + shift
  return estimate
}

interface LineShape {
  x: number
  /** Where its words start: after a marker drawn apart ("●" then a tab), its lines wrap to there. */
  textX: number
  /** Where its first character that is not a space is drawn. */
  inkX: number
  endX: number
  y: number
  size: number
  /** Average advance of one character, for the width of a word. */
  charWidth: number
  firstFont: FontMetrics | null
  lastFont: FontMetrics | null
  /** The widest gap between two of its pieces or run of spaces: a tab stop or a right-aligned date, not a word space. */
  widestGap: number
  /** Where its first word and its second end. */
  wordEnds: number[]
  /** One word and no space: no wrapper could break it, so it may run past the margin ("|-----|-----|"). */
  unbreakable: boolean
}

const shapeOf = (line: AssembledLine): LineShape | null => {
  const first = line.pieces[0]
  const last = line.pieces.at(-1)
  if (!first || !last || !line.text.trim()) return null
  const horizontal = line.pieces.every((piece) => Math.abs(piece.endY - piece.y) <= 0.01 * piece.size)
  if (!horizontal || last.endX <= first.x) return null
  // The font of the words: a bullet or a symbol may come from another font (LibreOffice draws "•"
  // in a fallback font when the text's font lacks it).
  const worded = line.pieces.filter((piece) => WORD_CHARACTER.test(piece.text))
  return {
    x: first.x,
    textX: (worded[0] ?? first).x,
    inkX: first.x + ((first.text.length - first.text.trimStart().length) * (first.endX - first.x)) / first.text.length,
    endX: last.endX,
    y: first.y,
    size: first.size,
    charWidth: (last.endX - first.x) / line.text.length,
    firstFont: (worded[0] ?? first).font,
    lastFont: (worded.at(-1) ?? last).font,
    widestGap: greatest(
      [
        ...line.pieces.slice(1).map((piece, index) => piece.x - line.pieces[index]!.endX),
        // Spaces typed in a row to line up a column (a text file's "Title          Mar 2018 - Present").
        ...line.pieces.map((piece, index) => spaceRunWidth(piece, index === 0)),
      ],
      0,
    ),
    wordEnds: firstWordEnds(line.pieces),
    unbreakable: !/\s/.test(line.text.trim()),
  }
}

// Spaces that line up a label's colon ("Languages            : Java, …") or start the next labelled
// field ("Current Location : Bangalore      Preferred Location : Pune") pad a line that may wrap
// like any other; a column's gap stands before what is not a label ("Analyst      Mar 2018 - Present").
const SPACE_RUN = / {2,}(?! )(?!\p{L}[\p{L}&/+.-]*(?: [\p{L}&/+.-]+){0,2} *: | *: )/gu

// A column of dates typed with spaces before each row's text ("2011–         Talleres de dibujo …",
// "since 2014   Profesora de Artes …"): the row's text wraps like any other, and the next row starts anew.
const DATE_COLUMN_CHARS = 20
const YEAR = /\b(?:19|20)\d\d\b/
/** Where the text after a leading column of dates starts, or 0 where the text has no such column. */
function afterDateColumn(text: string): number {
  const run = / {2,}/.exec(text)
  const column = run && run.index > 0 && run.index <= DATE_COLUMN_CHARS && YEAR.test(text.slice(0, run.index))
  return column ? run.index + run[0].length : 0
}

/**
 * The widest run of spaces inside a piece, measured at the piece's average advance per character;
 * in a line's first piece, not the run after a column of dates.
 */
function spaceRunWidth(piece: TextPiece, first: boolean): number {
  const text = piece.text.trim()
  const runs = text.slice(first ? afterDateColumn(text) : 0).match(SPACE_RUN)
  if (!runs) return 0
  return (greatest(runs.map((run) => run.length)) * (piece.endX - piece.x)) / piece.text.length
}

/**
 * Where the line's first two words end. A word may be drawn in several pieces with nothing between
 * them, and a marker in a piece of its own: each word ends where its last piece does.
 */
function firstWordEnds(pieces: readonly TextPiece[]): number[] {
  const ends: number[] = []
  for (const [index, piece] of pieces.entries()) {
    const next = pieces[index + 1]
    const runsOn =
      next !== undefined &&
      /\S$/.test(piece.text) &&
      /^\S/.test(next.text) &&
      next.x - piece.endX <= SPACE_GAP * Math.max(piece.size, next.size)
    const own = piece.wordEnds.filter((end) => !(runsOn && Math.abs(end - piece.endX) < 0.01 * piece.size))
    ends.push(...own)
    if (ends.length >= 2) break
  }
  return ends.slice(0, 2)
}

// A continuation sits one line spacing below, starts at the same left edge, and goes on in the font
// and size the line ended in (a bold job title under a bullet that filled its line is a new line).
const SPACING = { min: 0.9, max: 1.8 }
// A maker sets a paragraph's lines at one pitch and adds space only between paragraphs (a blank line,
// a paragraph's space after): a drop this much over the document's own pitch for the size starts a
// new paragraph, though it is within SPACING (a blank line under 14 pt lines set 17 apart is 25).
const PITCH_SLACK = 1.25
// Font sizes a tenth of a point apart share a pitch.
const sizeKey = (size: number) => Math.round(size * 10)

/**
 * For each font size (to a tenth of a point), the usual step (see usualStep) from one line to the
 * next between lines of that size within SPACING, over the whole document: its line pitch.
 */
function linePitches(pages: readonly (readonly (LineShape | null)[])[]): Map<number, number> {
  const drops = new Map<number, number[]>()
  for (const shapes of pages)
    shapes.forEach((shape, index) => {
      const next = shapes[index + 1]
      if (!shape || !next || Math.abs(next.size - shape.size) > 0.01 * shape.size) return
      const drop = shape.y - next.y
      if (drop < SPACING.min * shape.size || drop > SPACING.max * shape.size) return
      const size = sizeKey(shape.size)
      const bySize = drops.get(size) ?? []
      drops.set(size, bySize)
      bySize.push(drop)
    })
  const pitches = new Map<number, number>()
  for (const [size, bySize] of drops) {
    const pitch = usualStep(bySize)
    if (pitch !== null) pitches.set(size, pitch)
  }
  return pitches
}

const SAME_LEFT = 1
// A paragraph whose first line starts further in than its others (by this share of the font size)
// ends where a line starts as far in again: the next paragraph's first line.
const INDENT = 0.3
// Lines sharing a left edge that make it a column's edge rather than one indented or centred line.
const COLUMN_LINES = 3
// List markers, drawn (bullets) or typed, which text pasted from a portal also uses inside a line
// ("Skills * Java * SQL", "company - Acme", "… IIS • Support users …"): a line led by one starts a
// new item when the marker and its first word would have fitted, when the paragraph it would join
// began with the same marker, or when that paragraph ends in a colon (it introduces the list). Under
// a line the width of the column, a typed marker's list cannot be told from a wrap inside such text;
// a bullet's can, by the lines below (drawnListLeads).
const LIST_MARKER = /^\s*(?:[•▪●◦]\s+|[*-]\s+)/
// Bullets that text pasted from a portal does not use inside a line ("› Closed the largest deal",
// "➢ Supervised…"): a line led by one is a new item, after an item led by the same one or a paragraph
// that does not use it inside.
const DRAWN_BULLET = /^\s*([›»▸►➢➤✓✔◆■❖])\s/u
// A bullet leading a line, alone on it.
const LEADING_BULLET = /^\s*([•▪●◦])\s/u
/**
 * For each line of a page, whether it leads a drawn list: it starts with a bullet it holds no other
 * of, and the next line holding that bullet starts with it too ("Software Engineer (Java) — PayNest"
 * / "• Built and maintain …" / "microservices …" / "• Integrated …"). Such a list's first item starts
 * a line even under a line that filled the column. Text pasted from a portal runs its bullets inside
 * its lines, where a wrap puts one at a line's start only now and then, and the next one inside a line.
 */
function drawnListLeads(texts: readonly string[]): boolean[] {
  // For each bullet, whether the nearest line below holding it is led by it and holds no other.
  const below = new Map<string, boolean>()
  const leads = new Array<boolean>(texts.length).fill(false)
  for (let index = texts.length - 1; index >= 0; index--) {
    const text = texts[index]!
    const lead = LEADING_BULLET.exec(text)?.[1]
    const alone = lead !== undefined && text.indexOf(lead, text.indexOf(lead) + 1) < 0
    leads[index] = alone && below.get(lead) === true
    for (const bullet of '•▪●◦') if (text.includes(bullet)) below.set(bullet, alone && bullet === lead)
  }
  return leads
}
// A label of one to three words and a colon, which a text file may line up with spaces ("Automation:",
// "CI/CD & infra:", "Languages    :"). A one-line paragraph
// that is one label and its values, followed by a line led by another label, is a list of such
// lines, not a wrapped paragraph. A line of several labelled fields ("Name: … | Email: … |") runs on.
// A word's full stop before a space ends a sentence: "Present. Client: …" is no label.
const LABEL_START = /^\s*\p{Lu}(?:[\p{L}&/+-]|\.(?!\s))*(?:\s+(?:[\p{L}&/+-]|\.(?!\s))+){0,2}\s*:\s/u
// A line of one to four words in capitals ("SKILLS", "WORK EXPERIENCE", "E X P E R I E N C E") after
// a paragraph in mixed case, in a text wrapped by count, is a heading even where its first word would
// not have fitted on the line before: such a text has many short lines ("… (fleet management SaaS)" /
// "SKILLS"). In a text wrapped at the margin, a last word in capitals ("… vibration analysis, SAP" /
// "PM") is told by the line before reaching the margin.
const HEADING =
  /^\s*(?:\p{Lu}[\p{Lu}&/]*(?:\s+[\p{Lu}&/]+){0,3}|(?:\p{Lu} ){2,}\p{Lu}(?: {2,}(?:\p{Lu} )+\p{Lu})*)\s*$/u
const LOWER_CASE = /\p{Ll}/u
// A sentence that ends at the margin, then a few capitalised words standing alone: a job's title or a
// heading ("… triaged defects with the product owner." / "Business Analyst"), not the sentence's next.
const SENTENCE_ENDS = /\p{Ll}[.!?]["')\]]?$/u
// A paragraph grows with each line joined to it: its end is looked at, not the whole of it again.
const endsSentence = (paragraph: string) => SENTENCE_ENDS.test(paragraph.trimEnd().slice(-3))
// How far into a line a job's or an item's dates stand when they are its header's.
const HEADER_CHARS = 60
// A sentence's end (after any letter: "… operations and IT.") or a year.
const FINISHED = /(?:[\p{L}\d%)\]][.!?]["')\]]?|\b(?:19|20)\d\d\W?)$/u
// An entry above another is a line or two; a paragraph longer than this (a page run into one line, as
// a job portal exports it) goes on whatever its next line starts with, as its text file has it.
const ENTRY_LINES = 2.5
/**
 * Whether the next line opens an entry of its own under a finished one of a line or two: after a
 * sentence's end or a year, a capital, and a span of dates within its first words ("In-house
 * designer, Adeola Prints (2022 – 2023): …", "Business Analyst - Broking firm - 2016 - 2019"). A
 * text that typed each entry on a line of its own reads so whether or not its last line happened to
 * fill the PDF's.
 */
const opensEntry = (paragraph: string, lineLength: number, nextText: string) =>
  paragraph.length <= ENTRY_LINES * lineLength &&
  FINISHED.test(paragraph.trimEnd()) &&
  CAPITAL_START.test(nextText) &&
  holdsSpan(nextText.slice(0, HEADER_CHARS))
const TITLE_LINE = /^\s*\p{Lu}[\p{L}.&'+#-]*(?:\s+(?:\p{Lu}[\p{L}.&'+#-]*|of|and|&|\/|in|for|the|to|[–-])){0,5}\s*$/u
const labelList = (paragraph: string, lineLength: number, nextText: string) =>
  paragraph.length <= lineLength &&
  LABEL_START.test(paragraph) &&
  paragraph.split(/:\s/).length === 2 &&
  !runsOnFromHeading(paragraph) &&
  LABEL_START.test(nextText)
// A label whose first words name a section ("Technical Skills Languages : C#, …") is a job portal's
// page run into one line, its heading and its first label together: wrapped, not a list of lines.
const runsOnFromHeading = (paragraph: string) => {
  const words = paragraph
    .slice(0, paragraph.search(/\s*:\s/))
    .trim()
    .split(/\s+/)
  return words.slice(1).some((_, index) => isSectionName(words.slice(0, index + 1).join(' ')))
}
// A labelled paragraph (or a list's item) that ends a sentence, followed by a line led by another
// label, is one of a list of labelled paragraphs, of up to two and a half lines (a longer one is a
// page a job portal ran into one line, which goes on, see ENTRY_LINES): "Currently:
// Self-employed PT at … (2021 – now) — … nutrition coaching." / "Before: Gym Instructor, Clifton
// Leisure Centre (2019 – 2021)"; "- Data migration with LSMW and BDC." / "Project 2: AMS support".
const labelledParagraphs = (paragraph: string, lineLength: number, nextText: string) =>
  paragraph.length <= ENTRY_LINES * lineLength &&
  (LABEL_START.test(paragraph) || LIST_MARKER.test(paragraph)) &&
  /[.!?]\s*$/.test(paragraph) &&
  (LABEL_START.test(nextText) || NUMBERED_LABEL.test(nextText))
// "Project 2: AMS support", "Client 1: …": a label numbered in a list of its kind.
const NUMBERED_LABEL = /^\s*\p{Lu}\p{Ll}+\s+\d{1,2}\s*:\s/u

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
  const rights = columnEdges(shapes.flat())
  const wrappedAt = characterWrap(pages.flat(), shapes.flat(), rights)
  let offset = 0
  const pageRights = shapes.map((page) => rights.slice(offset, (offset += page.length)))
  const out: string[][] = []
  // The page whose text holds the line before, at its end (a page's first line may have joined the last).
  let lastInto: string[] = []
  // The first line of the paragraph `lastInto` ends with, and where paragraphs start when the text
  // indents their first lines (learnt from the first paragraph wrapped below such a line).
  let opening: LineShape | null = null
  let indentedAt: number | null = null
  const sentences = !typedInLowerCase(pages.flat().map((line) => line.text))
  const pitches = linePitches(shapes)
  pages.forEach((lines, page) => {
    const text: string[] = []
    const listLeads = drawnListLeads(lines.map((line) => line.text))
    out.push(text)
    lines.forEach((line, index) => {
      const before = index > 0 ? { page, index: index - 1 } : lastLineOf(pages, page - 1)
      const crossesPage = before !== null && before.page !== page
      const into = lastInto
      const paragraph = into.at(-1)
      // A running header neither goes on from the page before nor has the page's text join it.
      const header = (crossesPage || index === 1) && isRunningHeader(pages, page)
      const wrapped =
        before !== null &&
        paragraph !== undefined &&
        !header &&
        continues(
          { line: shapes[before.page]![before.index], indentedAt, sentences, pitches },
          shapes[page]![index],
          pageRights[before.page]![before.index],
          paragraph,
          pages[before.page]![before.index]!.text.length,
          { text: line.text, leadsList: listLeads[index]! },
          !crossesPage,
          wrappedAt,
        )
      const shape = shapes[page]![index] ?? null
      if (wrapped) {
        into[into.length - 1] = joinWrapped(paragraph, line.text)
        if (opening && shape && opening.inkX - shape.inkX > INDENT * shape.size) indentedAt = opening.inkX
      } else {
        text.push(line.text)
        lastInto = text
        opening = shape
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

/** A column's right edge, and whether more than one line ends exactly there (it is the margin itself). */
interface ColumnEdge {
  right: number
  shared: boolean
}

/** For each line, the edge of the column it starts (see columnRights), and whether it is shared. */
function columnEdges(shapes: readonly (LineShape | null)[]): (ColumnEdge | null)[] {
  const ends = new Map<number, number>()
  for (const shape of shapes) if (shape) ends.set(edgeKey(shape.endX), (ends.get(edgeKey(shape.endX)) ?? 0) + 1)
  return columnRights(shapes).map((right) =>
    right === null ? null : { right, shared: (ends.get(edgeKey(right)) ?? 0) > 1 },
  )
}

// Line ends a tenth of a point apart are the same edge.
const edgeKey = (x: number) => Math.round(x * 10)

/**
 * For each line, the right edge of the column it starts: the furthest any line sharing its left edge
 * reaches (a word no wrapper could break aside), when at least COLUMN_LINES lines share it. Lines
 * sorted by their left edge and a table of range maxima keep this O(n log n) for a document of any
 * number of lines.
 */
function columnRights(shapes: readonly (LineShape | null)[]): (number | null)[] {
  const order = shapes.flatMap((shape, index) => (shape ? [index] : [])).sort((a, b) => shapes[a]!.x - shapes[b]!.x)
  const xs = order.map((index) => shapes[index]!.x)
  const maxima = [order.map((index) => (shapes[index]!.unbreakable ? -Infinity : shapes[index]!.endX))]
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
    const right = to - from >= COLUMN_LINES ? rangeMax(from, to) : -Infinity
    return right > -Infinity ? right : null
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

// A second word that starts with a closing or separating mark (see continues).
const BEFORE_NO_BREAK = /^\s*\S+\s+[.,:;!?/)\]}]/

/**
 * Whether the text's last character other than white space is `mark`. From the end, not with a
 * pattern anchored at $, which V8 tries from every position: a paragraph grows with each line joined
 * to it, and is asked again at each.
 */
function endsInMark(text: string, mark: string): boolean {
  let at = text.length - 1
  while (at >= 0 && /\s/.test(text[at]!)) at--
  return text[at] === mark
}
const CLAUSE_START = /^\s*\p{Ll}/u
// A rule drawn with characters ("|-----|-----|", "=====") is a line of its own however far it reaches:
// joined, it would fold a table's header into its first row.
const RULE_END = /[-=_─━═]{5,}[|+:]?\s*$/u
const RULE_LINE = /^\s*[|+:]?[-=_─━═]{5,}/u
// A row of a table typed with pipes ("| 2020-2022 | Resident Engineer | …"), not yet closed by its last
// pipe: its cells' padding is no tab stop, and a line that does not open a row of its own finishes it.
const TABLE_ROW = /^\s*\|/
const CAPITAL_START = /^\s*\p{Lu}/u
// A line of contact fields: a bar or a dot between fields, and an e-mail address or a phone number.
const CONTACT_FIELDS = /\s[|·•]\s/
const EMAIL_LIKE = /[\w.+-]+@[\w-]+\.\w/
/** A field bar with an address or a phone, or both an address and a phone. */
const contactFields = (text: string) =>
  EMAIL_LIKE.test(text) ? CONTACT_FIELDS.test(text) || holdsPhone(text) : CONTACT_FIELDS.test(text) && holdsPhone(text)
const CONTACT_END = /(?:\d|@[\w-]+(?:\.[\w-]+)+)\s*$/
// Ten digits or more, as a phone has with its area code; "(2014 - 2019)" is no phone.
const PHONE_LIKE = /\+?\d[\d ().-]{8,}\d/g
const holdsPhone = (text: string) =>
  (text.match(PHONE_LIKE) ?? []).some((found) => (found.match(/\d/g)?.length ?? 0) >= 10)
// Wider than any word space of a justified line: the line is laid out in columns (a title, then its
// date at the right margin), and reaching the margin does not mean it wrapped.
const TAB_GAP = 2
// The column's right edge is its furthest line, which may overshoot the margin the other lines were
// wrapped at (a word too long to wrap, a layout that measured with kerning and drew without): a next
// word that ends within this share of the column's width of that edge would not have fitted either.
// Where several lines end exactly at the edge, it is the margin: a word that ends there would have
// fitted (a text file's lines in a fixed-width font, filled to the last column).
const MARGIN_SLIP = 0.015
const EXACT_FIT = 0.05

function continues(
  {
    line,
    indentedAt,
    sentences,
    pitches,
  }: {
    line: LineShape | null | undefined
    indentedAt: number | null
    sentences: boolean
    pitches: ReadonlyMap<number, number>
  },
  next: LineShape | null | undefined,
  column: ColumnEdge | null | undefined,
  paragraph: string,
  lineLength: number,
  { text: nextText, leadsList }: { text: string; leadsList: boolean },
  samePage: boolean,
  wrappedAt: number | null,
): boolean {
  if (!line || !next || !column) return false
  // A single line ended by a semicolon goes on only into a clause (a lower-case word): lines of code
  // or data, of near equal length, would otherwise run together. A paragraph already wrapped, a
  // list's item ("• Design of seat frames in CATIA V5 and NX;" / "GD&T drawings …") or a dated row
  // ("since 2014   Profesora …, students 12 to 18 years;" / "IB Visual Arts …") is prose.
  const statement =
    endsInMark(paragraph, ';') &&
    paragraph.length <= lineLength &&
    !CLAUSE_START.test(nextText) &&
    !LIST_MARKER.test(paragraph) &&
    !DRAWN_BULLET.test(paragraph) &&
    !afterDateColumn(paragraph.trimStart())
  // A date range broken at its dash is one range, even on a line laid out in columns.
  const rangeCut = continuesRange(paragraph, nextText)
  const openRow = TABLE_ROW.test(paragraph) && !endsInMark(paragraph, '|') && !TABLE_ROW.test(nextText)
  if ((line.widestGap > TAB_GAP * line.size && !rangeCut && !openRow) || statement) return false
  if (RULE_END.test(paragraph) || RULE_LINE.test(nextText)) return false
  // Across a page break the next line is at the top of the next page: no spacing to compare.
  const drop = line.y - next.y
  if (samePage && (drop < SPACING.min * line.size || drop > SPACING.max * line.size)) return false
  if (samePage && drop > PITCH_SLACK * (pitches.get(sizeKey(line.size)) ?? Infinity)) return false
  if (Math.abs(next.size - line.size) > 0.15 * line.size || next.firstFont !== line.lastFont) return false
  if (Math.abs(next.x - line.x) > SAME_LEFT * line.size && Math.abs(next.x - line.textX) > SAME_LEFT * line.size)
    return false
  if (rangeCut) return true
  // The person's contact fields start a line of their own, even in lower case ("s.nambiar@… | +91 …"
  // under a headline that reached the margin): a sentence seldom wraps into an address and a field bar,
  // or into an address and a phone ("E-mail: vsk@…  Mobile: +91 …").
  // Under a line that ends with a field bar or a label they are its wrapped end ("… | Hyderabad |" /
  // "venkat@… | +91 …", "… | Email -" / "ahmed@… | Position sought - …").
  if (contactFields(nextText) && !/[|·•:,;–—-]\s*$/.test(paragraph)) return false
  // And a line of them that ends on its phone or address ends there: "E-mail: vsk@… Mobile: +91 96394
  // 30612" over "Hyderabad, Telangana" is two lines, however near the margin the first one reached.
  if (CONTACT_END.test(paragraph) && contactFields(paragraph) && CAPITAL_START.test(nextText)) return false
  // A sentence going on in lower case is one, wherever its line ended and however far in the next
  // line starts (a hanging indent under a bullet's text), as the text reader joins it.
  if (sentences && goesOnInLowerCase(paragraph.trimEnd().length, paragraph, nextText)) return true
  if (indentedAt !== null && Math.abs(next.inkX - indentedAt) < INDENT * line.size) return false
  // A job's header ends with its dates ("Analyst, Sep 2022 - present"): a capital or a list marker
  // after them starts the text under it, however far the header reached. Inside a paragraph already
  // wrapped (a portal's run-together "… 2016 to 2018 MBA HR …") a line may end anywhere.
  const header = paragraph.length <= lineLength && endsInRange(paragraph)
  if (header && (CAPITAL_START.test(nextText) || LIST_MARKER.test(nextText))) return false
  // Its first word (after a list marker, the marker and its word) as drawn, and a space before it.
  const marker = LIST_MARKER.exec(nextText)?.[0].trim() ?? ''
  // Two items of one list (the paragraph itself began with the same marker), or a list's first item.
  if (marker && (LIST_MARKER.exec(paragraph)?.[0].trim() === marker || endsInMark(paragraph, ':'))) return false
  if (leadsList && !paragraph.includes(marker)) return false
  const bullet = DRAWN_BULLET.exec(nextText)?.[1]
  if (bullet && (DRAWN_BULLET.exec(paragraph)?.[1] === bullet || !paragraph.includes(bullet))) return false
  if (labelList(paragraph, lineLength, nextText) || labelledParagraphs(paragraph, lineLength, nextText)) return false
  if (afterDateColumn(paragraph.trimStart()) && afterDateColumn(nextText.trimStart())) return false
  if (endsSentence(paragraph) && TITLE_LINE.test(nextText)) return false
  if (opensEntry(paragraph, lineLength, nextText)) return false
  // A section's name alone, in capitals or capitalised ("EDUCATION", "Certifications"), under
  // a paragraph in mixed case is its heading, even under a line that reached the margin or across a
  // page: such a name is no wrapped sentence's last words.
  const named = HEADING.test(nextText) || TITLE_LINE.test(nextText)
  if (named && LOWER_CASE.test(paragraph) && isSectionName(nextText.trim())) return false
  // Wrapped by count before it was drawn: the next word would not have fitted in the count, and it is
  // no heading (a line's length says less there than a line reaching the margin does).
  if (wrappedAt !== null) {
    if (HEADING.test(nextText) && LOWER_CASE.test(paragraph)) return false
    return lineLength + 1 + (nextText.trimStart().split(/\s/, 1)[0]?.length ?? 0) > wrappedAt
  }
  // Line breaking (Unicode's LB13) never breaks before a closing or separating mark, even after a space:
  // "Role: .Net Developer" wraps as "Role: .Net", its first word with the next.
  const unbroken = marker ? 0 : Number(BEFORE_NO_BREAK.test(nextText))
  const wordEnd = next.wordEnds[(marker ? 1 : 0) + unbroken] ?? next.wordEnds.at(-1) ?? next.endX
  const slip = column.shared ? -EXACT_FIT * line.size : MARGIN_SLIP * (column.right - line.x)
  return line.endX + line.charWidth + (wordEnd - next.x) > column.right - slip
}

// Lines this close to the longest in characters are full lines of a text wrapped by count.
const COUNT_SLACK = 12
// How far short of their column's edge such full lines end, as a share of its width, at the median.
// This and the two below were set so that none of the labeled sets' 703 PDFs wrapped by width (ours,
// ReportLab's paragraphs, Chromium's) is taken for one wrapped by count (README, PDFs drawn by ReportLab).
const COUNT_SHORTFALL = 0.06
// At least this many full lines: fewer say too little either way.
const COUNT_LINES = 10
// And how many of the lines over three quarters of the longest are within two characters of it: a
// count is a hard ceiling that full lines pile up under; a width lets the longest stand alone.
const AT_CEILING = 0.2

/**
 * The number of characters a text was wrapped at before it was drawn (Python's textwrap before a
 * PDF library draws each line, a mail program's 72 columns), or null where lines were wrapped by
 * their drawn width. Lines wrapped by width end at their column's edge, give or take a word; lines
 * wrapped by count in a proportional font end short of it by as much as their letters are narrow,
 * and every full one holds nearly the same number of characters.
 */
function characterWrap(
  lines: readonly AssembledLine[],
  shapes: readonly (LineShape | null)[],
  rights: readonly (ColumnEdge | null)[],
): number | null {
  const longest = greatest(
    lines.map((line) => line.text.length),
    0,
  )
  const shortfalls: number[] = []
  lines.forEach((line, index) => {
    const shape = shapes[index]
    const column = rights[index]
    if (!shape || !column || line.text.length < longest - COUNT_SLACK) return
    shortfalls.push((column.right - shape.endX) / (column.right - shape.x))
  })
  if (shortfalls.length < COUNT_LINES) return null
  shortfalls.sort((a, b) => a - b)
  const long = lines.filter((line) => line.text.length >= 0.75 * longest).length
  const atCeiling = lines.filter((line) => line.text.length >= longest - 2).length
  return shortfalls[shortfalls.length >> 1]! > COUNT_SHORTFALL && atCeiling >= AT_CEILING * long ? longest : null
}
