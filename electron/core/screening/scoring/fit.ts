import type { JobSkill } from '../../../../shared/contract/screening'
import { fieldHash, frequencyOf, type TermVector } from './term-vector'
import type { CustomSkillPhrase, ScoringJob, SkillSet } from './types'

export interface Coverage {
  /** Weighted share of the listed skills the candidate has, 0..1. */
  value: number
  matched: string[]
  missing: string[]
  /** Missing skills credited in part for a related skill the candidate has. */
  related: { skillId: string; via: string }[]
}

/**
 * A related skill (one sharing a group of the taxonomy: Selenium toward Test Automation) earns this
 * share of a missing skill's weight: evidence that the person works in the area, not that they have
 * the skill.
 */
export const RELATED_CREDIT = 0.25

/** A word said once in passing ("after sales") is incidental; said again it is part of the person's work. */
const REPEATED = 2

/**
 * A skill outside the taxonomy is named in a resume when its words stand together as a phrase in
 * the text, or all appear in the skills or title field. A one-word skill needs the skills or title
 * field, or to be said at least twice: one passing word does not make a skill.
 */
export function hasCustomSkill(phrase: CustomSkillPhrase, terms: TermVector): boolean {
  if (!phrase.terms.length) return false
  const inField = (field: 'skills' | 'title') =>
    phrase.terms.every((hash) => frequencyOf(terms, fieldHash(hash, field)) > 0)
  if (inField('skills') || inField('title')) return true
  if (phrase.pairs.length) return phrase.pairs.every((hash) => frequencyOf(terms, hash) > 0)
  return frequencyOf(terms, phrase.terms[0]!) >= REPEATED
}

/** A skill counts when the resume's visible text names it (taxonomy) or holds it as a phrase (custom). */
export function hasSkill(
  skillId: string,
  skillIds: SkillSet,
  terms: TermVector,
  customSkills: ReadonlyMap<string, CustomSkillPhrase>,
): boolean {
  if (skillIds.has(skillId)) return true
  const custom = customSkills.get(skillId)
  return !!custom && hasCustomSkill(custom, terms)
}

/**
 * One of the skill's alternatives counts ("Adobe XD" for "Figma or Adobe XD"). Asked apart from the
 * skill itself, without a list of its ids: this runs for every skill of every candidate of a re-rank.
 */
function hasAlternative(
  skill: JobSkill,
  skillIds: SkillSet,
  terms: TermVector,
  customSkills: ReadonlyMap<string, CustomSkillPhrase>,
): boolean {
  if (!skill.alternatives) return false
  for (const alternative of skill.alternatives)
    if (hasSkill(alternative.skillId, skillIds, terms, customSkills)) return true
  return false
}

/** The first of the candidate's skills in `ids`: a candidate names a few dozen, a category holds up to a hundred. */
function firstIn(skillIds: SkillSet, ids: ReadonlySet<string> | undefined): string | undefined {
  if (!ids) return undefined
  for (const id of skillIds) if (ids.has(id)) return id
  return undefined
}

export function skillCoverage(
  skills: readonly JobSkill[],
  skillIds: SkillSet,
  terms: TermVector,
  job: Pick<ScoringJob, 'customSkills' | 'related'>,
): Coverage {
  let total = 0
  let got = 0
  const coverage: Coverage = { value: 0, matched: [], missing: [], related: [] }
  for (const skill of skills) {
    total += skill.weight
    if (
      hasSkill(skill.skillId, skillIds, terms, job.customSkills) ||
      hasAlternative(skill, skillIds, terms, job.customSkills)
    ) {
      got += skill.weight
      coverage.matched.push(skill.skillId)
      continue
    }
    coverage.missing.push(skill.skillId)
    const via = firstIn(skillIds, job.related.get(skill.skillId))
    if (via) {
      got += skill.weight * RELATED_CREDIT
      coverage.related.push({ skillId: skill.skillId, via })
    }
  }
  coverage.value = total ? got / total : 0
  return coverage
}

/**
 * Full marks at or above the minimum; below it, in proportion, so 4 of 5 years is 0.8. The years
 * count as this job's experience in proportion to `relevance`, the share of its required skills the
 * candidate has: ten years as a Java developer are not ten years of SAP.
 */
export function experienceFit(years: number, minYears: number, relevance = 1): number {
  if (minYears <= 0) return 1
  return Math.max(0, Math.min(1, years / minYears)) * relevance
}

/** Full marks at or above the level asked; one level short is half; further short is nothing. */
export function educationFit(rank: number, requiredRank: number): number {
  if (rank >= requiredRank) return 1
  return rank === requiredRank - 1 ? 0.5 : 0
}
