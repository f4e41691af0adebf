import type { SkillSuggestion } from '../../../../shared/contract/screening'

/**
 * What jobs and candidates need from the skill taxonomy (the reader's module implements the
 * taxonomy; this is the narrow view of it the using side depends on).
 */
export interface SkillCatalog {
  /** Skills named in a text, most relevant first, each with the line that names it. */
  suggest(text: string): SkillSuggestion[]
  /** Skills whose name or alias starts with or contains the query, for a picker. */
  search(query: string, limit: number): SkillSuggestion[]
  /** Display name and every alias of a skill, for highlighting it in a resume. */
  namesOf(skillId: string): string[]
  nameOf(skillId: string): string | undefined
}
