import type { JobOpeningView } from '../../../../shared/contract/screening'
import { termHash } from './term-vector'
import { tokenize } from './tokenize'
import type { ScoringJob } from './types'

/** Enough terms to describe any job; beyond this a long description adds cost, not signal. */
const MAX_QUERY_TERMS = 200
/** A word repeated throughout a description should not outweigh everything else. */
const MAX_REPEATS = 3

export type ScoringJobSource = Pick<
  JobOpeningView,
  | 'title'
  | 'description'
  | 'requirements'
  | 'requiredSkills'
  | 'preferredSkills'
  | 'minYears'
  | 'educationLevel'
  | 'weights'
>

export const isCustomSkill = (skillId: string) => skillId.startsWith('custom:')

/**
 * The job as BM25 sees it: the title counts twice, then the skills asked for, the requirements and
 * the description. Order matters when the term cap is reached: what the recruiter stated most
 * explicitly is kept.
 */
export function jobQueryTerms(job: ScoringJobSource): string[] {
  const skills = [...job.requiredSkills, ...job.preferredSkills].map((s) => s.name).join(' ')
  const tokens = tokenize([job.title, job.title, skills, job.requirements, job.description].join('\n'))
  const counts = new Map<string, number>()
  const out: string[] = []
  for (const token of tokens) {
    const seen = counts.get(token) ?? 0
    if (seen >= MAX_REPEATS) continue
    if (!seen && counts.size >= MAX_QUERY_TERMS) continue
    counts.set(token, seen + 1)
    out.push(token)
  }
  return out
}

export function scoringJobOf(job: ScoringJobSource): ScoringJob {
  const customSkillTerms = new Map<string, number[]>()
  for (const skill of [...job.requiredSkills, ...job.preferredSkills]) {
    if (isCustomSkill(skill.skillId))
      customSkillTerms.set(skill.skillId, [...new Set(tokenize(skill.name))].map(termHash))
  }
  return {
    requiredSkills: job.requiredSkills,
    preferredSkills: job.preferredSkills,
    minYears: job.minYears,
    educationLevel: job.educationLevel,
    weights: job.weights,
    queryHashes: jobQueryTerms(job).map(termHash),
    customSkillTerms,
  }
}
