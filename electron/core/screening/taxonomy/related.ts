import type { TaxonomyData } from './schema'

/** Which skills count as evidence toward a skill. */
export type RelatedSkills = (skillId: string) => readonly string[]

/**
 * The skills sharing a related group with a skill (see the taxonomy's relatedGroups). A whole
 * category was too coarse a neighbourhood: it made Git evidence toward Azure and Tableau toward deep
 * learning. A skill in no group has no related skills.
 */
export function relatedSkillsOf(groups: TaxonomyData['relatedGroups'] = []): RelatedSkills {
  const related = new Map<string, Set<string>>()
  for (const group of groups) {
    for (const id of group.skills) {
      const others = related.get(id) ?? new Set()
      for (const other of group.skills) if (other !== id) others.add(other)
      related.set(id, others)
    }
  }
  const lists = new Map([...related].map(([id, others]) => [id, [...others]]))
  return (skillId) => lists.get(skillId) ?? []
}
