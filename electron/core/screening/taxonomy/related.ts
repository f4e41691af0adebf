import type { TaxonomyData, TaxonomyEntry } from './schema'

/** A skill of a contrast, with the forms it is written in (its name and aliases). */
export interface ContrastingSkill {
  skillId: string
  forms: readonly string[]
}

/** Which skills count as evidence toward a skill; and which skills name different roles. */
export interface RelatedSkills {
  (skillId: string): readonly string[]
  /** The taxonomy's contrasts (manual testing against test automation), each skill with its forms. */
  contrasts?: readonly (readonly ContrastingSkill[])[]
}

/**
 * The skills sharing a related group with a skill (see the taxonomy's relatedGroups). A whole
 * category was too coarse a neighbourhood: it made Git evidence toward Azure and Tableau toward deep
 * learning. A skill in no group has no related skills.
 */
export function relatedSkillsOf(
  data: Pick<TaxonomyData, 'relatedGroups' | 'contrasts'> & { skills: readonly TaxonomyEntry[] },
): RelatedSkills {
  const groups = data.relatedGroups ?? []
  const related = new Map<string, Set<string>>()
  for (const group of groups) {
    for (const id of group.skills) {
      const others = related.get(id) ?? new Set()
      for (const other of group.skills) if (other !== id) others.add(other)
      related.set(id, others)
    }
  }
  const lists = new Map([...related].map(([id, others]) => [id, [...others]]))
  const byId = new Map(data.skills.map((skill) => [skill.id, skill]))
  const contrasts = (data.contrasts ?? []).map((contrast) =>
    contrast.skills.map((skillId) => {
      const skill = byId.get(skillId)
      return { skillId, forms: skill ? [skill.name, ...skill.aliases] : [] }
    }),
  )
  return Object.assign((skillId: string) => lists.get(skillId) ?? [], { contrasts })
}
