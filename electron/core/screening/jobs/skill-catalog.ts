import crypto from 'node:crypto'
import type { SkillSuggestion } from '../../../../shared/contract/screening'
import { startingWeight } from '../../../../shared/contract/screening/skill-weight'
import { detectSections } from '../read/sections'
import { ownMatches, readSkillsIn } from '../read/skills'
import type { RelatedSkills, Taxonomy } from '../taxonomy'
import type { SkillMention } from '../types'
import { postingSkills } from './posting-skills'

/** A skill named in a text, by absolute character offsets. */
export interface SkillSpan {
  skillId: string
  start: number
  end: number
}

/** What jobs and candidates need from the skill taxonomy: the narrow view the using side depends on. */
export interface SkillCatalog {
  /** Skills a posting asks for, each with the line that names it (see posting-skills.ts). */
  suggest(title: string, text: string): SkillSuggestion[]
  /** Skills whose name or alias matches the query, best first, for a picker. */
  search(query: string, limit: number): SkillSuggestion[]
  /** Where a resume names taxonomy skills as its own (not a role it worked with), for highlighting. */
  spans(text: string): SkillSpan[]
  nameOf(skillId: string): string | undefined
  /** The skills that count as part evidence toward one. */
  related: RelatedSkills
  /** The skills a resume's visible text names, each once with its line, as the reader reads them. */
  skillsIn(text: string): SkillMention[]
  /** Changes whenever the taxonomy does: stored skills read under another version are read again. */
  version: string
}

/** Exact name or alias first, then prefixes, then word prefixes, then anything containing the query. */
function searchRank(query: string, forms: string[]): number {
  let best = Infinity
  for (const form of forms) {
    const lower = form.toLowerCase()
    if (lower === query) return 0
    if (lower.startsWith(query)) best = Math.min(best, 1)
    else if (lower.split(/[\s./-]+/).some((word) => word.startsWith(query))) best = Math.min(best, 2)
    else if (lower.includes(query)) best = Math.min(best, 3)
  }
  return best
}

export function taxonomyCatalog(taxonomy: Taxonomy): SkillCatalog {
  const categoryName = new Map(taxonomy.categories.map((c) => [c.id, c.name]))
  const category = (id: string) => categoryName.get(id) ?? id
  return {
    version: crypto.createHash('sha256').update(JSON.stringify(taxonomy.data)).digest('hex').slice(0, 16),
    skillsIn: (text) => readSkillsIn(text, taxonomy),
    suggest: (title, text) =>
      postingSkills(taxonomy, title, text).map((s) => ({
        skillId: s.skillId,
        name: s.name,
        category: category(s.category),
        weight: startingWeight(s.category),
        evidence: s.evidence,
        importance: s.importance,
        ...(s.alternatives ? { alternatives: s.alternatives } : {}),
      })),
    search(query, limit) {
      const q = query.trim().toLowerCase()
      if (!q) return []
      return taxonomy.skills
        .map((skill) => ({ skill, rank: searchRank(q, [skill.name, ...skill.aliases]) }))
        .filter((r) => r.rank < Infinity)
        .sort(
          (a, b) =>
            a.rank - b.rank || a.skill.name.length - b.skill.name.length || a.skill.name.localeCompare(b.skill.name),
        )
        .slice(0, limit)
        .map(({ skill }) => ({
          skillId: skill.id,
          name: skill.name,
          category: category(skill.category),
          weight: startingWeight(skill.category),
        }))
    },
    spans(text) {
      const lineStarts: number[] = []
      let offset = 0
      const lines = text.split('\n')
      for (const line of lines) {
        lineStarts.push(offset)
        offset += line.length + 1
      }
      // What reading passes over (a hobby) is not highlighted as a skill either.
      const { noSkillLines } = detectSections(lines)
      return ownMatches(text, taxonomy.findSkills(text))
        .filter((m) => !noSkillLines.has(m.lineIndex))
        .map((m) => ({
          skillId: m.skillId,
          start: lineStarts[m.lineIndex]! + m.start,
          end: lineStarts[m.lineIndex]! + m.end,
        }))
    },
    nameOf: (skillId) => taxonomy.byId(skillId)?.name,
    related: taxonomy.related,
  }
}
