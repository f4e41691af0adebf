import type { Taxonomy } from '../taxonomy'
import type { SectionName, SkillMention } from '../types'
import { layoutOf } from './layout'
import type { LineSection } from './sections'

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

/** Each taxonomy skill named in the visible text, once, with the line that proves it. */
export function readSkills(text: string, lineSections: readonly LineSection[], taxonomy: Taxonomy): SkillMention[] {
  const best = new Map<string, SkillMention & { rank: number; order: number }>()
  taxonomy.findSkills(text).forEach((match, order) => {
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
  const { lines, lineSections } = layoutOf(text)
  return readSkills(lines.join('\n'), lineSections, taxonomy)
}
