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
 * A text with a blank line after every line (double-spaced, or copied from a page that spaces its
 * lines) as the same text single-spaced. Doubling makes a gap of n blank lines 2n + 1, so where no two
 * lines of text touch and every gap is odd, each gap is taken back to n; again while that still holds
 * (a text doubled twice). Only where the gaps are not all alike: a text with one blank line between
 * all its lines may have been written so, and its PDF shows the same space between all of them, so
 * it is read as written. A gap of two blank lines, or lines that touch, leave a text as it was.
 */
export function undoubled(text: string): string {
  let lines = text.split('\n')
  while (isDoubled(lines)) lines = halved(lines)
  return lines.join('\n')
}

/** Whether no two lines of text touch, every gap between them is odd and not all are alike, over enough lines. */
function isDoubled(lines: readonly string[]): boolean {
  let filled = 0
  let blanks = -1
  const gaps = new Set<number>()
  for (const line of lines) {
    if (isBlank(line)) {
      if (blanks >= 0) blanks += 1
      continue
    }
    if (blanks >= 0 && blanks % 2 === 0) return false
    if (blanks > 0) gaps.add(blanks)
    filled += 1
    blanks = 0
  }
  return filled >= DOUBLED_MIN_LINES && gaps.size > 1
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
