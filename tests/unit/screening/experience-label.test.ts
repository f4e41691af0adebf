import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { CandidateDetail, IntakeBatchDetail, IntakeBatchView } from '@shared/contract/screening'
import { DEFAULT_SCORE_WEIGHTS } from '@shared/contract/screening'
import type { Studio } from '@core/studio'
import { explainScore } from '@core/screening/scoring/explain'
import { describeExperience } from '@core/screening/scoring/experience-label'
import { scoringJobOf } from '@core/screening/scoring/job-query'
import { scoreCandidate } from '@core/screening/scoring/score'
import { buildTermVector } from '@core/screening/scoring/term-vector'
import { createTempStudio, tempDir } from '../../helpers/temp-studio'

describe('the years label', () => {
  it.each([
    [{ years: 6, basis: 'dates', confidence: 'high' }, '6 years'],
    [{ years: 6, basis: 'dates', confidence: 'medium' }, '≈ 6 years (from years without months)'],
    [{ years: 8.7, basis: 'stated', confidence: 'medium' }, '≈ 8.7 years (stated)'],
    [{ years: 15, basis: 'stated', confidence: 'low' }, '≈ 15 years (stated; the dates show less)'],
    [{ years: 3.8, basis: 'durations', confidence: 'medium' }, '≈ 3.8 years (from job lengths)'],
    [{ years: 0, basis: 'none', confidence: 'low' }, 'no dates or stated total found'],
  ] as const)('%o', (reading, label) => {
    expect(describeExperience(reading).label).toBe(label)
  })

  it('is carried into the score’s experience part and its explanation', () => {
    const source = {
      title: 'QA Engineer',
      description: '',
      requirements: '',
      requiredSkills: [],
      preferredSkills: [],
      minYears: 5,
      educationLevel: 'none' as const,
      weights: DEFAULT_SCORE_WEIGHTS,
    }
    const candidate = {
      candidateId: 'c',
      skillIds: new Set<string>(),
      totalYears: 8.7,
      educationRank: 0,
      terms: buildTermVector([]),
    }
    const input = {
      job: source,
      breakdown: scoreCandidate(scoringJobOf(source), candidate, 0),
      evidence: {},
      candidateSkills: [],
      totalYears: 8.7,
      experience: { years: 8.7, basis: 'stated', confidence: 'medium' } as const,
      educationLevel: 'none' as const,
      semantic: null,
    }
    const view = explainScore(input)
    expect(view.experience?.label).toBe('≈ 8.7 years (stated)')
    expect(view.parts.find((part) => part.key === 'experience')?.detail).toBe(
      '≈ 8.7 years (stated) against a minimum of 5 years',
    )
    expect(view.explanation).toContain('8.7 years of experience (stated) meets the 5 years minimum.')

    // With required skills, the part says the years count only as far as the candidate has them.
    const skill = (skillId: string, name: string) => ({ skillId, name, weight: 1 })
    const withSkills = { ...source, requiredSkills: [skill('selenium', 'Selenium'), skill('java', 'Java')] }
    const breakdown = scoreCandidate(scoringJobOf(withSkills), { ...candidate, skillIds: new Set(['java']) }, 0)
    const explained = explainScore({ ...input, job: withSkills, breakdown })
    const part = explained.parts.find((p) => p.key === 'experience')
    expect(part?.value).toBeCloseTo(0.5)
    expect(explained.explanation).toContain(
      '8.7 years of experience (stated) meets the 5 years minimum, counted at 50%, the share of required skills they have.',
    )
    expect(part?.detail).toBe(
      '≈ 8.7 years (stated) against a minimum of 5 years, counted at 50%, the share of required skills they have',
    )
  })
})

let studio: Studio | undefined
afterEach(async () => {
  await studio?.close()
  studio = undefined
})

describe('the candidate detail', () => {
  it('shows how the years were read', async () => {
    const temp = await createTempStudio()
    studio = temp.studio
    const call = async <T>(name: string, input: unknown): Promise<T> => {
      const result = await studio!.dispatch(name, input, { audience: 'recruiter' })
      if (!result.ok) throw new Error(`${name}: ${result.error.message}`)
      return result.value as T
    }
    const dir = tempDir('panelist-years-')
    await writeFile(
      path.join(dir, 'ravi.txt'),
      'Ravi Kumar\nEmail: ravi@example.com\nExperience - 104 months\nSKILLS\nManual testing, Selenium\n',
    )
    await temp.pick([dir])
    const started = await call<IntakeBatchView>('intake.importPaths', { paths: [dir] })
    let batch: IntakeBatchDetail
    do {
      await studio.queue.idle()
      batch = await call<IntakeBatchDetail>('intake.get', { batchId: started.id })
    } while (batch.status === 'queued' || batch.status === 'running')
    const detail = await call<CandidateDetail>('candidates.get', { candidateId: batch.items[0]!.candidateId })
    expect(detail.totalYears).toBe(8.7)
    expect(detail.experience).toEqual({
      years: 8.7,
      basis: 'stated',
      confidence: 'medium',
      label: '≈ 8.7 years (stated)',
    })
  })
})
