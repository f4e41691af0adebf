import { readingLines } from './lines'
import { detectSections, type SectionMap } from './sections'

export interface Layout extends SectionMap {
  lines: string[]
}

let last: { text: string; layout: Layout } | undefined

/**
 * The text's reading lines and the sections they fall in. Reading a resume (read/index.ts) and
 * weighing its fields (scoring/fields.ts) both need them, for the same text one right after the
 * other, so the last text's are kept rather than worked out twice. Callers read them and never
 * change them.
 */
export function layoutOf(text: string): Layout {
  if (last?.text !== text) {
    const lines = readingLines(text)
    last = { text, layout: { lines, ...detectSections(lines) } }
  }
  return last.layout
}
