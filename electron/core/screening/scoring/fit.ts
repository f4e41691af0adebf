import type { JobSkill } from '../../../../shared/contract/screening'
import { frequencyOf, type TermVector } from './term-vector'
import type { SkillSet } from './types'

export interface Coverage {
  /** Weighted share of the listed skills the candidate has, 0..1. */
  value: number
  matched: string[]
  missing: string[]
}

/** A skill counts when the resume's visible text names it (taxonomy) or holds all of its words (custom). */
export function hasSkill(
  skillId: string,
  skillIds: SkillSet,
  terms: TermVector,
  customSkillTerms: ReadonlyMap<string, number[]>,
): boolean {
  if (skillIds.has(skillId)) return true
  const custom = customSkillTerms.get(skillId)
  return !!custom?.length && custom.every((hash) => frequencyOf(terms, hash) > 0)
}

export function skillCoverage(
  skills: readonly JobSkill[],
  skillIds: SkillSet,
  terms: TermVector,
  customSkillTerms: ReadonlyMap<string, number[]>,
): Coverage {
  let total = 0
  let got = 0
  const matched: string[] = []
  const missing: string[] = []
  for (const skill of skills) {
    total += skill.weight
    if (hasSkill(skill.skillId, skillIds, terms, customSkillTerms)) {
      got += skill.weight
      matched.push(skill.skillId)
    } else missing.push(skill.skillId)
  }
  return { value: total ? got / total : 0, matched, missing }
}

/** Full marks at or above the minimum; below it, in proportion, so 4 of 5 years is 0.8. */
export function experienceFit(years: number, minYears: number): number {
  if (minYears <= 0) return 1
  return Math.max(0, Math.min(1, years / minYears))
}

/** Full marks at or above the level asked; one level short is half; further short is nothing. */
export function educationFit(rank: number, requiredRank: number): number {
  if (rank >= requiredRank) return 1
  return rank === requiredRank - 1 ? 0.5 : 0
}
