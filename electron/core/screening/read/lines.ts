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

/** The text's lines with every over-long line segmented; short lines are kept as written. */
export function readingLines(text: string): string[] {
  return text.split('\n').flatMap((line) => (line.length > SEGMENT_MAX ? segmentLine(line) : [line]))
}
