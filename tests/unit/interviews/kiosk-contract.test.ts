import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { allows, requests, type RequestName } from '@shared/contract'
import { interviewRequests, type KioskStart, type KioskTurn } from '@shared/contract/interviews'
import { createTempStudio } from '../../helpers/temp-studio'

type Studio = Awaited<ReturnType<typeof createTempStudio>>['studio']
let studio: Studio

beforeEach(async () => {
  studio = (await createTempStudio({ startWorkers: false })).studio
})
afterEach(async () => {
  await studio.close()
})

async function call<T>(name: string, input: unknown, audience: 'recruiter' | 'kiosk' = 'recruiter'): Promise<T> {
  const result = await studio.dispatch(name, input, { audience })
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error)
  // Whatever crosses the bridge must survive serialisation unchanged.
  expect(JSON.parse(JSON.stringify(result.value))).toEqual(result.value)
  return result.value as T
}

async function invite() {
  const template = await call<{ id: string }>('templates.create', { name: 'Support engineer' })
  for (const text of [
    'How do you calm down an upset customer?',
    'Explain DNS to a customer in two sentences.',
    'When did you last escalate an issue, and why?',
  ]) {
    await call('questions.add', {
      templateId: template.id,
      question: { text, rubric: [{ name: 'Empathy', description: 'Acknowledges the customer' }] },
    })
  }
  await call('templates.publish', { id: template.id })
  return call<{ code: string }>('invitations.create', {
    templateId: template.id,
    candidateId: 'cand-9',
    candidateName: 'Linus',
  })
}

const interviewDomain = Object.keys(interviewRequests) as RequestName[]

describe('kiosk boundary', () => {
  it('gives the kiosk the interview requests and no recruiter data', () => {
    const kioskInterview = interviewDomain.filter((name) => allows(name, 'kiosk'))
    expect(kioskInterview.sort()).toEqual(
      [
        'interview.answer',
        'interview.finish',
        'interview.redeem',
        'interview.repeat',
        'interview.retake',
        'interview.skip',
        'interview.turn',
      ].sort(),
    )
    for (const name of interviewDomain.filter((n) => !n.startsWith('interview.')))
      expect(allows(name, 'kiosk'), name).toBe(false)
    // Nothing outside the interview domain that lists people, jobs or templates is open to the kiosk.
    const kioskAll = (Object.keys(requests) as RequestName[]).filter((name) => allows(name, 'kiosk'))
    for (const name of kioskAll) expect(name, name).toMatch(/^(interview\.|app\.|kiosk\.exit$)/)
  })

  it('refuses every recruiter request from the kiosk', async () => {
    for (const name of interviewDomain.filter((n) => !n.startsWith('interview.'))) {
      const result = await studio.dispatch(name, {}, { audience: 'kiosk' })
      expect(result.ok, name).toBe(false)
      if (!result.ok) expect(result.error.code, name).toBe('forbidden')
    }
  })

  it('runs a whole interview from the kiosk by text, returning only the candidate’s own turn', async () => {
    const { code } = await invite()
    const start = await call<KioskStart>('interview.redeem', { code }, 'kiosk')
    expect(start.resumed).toBe(false)
    expect(Object.keys(start.turn).sort()).toEqual([
      'candidateName',
      'elapsedSec',
      'finishReason',
      'question',
      'remainingSec',
      'status',
      'title',
    ])
    expect(Object.keys(start.turn.question!).sort()).toEqual(
      [
        'isFollowUp',
        'number',
        'prepTimeSec',
        'recordVideo',
        'retakesLeft',
        'stage',
        'text',
        'timeLimitSec',
        'total',
        'turnIndex',
        'type',
      ].sort(),
    )
    expect(start.turn).toMatchObject({ candidateName: 'Linus', title: 'Support engineer', status: 'in_progress' })

    let turn = start.turn
    let answered = 0
    while (turn.status === 'in_progress') {
      turn = await call<KioskTurn>(
        'interview.answer',
        {
          token: start.token,
          turnIndex: turn.question!.turnIndex,
          text: `Answer number ${++answered}: I listen first, because it helps.`,
          typingMs: 20_000,
        },
        'kiosk',
      )
    }
    expect(answered).toBe(3)
    expect(turn).toMatchObject({ status: 'completed', finishReason: 'completed', question: null })

    const sessions = await call<{ id: string; answeredCount: number }[]>('sessions.list', {})
    expect(sessions).toHaveLength(1)
    expect(sessions[0]!.answeredCount).toBe(3)
    const detail = await call<{ answers: { inputMode: string; text: string; responseDelayMs: number }[] }>(
      'sessions.get',
      { id: sessions[0]!.id },
    )
    expect(detail.answers.map((a) => a.inputMode)).toEqual(['text', 'text', 'text'])
  })

  it('rejects a forged or stale token', async () => {
    await invite()
    await expect(call('interview.turn', { token: 'x'.repeat(43) }, 'kiosk')).rejects.toMatchObject({
      code: 'forbidden',
    })
  })

  it('validates kiosk input', async () => {
    const result = await studio.dispatch(
      'interview.answer',
      { token: 'x'.repeat(43), turnIndex: -1, text: '' },
      { audience: 'kiosk' },
    )
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('invalid_input')
  })
})
