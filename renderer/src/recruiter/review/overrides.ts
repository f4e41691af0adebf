import type { ScoreOverrideView } from '../../../../shared/contract/interviews'

/** The override that stands for one score of one assessment: the newest (the list comes newest first). */
export function standingOverride(
  overrides: readonly ScoreOverrideView[],
  assessmentId: string,
  answerId: string | null,
  dimension: ScoreOverrideView['dimension'],
): ScoreOverrideView | undefined {
  return overrides.find((o) => o.assessmentId === assessmentId && o.answerId === answerId && o.dimension === dimension)
}
