import type { TaxonomySkill } from '../types'

/**
 * Categories whose skills do not stand in for one another: knowing Python says nothing of Java,
 * French nothing of German, Excel nothing of Outlook, teamwork nothing of negotiation; and
 * 'engineering' holds civil, mechanical and electrical work alike (CATIA says nothing of ETAP).
 */
const UNRELATED_WITHIN = new Set([
  'programming-languages',
  'spoken-languages',
  'soft-skills',
  'office-productivity',
  'business',
  'engineering',
])

/** Which skills count as evidence toward a skill: those of its taxonomy category, where the category allows. */
export type RelatedSkills = (skillId: string) => readonly string[]

export function relatedSkillsOf(skills: readonly TaxonomySkill[]): RelatedSkills {
  const byCategory = new Map<string, string[]>()
  for (const skill of skills) byCategory.set(skill.category, [...(byCategory.get(skill.category) ?? []), skill.id])
  const categoryOf = new Map(skills.map((skill) => [skill.id, skill.category]))
  return (skillId) => {
    const category = categoryOf.get(skillId)
    if (!category || UNRELATED_WITHIN.has(category)) return []
    return byCategory.get(category)!.filter((id) => id !== skillId)
  }
}
