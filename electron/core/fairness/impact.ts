import {
  PREFER_NOT_TO_SAY,
  STAGES,
  type CategoryRow,
  type Dimension,
  type DimensionTable,
  type SelfIdentification,
  type Stage,
} from '../../../shared/contract/fairness'
import type { StageOutcome } from './stages'

/** The four-fifths rule (EEOC Uniform Guidelines, 29 CFR 1607.4(D)): a ratio below this is flagged. */
export const FOUR_FIFTHS = 0.8
/** Below these counts a rate moves a lot with one person; the report warns rather than hides. */
export const MIN_PER_CATEGORY = 5
export const MIN_OVERALL = 30

export const DIMENSIONS: readonly Dimension[] = ['sex', 'race', 'ageBand']

export interface Applicant {
  answers: SelfIdentification
  stages: Record<Stage, StageOutcome>
}

/** One dimension at one stage: rates per known category, impact ratios against the highest, and "unknown" apart. */
export function dimensionTable(applicants: readonly Applicant[], dimension: Dimension, stage: Stage): DimensionTable {
  const counts = new Map<string, { applicants: number; selected: number }>()
  const unknown = { applicants: 0, selected: 0 }
  for (const applicant of applicants) {
    const outcome = applicant.stages[stage]
    if (!outcome.considered) continue
    const answer = applicant.answers[dimension]
    const bucket =
      answer === null || answer === PREFER_NOT_TO_SAY
        ? unknown
        : (counts.get(answer) ?? counts.set(answer, { applicants: 0, selected: 0 }).get(answer)!)
    bucket.applicants += 1
    if (outcome.selected) bucket.selected += 1
  }
  const rated = [...counts].map(([category, c]) => ({ category, ...c, selectionRate: c.selected / c.applicants }))
  const highest = Math.max(0, ...rated.map((r) => r.selectionRate))
  const rows: CategoryRow[] = rated
    .map((r) => {
      // With nobody selected in any category there is no highest rate to compare against.
      const impactRatio = highest > 0 ? r.selectionRate / highest : null
      return {
        ...r,
        impactRatio,
        flagged: impactRatio !== null && impactRatio < FOUR_FIFTHS,
        smallSample: r.applicants < MIN_PER_CATEGORY,
      }
    })
    .sort((a, b) => (b.selectionRate ?? 0) - (a.selectionRate ?? 0) || a.category.localeCompare(b.category))
  const known = rated.reduce((sum, r) => sum + r.applicants, 0)
  return { dimension, stage, rows, unknown, smallSample: known < MIN_OVERALL }
}

/** Every dimension at every stage, screening first. */
export function impactTables(applicants: readonly Applicant[]): DimensionTable[] {
  return STAGES.flatMap((stage) => DIMENSIONS.map((dimension) => dimensionTable(applicants, dimension, stage)))
}
