import { describe, expect, it } from 'vitest'
import { dimensionTable, type Applicant } from '@core/fairness/impact'
import { stageOutcomes } from '@core/fairness/stages'
import type { SelfIdentification } from '@shared/contract/fairness'

const none: SelfIdentification = { sex: null, race: null, ageBand: null }

/** `count` applicants with this sex, the first `selected` of them advanced after screening. */
const group = (sex: SelfIdentification['sex'], count: number, selected: number): Applicant[] =>
  Array.from({ length: count }, (_, i) => ({
    answers: { ...none, sex },
    stages: {
      screening: { considered: true, selected: i < selected },
      interview: { considered: false, selected: false },
    },
  }))

describe('impact ratios', () => {
  it('matches the hand-computed fixture: 48/80 = 0.6 against 12/40 = 0.3 is a ratio of 0.5, flagged', () => {
    const table = dimensionTable([...group('female', 80, 48), ...group('male', 40, 12)], 'sex', 'screening')
    expect(table.rows).toEqual([
      {
        category: 'female',
        applicants: 80,
        selected: 48,
        selectionRate: 0.6,
        impactRatio: 1,
        flagged: false,
        smallSample: false,
      },
      {
        category: 'male',
        applicants: 40,
        selected: 12,
        selectionRate: 0.3,
        impactRatio: 0.5,
        flagged: true,
        smallSample: false,
      },
    ])
    expect(table.smallSample).toBe(false)
  })

  it('counts "prefer not to say" and no answer as unknown, apart from the comparison', () => {
    const table = dimensionTable(
      [...group('female', 10, 5), ...group('prefer_not_to_say', 3, 3), ...group(null, 2, 0)],
      'sex',
      'screening',
    )
    expect(table.rows.map((r) => r.category)).toEqual(['female'])
    expect(table.unknown).toEqual({ applicants: 5, selected: 3 })
  })

  it('warns under 5 in a category or 30 known overall, and does not flag exactly four fifths', () => {
    const table = dimensionTable(
      [...group('female', 5, 5), ...group('male', 4, 4), ...group('other', 10, 8)],
      'sex',
      'screening',
    )
    const byCategory = Object.fromEntries(table.rows.map((r) => [r.category, r]))
    expect(byCategory.male!.smallSample).toBe(true)
    expect(byCategory.female!.smallSample).toBe(false)
    expect(byCategory.other!.impactRatio).toBeCloseTo(0.8)
    expect(byCategory.other!.flagged).toBe(false)
    expect(table.smallSample).toBe(true)
  })

  it('gives no ratio when nobody in any category was selected', () => {
    const table = dimensionTable([...group('female', 6, 0), ...group('male', 6, 0)], 'sex', 'screening')
    expect(table.rows.every((r) => r.impactRatio === null && !r.flagged)).toBe(true)
  })
})

describe('stage outcomes', () => {
  const facts = { interviewed: false, decision: null }
  it('counts screening as passed when the application ever reached shortlisted, even if rejected later', () => {
    const outcome = stageOutcomes({
      ...facts,
      status: 'rejected',
      changes: [
        { to: 'new', kind: 'import' },
        { to: 'shortlisted', kind: 'set' },
        { to: 'rejected', kind: 'set' },
      ],
    })
    expect(outcome.screening.selected).toBe(true)
  })

  it('leaves out a change that was undone', () => {
    const outcome = stageOutcomes({
      ...facts,
      status: 'new',
      changes: [
        { to: 'new', kind: 'import' },
        { to: 'shortlisted', kind: 'set' },
        { to: 'new', kind: 'undo' },
      ],
    })
    expect(outcome.screening.selected).toBe(false)
  })

  it("counts the interview as passed on an offer or an 'advance' decision, and considered once interviewed", () => {
    expect(stageOutcomes({ status: 'maybe', changes: [], interviewed: true, decision: 'advance' }).interview).toEqual({
      considered: true,
      selected: true,
    })
    expect(stageOutcomes({ status: 'rejected', changes: [], interviewed: true, decision: 'reject' }).interview).toEqual(
      {
        considered: true,
        selected: false,
      },
    )
    expect(stageOutcomes({ ...facts, status: 'screened', changes: [] }).interview.considered).toBe(false)
  })
})
