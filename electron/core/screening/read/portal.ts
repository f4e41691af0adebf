/**
 * A job portal's export: "Education Details", "Skill Details" ("Java- Exprience - 24 months") and
 * "Company Details" ("company - …", "description - …"). Many are pasted run into one line; cut where
 * the export's fields start, such a line reads as the same export with its line breaks kept.
 */

const PORTAL_HEADING = /(?:Education|Skill|Company) Details\b/g
/**
 * Fields that start a line of the export: a job's company and description, and each skill's months
 * ("Java- Exprience - 24 months", "SQL- Exprience - Less than 1 year months").
 */
const FIELD_STARTS = [/(?<=\s)(?:company|description)\s*-\s/g, /(?<=\bmonths?\b\s*)(?=\S[^\n]{0,40}?-\s*Exprience\b)/gi]

/** Whether a line holds the export's fields. "monthsCompany Details": the export runs them into the word before. */
export const isPortalExport = (line: string): boolean => /(?:Skill|Company) Details\b/.test(line)

/**
 * "… Mumbai University Java Developer Java Developer - Sahyadri Softlabs Skill Details …": the export
 * gives the person's headline on a line of its own and then again as the first job's "title -
 * company"; run together, up to six capitalised words said twice, the second time before " - ".
 */
export const REPEATED_HEADLINE = /(?:^|\s)((?:\p{Lu}[\p{L}.&/+()-]*\s+){0,5}\p{Lu}[\p{L}.&/+()-]*)\s+\1\s+-\s+\S/u

/** Where the export's lines start inside `line`, headings standing alone: none unless it is one. */
export function portalLineStarts(line: string): number[] {
  if (!isPortalExport(line)) return []
  const starts: number[] = []
  for (const heading of line.matchAll(PORTAL_HEADING)) starts.push(heading.index, heading.index + heading[0].length)
  for (const field of FIELD_STARTS) for (const match of line.matchAll(field)) starts.push(match.index)
  return starts
}
