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
// A block about the employer rather than the job: "## About us", "Who we are", "We offer", and "About
// Finora" (a name; "About the role" and "About you" are the job).
const COMPANY_HEADING =
  /^[#*\s]*(?:about (?:us|the company|the employer)|who we are|our (?:company|story|mission)|company (?:overview|profile)|(?:what )?we offer|benefits|perks)\b/i
const ABOUT_A_NAME =
  /^[#*\s]*About (?!(?:The|This|You|Your|Our|Us|Me)\b)\p{Lu}[\p{L}&.'-]*(?: \p{Lu}[\p{L}&.'-]*){0,3}[\s:*]*$/u
const isCompanyHeading = (line: string) => COMPANY_HEADING.test(line) || ABOUT_A_NAME.test(line)
// Inside one line: "Kafka (a plus)", "Terraform is a bonus", "ideally Go".
const PREFERRED_INLINE =
  /\b(a plus|is a plus|plus\b|bonus|nice to have|preferred|ideally|desirable|familiarity with|exposure to)\b/i

/** Clauses end at a sentence stop or a semicolon: "Graduate in any field; an MBA is preferred." is two. */
const CLAUSE_END = /[.;!?](?:\s|$)|\s[-–—]\s/g

/** The clause of `line` around the characters start..end. */
function clauseAround(line: string, start: number, end: number): string {
  let from = 0
  let to = line.length
  for (const stop of line.matchAll(CLAUSE_END)) {
    const at = stop.index
    if (at < start) from = at + stop[0].length
    else if (at >= end) {
      to = at
      break
    }
  }
  return line.slice(from, to)
}

const isHeadingLine = (trimmed: string) =>
  trimmed.length > 0 && trimmed.length <= 60 && (/[:#]/.test(trimmed) || trimmed.split(/\s+/).length <= 5)
const isListItem = (trimmed: string) => /^([-*•]|\d+[.)])\s/.test(trimmed)

/**
 * Skills named by a job description, required ones first, then by how often they are named.
 * A skill is "preferred" when every mention sits under a nice-to-have heading, in a clause that
 * says so ("an MBA is preferred"), or in what is about the company: the opening paragraph when the
 * description goes on to headings or a list, and a block under a heading such as "About us" or "We
 * offer". "An MEP consulting firm" or "our medical billing product" sets the scene, it does not ask
 * for a skill.
 */
export function suggestFromMatches(description: string, matches: readonly SkillMatch[]): SuggestedSkill[] {
  const lines = description.split('\n')
  const blockPreferred = new Array<boolean>(lines.length).fill(false)
  let inPreferredBlock = false
  // Unlike a nice-to-have block, a company block ends at any heading ("## Your tasks" after "## About us").
  let inCompanyBlock = false
  lines.forEach((line, index) => {
    const trimmed = line.trim()
    const isHeading = isHeadingLine(trimmed)
    if (isHeading && !isListItem(trimmed)) inCompanyBlock = isCompanyHeading(trimmed)
    if (isHeading && PREFERRED_HEADING.test(trimmed)) inPreferredBlock = true
    else if (isHeading && REQUIRED_HEADING.test(trimmed)) inPreferredBlock = false
    blockPreferred[index] = inPreferredBlock || inCompanyBlock
  })
  const introEnd = Math.max(
    0,
    lines.findIndex((line) => isHeadingLine(line.trim()) || isListItem(line.trim())),
  )
  const preferredAt = (match: SkillMatch) =>
    (blockPreferred[match.lineIndex] ?? false) ||
    match.lineIndex < introEnd ||
    PREFERRED_INLINE.test(clauseAround(lines[match.lineIndex] ?? '', match.start, match.end))

  const bySkill = new Map<string, SuggestedSkill & { order: number }>()
  matches.forEach((match, order) => {
    const preferred = preferredAt(match)
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
