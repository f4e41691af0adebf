/**
 * The reader's one line model. A .txt or .docx export keeps a whole paragraph on one line where a
 * PDF wraps it, so over-long lines are cut into segments of at most SEGMENT_MAX characters — at a
 * sentence end, a semicolon or bullet, a comma, or a space, in that order of preference — and every
 * format reads as the same bounded lines. Nothing is dropped: a line's segments, joined by single
 * spaces, are the line.
 */
export const SEGMENT_MAX = 300

// Where a segment may end, strongest first: after one of these followed by a space.
const BOUNDARIES = [/[.!?;•·|](?=\s)/g, /,(?=\s)/g, /\S(?=\s)/g]

function cutAt(line: string): number {
  const window = line.slice(0, SEGMENT_MAX)
  for (const boundary of BOUNDARIES) {
    let last = -1
    for (const match of window.matchAll(boundary)) last = match.index + match[0].length
    // A cut in the first third would leave a stub; a weaker boundary further on reads better.
    if (last > SEGMENT_MAX / 3) return last
  }
  return SEGMENT_MAX
}

/** One line as segments of at most SEGMENT_MAX characters, trimmed. */
export function segmentLine(line: string): string[] {
  const segments: string[] = []
  let rest = line.trim()
  while (rest.length > SEGMENT_MAX) {
    const cut = cutAt(rest)
    segments.push(rest.slice(0, cut).trim())
    rest = rest.slice(cut).trim()
  }
  segments.push(rest)
  return segments
}

/** The text's lines with every over-long line segmented; short lines are kept as written. */
export function readingLines(text: string): string[] {
  return text.split('\n').flatMap((line) => (line.length > SEGMENT_MAX ? segmentLine(line) : [line]))
}
