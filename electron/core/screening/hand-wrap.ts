import { cleanText } from './extract/clean-text'
import { undoubled, unifiedBreaks } from './extract/line-breaks'
import { isSectionName } from './read/sections'

/**
 * A text wrapped by hand (a mail program's 72 columns, a plain-text resume kept to 100, a Word file
 * with a line break at each line's end) breaks its sentences where a PDF maker would have. The text
 * and Word readers join them back, as the PDF reader joins a wrapped line from its geometry: a line of
 * WRAPPED_MIN characters or more that ends no sentence (with the lines already joined to it), followed
 * by one that goes on in lower case from the same left edge or further in, is one sentence. Asked of
 * the text as written, before its lines are cleaned: their indents and the runs of spaces that line up
 * columns tell a wrap from a layout.
 */
export function joinHandWrapped(text: string): string {
  const lines = text.split('\n')
  if (typedInLowerCase(lines)) return text
  const out: string[] = []
  // The paragraph being joined, as its lines' pieces and its length: joined once, at its end, so that
  // a text of many wrapped lines costs no more than one of short ones.
  let pieces: string[] = []
  let length = 0
  const flush = () => pieces.length > 0 && out.push(pieces.join(''))
  lines.forEach((line, index) => {
    const previous = lines[index - 1]
    if (previous !== undefined && continuesSentence(length, previous, line)) {
      const piece = joint(previous, line) + line.trim()
      pieces.push(piece)
      length += piece.length
    } else {
      flush()
      pieces = [line.trimEnd()]
      length = line.trim().length
    }
  })
  flush()
  return out.join('\n')
}

/**
 * A document's visible text, as written with a line per paragraph (a .txt, a Word file's paragraphs),
 * cleaned: its hand wraps are joined first, while the indents and runs of spaces that tell a wrap
 * from a layout are still there.
 */
export const cleanWrittenText = (text: string): string => cleanText(joinHandWrapped(undoubled(unifiedBreaks(text))))

/** A letter or digit: what a word, as against a mark or a space, is made of. */
export const WORD_CHARACTER = /[\p{L}\p{N}]/u

/**
 * What joins a wrapped line to the line before it: a space, except after a hyphen inside a word: a
 * word processor breaks a line after one ("point-of-" / "sale", "full-" / "stack", "T-" / "SQL"),
 * where the text has no space. A space written or drawn after the hyphen was the text's own: a job
 * portal's "Hadoop- Exprience - 12 months", which LibreOffice breaks after "Hadoop- ".
 */
function joint(before: string, next: string): string {
  const brokenAtHyphen = before.endsWith('-') && WORD_CHARACTER.test(before.at(-2) ?? '')
  return brokenAtHyphen && WORD_CHARACTER.test(next.trimStart()[0] ?? '') ? '' : ' '
}

/** A wrapped line joined back to its paragraph (see joint). */
export const joinWrapped = (paragraph: string, next: string): string =>
  paragraph.trimEnd() + joint(paragraph, next) + next.trimStart()

const WRAPPED_MIN = 40
const ENDS_SENTENCE = /[.!?|]["')\]]?$/
// A lone lower-case letter before a capital ("n Maintain CI/CD …") is a bullet a symbol font drew as a letter.
const GOES_ON = /^\p{Ll}(?!\s+\p{Lu})/u
// A lower-case label ("email:", a portal's "company - ") or an address starts a line of its own.
const OWN_LINE = /^\p{Ll}[\p{L} ]{0,20}(?::|\s[-–]\s)|^\S*(?:[@/]|\.\p{L})/u
// A tab, or spaces typed in a row as wide as a PDF's tab-stop gap, inside a line lines up columns
// ("+91 80 5772 6419        HR professional …"): such a line is no wrapped sentence. A few spaces
// ("2021 – present   Meera Joshi Art Studio …") a PDF draws as a word space.
const COLUMN_GAP = /\S(?:\t| {8,})/

const startsLowerCase = (line: string) => GOES_ON.test(line) && !OWN_LINE.test(line)

/**
 * Whether the text starts a paragraph in lower case ("currently ops mgr at a bpo …", typed on a
 * phone): there a line in lower case is a line of its own, not a sentence going on.
 */
export function typedInLowerCase(lines: readonly string[]): boolean {
  return lines.some((line, index) => (index === 0 || !lines[index - 1]!.trim()) && startsLowerCase(line.trim()))
}

/**
 * Whether, by their words alone, `next` goes on with the sentence that `end` (a paragraph's last line,
 * or its end) leaves open, the paragraph being `length` characters long: the PDF reader asks it of
 * lines its geometry already puts in one column, the text reader with their indents below.
 */
export function goesOnInLowerCase(length: number, end: string, next: string): boolean {
  const after = next.trim()
  return (
    length >= WRAPPED_MIN &&
    startsLowerCase(after) &&
    !ENDS_SENTENCE.test(end.trimEnd().slice(-3)) &&
    !isSectionName(after)
  )
}

/** Whether `line` goes on with the sentence of a paragraph `length` long whose last line was `previous`. */
function continuesSentence(length: number, previous: string, line: string): boolean {
  return goesOnInLowerCase(length, previous, line) && !COLUMN_GAP.test(previous.trim()) && wrapsUnder(previous, line)
}

/**
 * Whether `line` starts where a line wrapped under `previous` may: at its left edge or further in (under
 * its text after a list marker or a date), as a PDF drawn from the text puts both at one margin.
 */
function wrapsUnder(previous: string, line: string): boolean {
  return line.length - line.trimStart().length >= previous.length - previous.trimStart().length
}
