import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ExportedFile } from '@shared/contract/exports'
import type { AdverseImpactReport, SelfIdentification } from '@shared/contract/fairness'
import { createTempStudio } from '../../helpers/temp-studio'
import { readCsv } from '../exports/read-csv'
import { recruiterCall, seedApplicant } from './seed'

type Studio = Awaited<ReturnType<typeof createTempStudio>>['studio']

let studio: Studio
let jobId: string

beforeEach(async () => {
  ;({ studio } = await createTempStudio({ startWorkers: false }))
  jobId = (await recruiterCall<{ id: string }>(studio, 'jobs.create', { title: 'Support engineer' })).id
})
afterEach(() => studio.close())

const answered = (sex: SelfIdentification['sex']): SelfIdentification => ({ sex, race: null, ageBand: null })

/** The fixture: 80 women of whom 48 were shortlisted, 40 men of whom 12 were. */
async function seedFixture() {
  for (let i = 0; i < 80; i++) {
    await seedApplicant(studio, jobId, {
      name: `F${i}`,
      status: i < 48 ? 'shortlisted' : 'screened',
      answers: answered('female'),
    })
  }
  for (let i = 0; i < 40; i++) {
    await seedApplicant(studio, jobId, {
      name: `M${i}`,
      status: i < 12 ? 'interviewing' : 'rejected',
      answers: answered('male'),
    })
  }
  await seedApplicant(studio, jobId, { name: 'Unanswered', status: 'hired' })
  await seedApplicant(studio, jobId, { name: 'Declined', status: 'new', answers: answered('prefer_not_to_say') })
}

describe('adverse-impact report', () => {
  it('matches the hand-computed fixture from stored pipelines and self-identification', async () => {
    await seedFixture()
    const report = await recruiterCall<AdverseImpactReport>(studio, 'fairness.report', { jobId })
    expect(report.applicants).toBe(122)
    const sex = report.tables.find((t) => t.stage === 'screening' && t.dimension === 'sex')!
    expect(
      sex.rows.map(({ category, applicants, selected, selectionRate, impactRatio, flagged }) => ({
        category,
        applicants,
        selected,
        selectionRate,
        impactRatio,
        flagged,
      })),
    ).toEqual([
      { category: 'female', applicants: 80, selected: 48, selectionRate: 0.6, impactRatio: 1, flagged: false },
      { category: 'male', applicants: 40, selected: 12, selectionRate: 0.3, impactRatio: 0.5, flagged: true },
    ])
    expect(sex.unknown).toEqual({ applicants: 2, selected: 1 })
    // Nobody answered the race question: every applicant is unknown there, and nothing is compared.
    const race = report.tables.find((t) => t.stage === 'screening' && t.dimension === 'race')!
    expect(race.rows).toEqual([])
    expect(race.unknown.applicants).toBe(122)
    expect(race.smallSample).toBe(true)
  })

  it('writes the NYC Local Law 144 table as CSV, with the unknown row apart', async () => {
    await seedFixture()
    const file = await recruiterCall<ExportedFile>(studio, 'fairness.reportCsv', { jobId })
    expect(file.fileName).toBe('Support-engineer-adverse-impact.csv')
    const rows = readCsv(file.text)
    const screeningSex = rows.filter((r) => r.Stage === 'Advanced after screening' && r.Dimension === 'Sex')
    expect(screeningSex).toEqual([
      expect.objectContaining({
        Category: 'Female',
        'Number of applicants': '80',
        'Selection rate': '0.600',
        'Impact ratio': '1.000',
        'Below four-fifths': 'no',
      }),
      expect.objectContaining({
        Category: 'Male',
        'Number of applicants': '40',
        'Selection rate': '0.300',
        'Impact ratio': '0.500',
        'Below four-fifths': 'yes',
      }),
      expect.objectContaining({
        Category: 'Unknown (not answered or prefer not to say)',
        'Number of applicants': '2',
        'Impact ratio': '',
      }),
    ])
  })

  it('stores answers apart, replaces them, and forgets them when all are cleared', async () => {
    const candidateId = await seedApplicant(studio, jobId, { name: 'Ada', status: 'new', answers: answered('female') })
    expect(await recruiterCall(studio, 'fairness.selfId', { candidateId })).toEqual(answered('female'))
    await recruiterCall(studio, 'fairness.setSelfId', {
      candidateId,
      answers: { sex: null, race: null, ageBand: null },
    })
    const rows = await studio.db.selectFrom('self_identifications').selectAll().execute()
    expect(rows).toEqual([])
    const refused = await studio.dispatch(
      'fairness.setSelfId',
      { candidateId, answers: { sex: 'unsaid', race: null, ageBand: null } },
      { audience: 'recruiter' },
    )
    expect(refused.ok).toBe(false)
  })

  it('refuses the kiosk every export and fairness request', async () => {
    const candidateId = await seedApplicant(studio, jobId, { name: 'Ada', status: 'new' })
    const calls: [string, unknown][] = [
      ['fairness.selfId', { candidateId }],
      ['fairness.setSelfId', { candidateId, answers: answered('female') }],
      ['fairness.report', { jobId }],
      ['fairness.reportCsv', { jobId }],
      ['exports.pipelineCsv', { jobId }],
      ['exports.jsonResume', { candidateId }],
    ]
    for (const [name, input] of calls) {
      const result = await studio.dispatch(name, input, { audience: 'kiosk' })
      expect(result.ok, name).toBe(false)
      if (!result.ok) expect(result.error.code, name).toBe('forbidden')
    }
    expect(await studio.db.selectFrom('self_identifications').selectAll().execute()).toEqual([])
  })
})
