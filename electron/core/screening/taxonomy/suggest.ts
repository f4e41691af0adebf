import type { SkillMatch } from './matcher'

export type SkillImportance = 'required' | 'preferred'

/** A skill a job description asks for, as the recruiter would first see it suggested. */
export interface SuggestedSkill {
  skillId: string
  name: string
  category: string
  /** How many times the description names it. */
  mentions: number
  importance: SkillImportance
  /** The first line of the description that names it. */
  evidence: string
}

// A heading or a line that opens a "nice to have" block, and one that returns to what is required.
const PREFERRED_HEADING =
  /\b(nice[- ]to[- ]haves?|preferred|bonus|desirable|good[- ]to[- ]have|pluses|extra credit|optional)\b/i
const REQUIRED_HEADING =
  /\b(requirements?|required|must[- ]haves?|qualifications|what you('| wi)ll need|you have|you bring|responsibilities|what you('| wi)ll do|minimum)\b/i
// Inside one line: "Kafka (a plus)", "Terraform is a bonus", "ideally Go".
const PREFERRED_INLINE =
  /\b(a plus|is a plus|plus\b|bonus|nice to have|preferred|ideally|desirable|familiarity with|exposure to)\b/i

/**
 * Skills named by a job description, required ones first, then by how often they are named.
 * A skill is "preferred" when every mention sits under a nice-to-have heading or says so on its line.
 */
export function suggestFromMatches(description: string, matches: readonly SkillMatch[]): SuggestedSkill[] {
  const lines = description.split('\n')
  const preferredLine = new Array<boolean>(lines.length).fill(false)
  let inPreferredBlock = false
  lines.forEach((line, index) => {
    const trimmed = line.trim()
    const isHeading =
      trimmed.length > 0 && trimmed.length <= 60 && (/[:#]/.test(trimmed) || trimmed.split(/\s+/).length <= 5)
    if (isHeading && PREFERRED_HEADING.test(trimmed)) inPreferredBlock = true
    else if (isHeading && REQUIRED_HEADING.test(trimmed)) inPreferredBlock = false
    preferredLine[index] = inPreferredBlock || PREFERRED_INLINE.test(trimmed)
  })

  const bySkill = new Map<string, SuggestedSkill & { order: number }>()
  matches.forEach((match, order) => {
    const preferred = preferredLine[match.lineIndex] ?? false
    const existing = bySkill.get(match.skillId)
    if (existing) {
      existing.mentions++
      if (!preferred) existing.importance = 'required'
      return
    }
    bySkill.set(match.skillId, {
      skillId: match.skillId,
      name: match.name,
      category: match.category,
      mentions: 1,
      importance: preferred ? 'preferred' : 'required',
      evidence: match.line,
      order,
    })
  })
  return [...bySkill.values()]
    .sort((a, b) => rank(a.importance) - rank(b.importance) || b.mentions - a.mentions || a.order - b.order)
    .map(({ order: _order, ...skill }) => skill)
}

const rank = (importance: SkillImportance) => (importance === 'required' ? 0 : 1)
