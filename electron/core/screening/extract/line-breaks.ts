/**
 * Every way a text ends a line, as "\n": CRLF; CRs before LF ("\r\r\n", what CRLF text becomes when
 * a program writes it through a second CRLF conversion, as Python's text mode does on Windows); a
 * lone CR (old Mac); the Unicode line and paragraph separators; a vertical tab (Word's line break in
 * some exports) and a form feed (a page break). U+0085 is left alone: in text mis-decoded as Latin-1
 * it is the second byte of "Å" or "х", which the mojibake repair still needs.
 */
const LINE_BREAK = /\r+\n|[\r\u2028\u2029\v\f]/g

export const unifiedBreaks = (text: string): string => text.replace(LINE_BREAK, '\n')

/** Fewer lines than this are a note, not a layout whose spacing says anything. */
const DOUBLED_MIN_LINES = 3

const isBlank = (line: string) => line.trim() === ''

/**
 * A text with a blank line after every line (double-spaced, copied from a page that spaces its lines,
 * a PDF or a Word file with space after every paragraph) as the same text single-spaced, since such
 * blank lines say nothing about where blocks end. Only where no two lines of text touch, over enough
 * lines: where every gap is alike, all go; where they differ and every one is odd, each is taken
 * back to n, as doubling makes a gap of n blank lines 2n + 1, and again while that still holds (a text
 * doubled twice). A gap of two blank lines among single ones, or lines that touch, leave it as written.
 */
export function undoubled(text: string): string {
  let lines = text.split('\n')
  for (let gaps = gapsOf(lines); gaps !== null; gaps = gapsOf(lines)) {
    if (gaps.size === 1) return lines.filter((line) => !isBlank(line)).join('\n')
    if ([...gaps].some((gap) => gap % 2 === 0)) break
    lines = halved(lines)
  }
  return lines.join('\n')
}

/** The sizes of the gaps between lines of text, or null where two lines touch or there are too few lines. */
function gapsOf(lines: readonly string[]): Set<number> | null {
  let filled = 0
  let blanks = -1
  const gaps = new Set<number>()
  for (const line of lines) {
    if (isBlank(line)) {
      if (blanks >= 0) blanks += 1
      continue
    }
    if (blanks === 0) return null
    if (blanks > 0) gaps.add(blanks)
    filled += 1
    blanks = 0
  }
  return filled >= DOUBLED_MIN_LINES ? gaps : null
}

function halved(lines: readonly string[]): string[] {
  const out: string[] = []
  let run = 0
  for (const line of lines) {
    if (isBlank(line)) {
      run += 1
      continue
    }
    if (out.length > 0) for (let blank = 0; blank < (run - 1) / 2; blank += 1) out.push('')
    run = 0
    out.push(line)
  }
  return out
}
