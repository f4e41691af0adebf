import { DEGREE_HINT, spellsDegree } from './education'
import { TITLE_WORDS } from './employment'
import { isPortalExport, REPEATED_HEADLINE } from './portal'
import { opensPortalEducation } from './sections'

/** A headline is a short line; a long one is a paragraph, not what the person calls themselves. */
export const HEADLINE_MAX = 80

const isHeadline = (text: string) =>
  text.length <= HEADLINE_MAX && !/\d/.test(text) && !DEGREE_HINT.test(text) && !spellsDegree(text)

/**
 * A job portal's export closes its "Education Details" block with the person's headline ("Network
 * Engineer"): the block's last line before a blank one or the next heading, if it is neither dated
 * nor a degree. Run into one line, the export gives the headline twice, the second time as the
 * first job's "title - company" (see repeatedHeadline).
 */
export function portalHeadline(lines: readonly string[], headingLines: ReadonlySet<number>): string | null {
  const heading = lines.findIndex(opensPortalEducation)
  if (heading === -1) return repeatedHeadline(lines)
  let end = heading + 1
  while (end < lines.length && lines[end]!.trim() !== '' && !headingLines.has(end)) end++
  const last = lines[end - 1]!.trim()
  return end - 1 > heading && isHeadline(last) ? last : repeatedHeadline(lines)
}

/** The headline a run-together portal export repeats, in a text that has the export's fields. */
function repeatedHeadline(lines: readonly string[]): string | null {
  if (!lines.some(isPortalExport)) return null
  for (const line of lines) {
    const repeated = REPEATED_HEADLINE.exec(line)?.[1]
    if (repeated && isHeadline(repeated)) return repeated
  }
  return null
}

/** How far down the top a title under the name is looked for. */
const TITLE_UNDER_NAME_LINES = 6
const TITLE_MAX = 60
// Digits and degrees are isHeadline's to turn down.
const NOT_A_TITLE = /@|https?:|www\.|\b(?:curriculum vitae|resume|résumé|cv)\b/i

/**
 * What the person calls themselves under their name ("Quality Analyst"), for a resume whose jobs
 * carry no dates to take a title from: the first part of a line above the first section that names
 * a role and holds no contact detail, number or degree.
 */
export function titleUnderName(lines: readonly string[], headEnd: number, name: string | null): string | null {
  // A portal export's top is a skills list or a sentence cut from its job (see portalHeadline).
  if (lines.some(isPortalExport)) return null
  const named = name?.toLowerCase()
  for (const line of lines.slice(0, Math.min(headEnd, TITLE_UNDER_NAME_LINES))) {
    for (const part of line.split(/\s+[|•·—–-]\s+/)) {
      const text = part.replace(/^[\s|,;]+|[\s|,;]+$/g, '')
      if (!text || text.toLowerCase() === named || /[.:!?]/.test(text) || text.length > TITLE_MAX) continue
      if (TITLE_WORDS.test(text) && !NOT_A_TITLE.test(text) && isHeadline(text)) return text
    }
  }
  return null
}
