import type { Difficulty, SkillBoundaryView } from '../../../../shared/contract/interviews'
import { rankOf, skillKey, type SkillRecord } from './state'

/** A question's outcome at or above this quality counts as passed at its difficulty. */
export const PASS_QUALITY = 0.6
/** Below this it counts as failed; in between the answer says nothing either way. */
export const FAIL_QUALITY = 0.4

export type Outcome = 'passed' | 'failed' | 'inconclusive'

export function outcomeOf(quality: number): Outcome {
  if (quality >= PASS_QUALITY) return 'passed'
  if (quality < FAIL_QUALITY) return 'failed'
  return 'inconclusive'
}

const higher = (a: Difficulty | null, b: Difficulty) => (a === null || rankOf(b) > rankOf(a) ? b : a)
const lower = (a: Difficulty | null, b: Difficulty) => (a === null || rankOf(b) < rankOf(a) ? b : a)

/** The name a skill's boundary is shown under; questions without a skill count towards "General". */
export const skillLabel = (skill: string): string => skill.trim() || 'General'

/** Records one question's outcome: the highest difficulty passed and the lowest failed, per skill. */
export function recordOutcome(
  skills: Record<string, SkillRecord>,
  skill: string,
  difficulty: Difficulty,
  outcome: Outcome,
): Record<string, SkillRecord> {
  const key = skillKey(skill)
  const before = skills[key] ?? { label: skillLabel(skill), highestPassed: null, lowestFailed: null }
  const after: SkillRecord = {
    ...before,
    highestPassed: outcome === 'passed' ? higher(before.highestPassed, difficulty) : before.highestPassed,
    lowestFailed: outcome === 'failed' ? lower(before.lowestFailed, difficulty) : before.lowestFailed,
  }
  return { ...skills, [key]: after }
}

/**
 * A skill's boundary is found once the candidate failed at some level (their ability stops below
 * it) or passed the hardest level there is (nothing above left to find).
 */
export function isResolved(record: SkillRecord | undefined): boolean {
  if (!record) return false
  return record.lowestFailed !== null || record.highestPassed === 'advanced'
}

export function boundaryViews(skills: Record<string, SkillRecord>): SkillBoundaryView[] {
  return Object.values(skills)
    .map((record) => ({
      skill: record.label,
      highestPassed: record.highestPassed,
      lowestFailed: record.lowestFailed,
      resolved: isResolved(record),
    }))
    .sort((a, b) => a.skill.localeCompare(b.skill))
}
