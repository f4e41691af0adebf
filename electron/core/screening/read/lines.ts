import { continuesRange, spanApart } from '../broken-range'
import { portalLineStarts } from './portal'
import { isSectionName, mayEndSectionName } from './sections'

/**
 * The reader's one line model. A .txt or .docx export keeps a whole paragraph on one line where a
 * PDF wraps it, so over-long lines are cut into segments of at most SEGMENT_MAX characters — at a
 * sentence end, a semicolon or bullet, a comma, or a space, in that order of preference — and every
 * format reads as the same bounded lines. A line is first cut where a section label starts inside it,
 * so the segments do not depend on whether a PDF's layout ran that label on from the line before.
 * Nothing is dropped: a line's pieces, joined by single spaces, are the line.
 */
export const SEGMENT_MAX = 300

// Where a segment may end, strongest first: after one of these followed by a space.
const BOUNDARIES = [/[.!?;•·|](?=\s)/g, /,(?=\s)/g, /\S(?=\s)/g]

/** Where to end the segment that starts `window`, the next SEGMENT_MAX characters. */
function cutAt(window: string): number {
  for (const boundary of BOUNDARIES) {
    let last = -1
    for (const match of window.matchAll(boundary)) last = match.index + match[0].length
    // A cut in the first third would leave a stub; a weaker boundary further on reads better.
    if (last > SEGMENT_MAX / 3) return last
  }
  return SEGMENT_MAX
}

/** One line as segments of at most SEGMENT_MAX characters, trimmed; linear in the line's length. */
export function segmentLine(line: string): string[] {
  const text = line.trim()
  const segments: string[] = []
  let start = 0
  while (text.length - start > SEGMENT_MAX) {
    const end = start + cutAt(text.slice(start, start + SEGMENT_MAX))
    segments.push(text.slice(start, end).trim())
    start = end
    while (/\s/.test(text[start] ?? '')) start++
  }
  segments.push(text.slice(start))
  return segments
}

// After a space, up to three capitalised words and a colon, or up to three words in capitals: a
// label inside a line ("… UAT Experience: Business Analyst, …", "… supervision EXPERIENCE Resident
// Engineer …"), which is a section's name only if sections.ts knows it.
const INLINE_LABEL =
  /(?<=\s)(?:((?:\p{Lu}[\p{L}&/-]*\s+){0,2}\p{Lu}[\p{L}&/-]*):(?=\s|$)|((?:\p{Lu}{2,}\s+){0,2}\p{Lu}{2,})(?=\s))/gu

/**
 * Where the line's own section labels start ("Skills:", "Work Experience:"), so that a line begins
 * there whether the file put the label at a line's start or a PDF's layout ran it on from the line
 * before: the reading after it is the same either way.
 */
function labelStarts(line: string): number[] {
  const starts: number[] = []
  for (const match of line.matchAll(INLINE_LABEL)) {
    const words = (match[1] ?? match[2]!).split(/\s+/)
    if (!mayEndSectionName(words.at(-1)!)) continue
    // The label is the longest run of its last words that names a section ("UAT Experience" →
    // "Experience", "EXPERIENCE SUMMARY" whole), and no cut where the words before it name one with
    // it: "EXPERIENCE SUMMARY  (4 years)" is one heading, not Experience then Summary.
    for (let take = words.length; take >= 1; take--) {
      const label = words.slice(-take).join(' ')
      if (!isSectionName(label)) continue
      const start = match.index + match[0].indexOf(label)
      if (!namesSectionWith(line.slice(0, start), label)) starts.push(start)
      break
    }
  }
  return starts
}

/**
 * Whether the last word or two of `before`, words of letters only, and `label` together name a
 * section (a year or a "|" before a label would name the label's own section).
 */
function namesSectionWith(before: string, label: string): boolean {
  const words = before.trim().split(/\s+/).slice(-2)
  return words.some(
    (_, index) =>
      words.slice(index).every((word) => SECTION_WORD.test(word)) &&
      isSectionName(`${words.slice(index).join(' ')} ${label}`),
  )
}
const SECTION_WORD = /^\p{L}[\p{L}&/-]*$/u

// A long run-together line (a page scraped into one line) may name its sections in plain title case:
// "… clients. Professional Summary 4 years …", "… modelling Work Experience ETL Developer, …". Two or three
// capitalised words that name a section and run on into a capitalised word or a number; one word only
// after a sentence's end ("… reporting. Skills SSIS, SQL Server …").
const RUN_ON_LABEL = /(?<=\s)((?:\p{Lu}\p{Ll}+\s+){1,2}\p{Lu}\p{Ll}+)(?=\s+[\p{Lu}\d])/gu
const RUN_ON_WORD = /(?<=[.!?]\s+)(\p{Lu}\p{Ll}+)(?=\s+[\p{Lu}\d])/gu
// Or in sentence case with a colon after a sentence's end: "… javascript developer. Technical skills:
// Solidity, …", as a PDF reader, seeing the label start a line, reads it.
const RUN_ON_FIELD = /(?<=[.!?]\s+)(\p{Lu}\p{Ll}+(?:\s+\p{Ll}+){1,2}):\s/gu

function runOnLabelStarts(line: string): number[] {
  if (line.length <= SEGMENT_MAX) return []
  const starts: number[] = []
  for (const match of line.matchAll(RUN_ON_LABEL)) {
    const words = match[1]!.split(/\s+/)
    for (let take = 2; take <= words.length; take++) {
      const label = words.slice(-take).join(' ')
      if (isSectionName(label)) {
        starts.push(match.index + match[0].length - label.length)
        break
      }
    }
  }
  for (const pattern of [RUN_ON_WORD, RUN_ON_FIELD])
    for (const match of line.matchAll(pattern)) if (isSectionName(match[1]!)) starts.push(match.index)
  return starts
}

/**
 * The text's lines, each cut where a section label starts inside it or where a portal export run
 * into one line had its line breaks, and every over-long piece segmented.
 */
export function readingLines(text: string): string[] {
  return withRangesWhole(text.split('\n')).flatMap((line) => {
    const starts = [...new Set([...labelStarts(line), ...runOnLabelStarts(line), ...portalLineStarts(line)])]
      .filter((start) => start > 0 && start < line.length)
      .sort((a, b) => a - b)
    const pieces = starts.length
      ? [0, ...starts].map((start, i, all) => line.slice(start, all[i + 1]).trim()).filter(Boolean)
      : [line]
    return pieces.flatMap((piece) => (piece.length > SEGMENT_MAX ? segmentLine(piece) : [piece]))
  })
}

/**
 * The lines with a date range broken at its dash joined back, as the PDF reader joins it, and a
 * span's two ends on lines of their own read as one range (with a dash, so that it reads as one).
 */
function withRangesWhole(lines: readonly string[]): string[] {
  const out: string[] = []
  for (const line of lines) {
    const previous = out.at(-1)
    if (previous !== undefined && continuesRange(previous, line))
      out[out.length - 1] = `${previous.trimEnd()} ${line.trim()}`
    else if (previous !== undefined && spanApart(previous, line))
      out[out.length - 1] = `${previous.trim()} – ${line.trim()}`
    else out.push(line)
  }
  return out
}
