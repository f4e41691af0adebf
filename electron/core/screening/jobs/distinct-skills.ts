import type { JobSkill } from '../../../../shared/contract/screening'

/**
 * A skill listed twice — also under two names that resolve to one taxonomy skill ("Manual testing",
 * "Test case design") — or both required and preferred, counts once, as first listed (required first).
 * So does a skill listed on its own and as another's alternative: the alternative goes.
 */
export function distinctSkills(required: readonly JobSkill[], preferred: readonly JobSkill[]) {
  const seen = new Set<string>()
  const keep = (list: readonly JobSkill[]) =>
    list.flatMap((skill): JobSkill[] => {
      if (seen.has(skill.skillId)) return []
      seen.add(skill.skillId)
      const alternatives = (skill.alternatives ?? []).filter((alternative) => {
        if (seen.has(alternative.skillId)) return false
        seen.add(alternative.skillId)
        return true
      })
      const { alternatives: _listed, ...single } = skill
      return [alternatives.length ? { ...single, alternatives } : single]
    })
  return { requiredSkills: keep(required), preferredSkills: keep(preferred) }
}
