import { afterEach, describe, expect, it } from 'vitest'
import type { Result } from '@shared/contract'
import type { Studio } from '@core/studio'
import { StudioRequestError, describeError } from '../../../renderer/src/api/client'
import { formProblems } from '../../../renderer/src/api/field-errors'
import { createTempStudio } from '../../helpers/temp-studio'

let studio: Studio | undefined
afterEach(async () => {
  await studio?.close()
  studio = undefined
})

const recruiter = { audience: 'recruiter' as const }

/** The renderer's error for a failed result, as api/client.ts builds it. */
function thrown(result: Result<unknown>): StudioRequestError {
  if (result.ok) throw new Error('expected a failure')
  const { code, message, issues, retryAfterMs, fields } = result.error
  return new StudioRequestError(code, message, issues, retryAfterMs ?? null, fields)
}

const JOB_FIELDS = ['title', 'salaryMin', 'salaryMax', 'salaryCurrency']

describe('invalid input crosses the boundary by field, in words, naming no request', () => {
  it('gives every problem of a job at once, each with its field', async () => {
    ;({ studio } = await createTempStudio({ startWorkers: false }))
    const result = await studio.dispatch(
      'jobs.create',
      { title: '', salaryMin: 90_000, salaryMax: 50_000, salaryCurrency: 'dollars', minYears: 80 },
      recruiter,
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('invalid_input')
    expect(result.error.fields).toEqual([
      { path: 'title', message: 'A job needs a title' },
      { path: 'salaryCurrency', message: 'Currency is a three-letter code such as USD' },
      { path: 'minYears', message: 'Must be 50 or less' },
      { path: 'salaryMin', message: 'The lowest salary must not be above the highest' },
    ])
    expect(JSON.stringify(result.error)).not.toContain('jobs.create')

    const problems = formProblems(thrown(result), JOB_FIELDS, { minYears: 'Years of experience' })
    expect(problems).toEqual({
      fields: {
        title: 'A job needs a title',
        salaryCurrency: 'Currency is a three-letter code such as USD',
        salaryMin: 'The lowest salary must not be above the highest',
      },
      summary: null,
      general: ['Years of experience: Must be 50 or less'],
    })
  })

  it('finds fields under an update’s patch, and a rule the service checks', async () => {
    ;({ studio } = await createTempStudio({ startWorkers: false }))
    const created = await studio.dispatch('jobs.create', { title: 'Nurse', salaryMin: 40_000 }, recruiter)
    if (!created.ok) throw new Error(created.error.message)
    const id = (created.value as { id: string }).id

    const tooLong = await studio.dispatch('jobs.update', { id, patch: { title: 'x'.repeat(201) } }, recruiter)
    expect(formProblems(thrown(tooLong), JOB_FIELDS).fields).toEqual({ title: 'Use at most 200 characters' })

    // The patch alone is in order; with the saved lowest salary it is not.
    const crossed = await studio.dispatch('jobs.update', { id, patch: { salaryMax: 30_000 } }, recruiter)
    expect(formProblems(thrown(crossed), JOB_FIELDS).fields).toEqual({
      salaryMin: 'The lowest salary must not be above the highest',
    })
  })

  it('says a refusal in words of its own, never with the request it refused', async () => {
    ;({ studio } = await createTempStudio({ startWorkers: false }))
    const refused = await studio.dispatch('jobs.list', {}, { audience: 'kiosk' })
    const text = describeError(thrown(refused))
    expect(text).toBe('This cannot be done from here.')
    expect(formProblems(thrown(refused), JOB_FIELDS)).toEqual({ fields: {}, summary: text, general: [] })

    const badPin = await studio.dispatch('kiosk.setPin', { pin: '12' }, recruiter)
    expect(describeError(thrown(badPin))).toBe('PIN must be 4 to 12 digits')
    expect(formProblems(thrown(badPin), ['pin']).fields).toEqual({ pin: 'PIN must be 4 to 12 digits' })
  })

  it('lists a service’s rules all at once under its headline', () => {
    const publish = new StudioRequestError('invalid_input', 'This template cannot be published yet', [
      'Add at least one question',
      'Question 2 repeats question 1',
    ])
    expect(formProblems(publish, ['name'])).toEqual({
      fields: {},
      summary: 'This template cannot be published yet',
      general: ['Add at least one question', 'Question 2 repeats question 1'],
    })
  })
})
