import { DEGREE_HINT, spellsDegree } from './education'
import { opensPortalEducation } from './sections'

/** A headline is a short line; a long one is a paragraph, not what the person calls themselves. */
export const HEADLINE_MAX = 80

/**
 * A job portal's export closes its "Education Details" block with the person's headline ("Network
 * Engineer"): the block's last line before a blank one or the next heading, if it is neither dated
 * nor a degree.
 */
export function portalHeadline(lines: readonly string[], headingLines: ReadonlySet<number>): string | null {
  const heading = lines.findIndex(opensPortalEducation)
  if (heading === -1) return null
  let end = heading + 1
  while (end < lines.length && lines[end]!.trim() !== '' && !headingLines.has(end)) end++
  const last = lines[end - 1]!.trim()
  const headline =
    end - 1 > heading &&
    last.length <= HEADLINE_MAX &&
    !/\d/.test(last) &&
    !DEGREE_HINT.test(last) &&
    !spellsDegree(last)
  return headline ? last : null
}
