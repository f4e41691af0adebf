import type { JobSkill } from '../../../../shared/contract/screening'

/**
 * A skill listed twice — also under two names that resolve to one taxonomy skill ("Manual testing",
 * "Test case design") — or both required and preferred, counts once, as first listed (required first).
 */
export function distinctSkills(required: readonly JobSkill[], preferred: readonly JobSkill[]) {
  const seen = new Set<string>()
  const keep = (list: readonly JobSkill[]) =>
    list.filter((skill) => {
      if (seen.has(skill.skillId)) return false
      seen.add(skill.skillId)
      return true
    })
  return { requiredSkills: keep(required), preferredSkills: keep(preferred) }
}
