import type { Taxonomy } from '../taxonomy'
import type { SkillMatch } from '../taxonomy/matcher'
import { namesAPerson } from '../taxonomy/roles'
import type { SectionName, SkillMention } from '../types'
import { layoutOf, type Layout } from './layout'

/**
 * How strongly a line proves a skill, by section (lower is stronger): a line from experience or
 * projects shows the skill in use, so it beats a bare skills list.
 */
export const EVIDENCE_STRENGTH: Record<SectionName | 'other', number> = {
  experience: 0,
  projects: 1,
  summary: 2,
  certifications: 3,
  skills: 4,
  education: 5,
  other: 6,
}

// Where a clause starts: after a sentence's or a list item's end, a colon, a bracket or a spaced dash.
const CLAUSE_END = /[.;!?|•:()](?=\s)|\s[-–—]\s/g
// Earlier in the clause, words that make the role someone the candidate worked with: "with the DBA
// team", "help from DBA", "reported to the Project Manager", "supported the DBA during the upgrade".
const WORKED_WITH =
  /\b(?:with|from|alongside|report(?:ed|ing|s)?\s+to)\b|\b(?:supported|helped|assisted)\s+(?:(?:the|our|their|a|an)\s+)?$/i
// The candidate's own role or people: "worked with Infosys as DBA", "from agent to operations manager",
// "with a team of 4 Area Sales Managers".
const THEIR_OWN_ROLE =
  /\bas\s+(?:(?:a|an|the|their|lead|senior)\s+)?$|\bfrom\b.*\bto\s+(?:(?:a|an)\s+)?$|\b(?:team|group) of\s+(?:(?:[\d,+]+|several|many)\s+)?(?:[\w-]+\s+){0,2}$/i

/**
 * The matches of `text` that are the candidate's: without those that name someone they worked with by
 * their role. Reading and the resume's highlights both ask, so that a highlighted skill is a read one.
 */
export function ownMatches(text: string, matches: readonly SkillMatch[]): SkillMatch[] {
  let lines: readonly string[] | undefined
  return matches.filter((match) => {
    lines ??= text.split('\n')
    const line = lines[match.lineIndex] ?? ''
    // A name wrapped onto the next line ("with business" / "analysts") has its offsets in both lines joined.
    return !someoneElse(match, match.end > line.length ? `${line}\n${lines[match.lineIndex + 1] ?? ''}` : line)
  })
}

/** The mention names someone the candidate worked with, or hired, by their role, not the candidate's skill. */
function someoneElse(match: SkillMatch, line: string): boolean {
  const before = line.slice(0, match.start)
  let from = 0
  for (const end of before.matchAll(CLAUSE_END)) from = end.index + end[0].length
  const clause = before.slice(from)
  if (HIRED.test(clause) && HIRED_AS.test(line.slice(match.start, match.end) + clauseAfter(line, match.end)))
    return true
  if (!namesAPerson(line, match.start, match.end)) return false
  // "wrote stored procs when DBA team was busy": a team named by its role is others, unless theirs.
  if (TEAM_AFTER.test(line.slice(match.end, match.end + 8))) return !IN_THE_TEAM.test(clause)
  return WORKED_WITH.test(clause) && !THEIR_OWN_ROLE.test(clause)
}

// A recruiter's work names the roles they filled: "hired field sales executives", "sourcing for Java,
// SAP and DevOps roles", "placed 40 SAP ABAP consultants". Their own team is not among them ("hired and
// trained a field sales team").
const HIRED = /\b(?:hired|hiring|recruited|recruiting|sourced|sourcing|headhunted|placed|onboarded)\b/i
const HIRED_AS =
  /\b(?:executives|developers|engineers|managers|reps|representatives|advisors|agents|associates|officers|trainers|testers|analysts|consultants|designers|architects|roles?|positions?|profiles?|openings?|requirements|mandates|candidates|talent|professionals)\b/i

/** The rest of the clause a mention stands in. */
function clauseAfter(line: string, end: number): string {
  const rest = line.slice(end)
  // search() reads a global pattern from the start whatever its lastIndex.
  const stop = rest.search(CLAUSE_END)
  return stop === -1 ? rest : rest.slice(0, stop)
}

const TEAM_AFTER = /^s?\s+teams?\b/i
// "led the DBA team", "part of the QA Analyst team", "worked in our DBA team".
const IN_THE_TEAM =
  /\b(?:led|lead(?:ing)?|managed|managing|head(?:ed|ing)?(?:\s+of)?|part\s+of|member\s+of|joined|in|within|into|on)\s+(?:(?:the|a|an|our|my|their)\s+)?$/i

/**
 * Each taxonomy skill named in the visible text, once, with the line that proves it. A hobby is not
 * a skill offered for work ("Hobbies: sketching" for a tester), nor is the post applied for, so such
 * lines prove none (sections.ts).
 */
export function readSkills(
  text: string,
  { lineSections, noSkillLines }: Pick<Layout, 'lineSections' | 'noSkillLines'>,
  taxonomy: Taxonomy,
): SkillMention[] {
  const best = new Map<string, SkillMention & { rank: number; order: number }>()
  ownMatches(text, taxonomy.findSkills(text)).forEach((match, order) => {
    if (noSkillLines.has(match.lineIndex)) return
    const section = lineSections[match.lineIndex] ?? 'other'
    const rank = EVIDENCE_STRENGTH[section]
    const existing = best.get(match.skillId)
    if (existing && existing.rank <= rank) return
    best.set(match.skillId, {
      skillId: match.skillId,
      name: match.name,
      // Whole: the reader's lines are bounded (lines.ts), and a cut line would no longer be in the text.
      evidence: match.line,
      section,
      rank,
      order: existing?.order ?? order,
    })
  })
  return [...best.values()]
    .sort((a, b) => a.order - b.order)
    .map(({ rank: _rank, order: _order, ...mention }) => mention)
}

/**
 * The skills of a resume's visible text alone, as readResume reads them (its lines and sections
 * first): so stored resumes can be read again when the taxonomy changes, without the rest of the reader.
 */
export function readSkillsIn(text: string, taxonomy: Taxonomy): SkillMention[] {
  const layout = layoutOf(text)
  return readSkills(layout.lines.join('\n'), layout, taxonomy)
}
