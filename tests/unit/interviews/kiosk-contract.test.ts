import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { allows, requests, type RequestName } from '@shared/contract'
import { interviewRequests, type KioskStart, type KioskTurn } from '@shared/contract/interviews'
import { kioskRequests } from '@shared/contract/kiosk'
import { KioskSim, voiceWorld } from '../voice/world'
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
  it('declares every kiosk request in the kiosk contract, and opens nothing else to the kiosk but error reports and exit', () => {
    const kioskAll = (Object.keys(requests) as RequestName[]).filter((name) => allows(name, 'kiosk'))
    expect(kioskAll.filter((name) => !(name in kioskRequests)).sort()).toEqual(['app.reportError', 'kiosk.exit'])
    for (const name of Object.keys(kioskRequests) as RequestName[]) expect(allows(name, 'recruiter'), name).toBe(false)
    // No interview-domain request (templates, invitations, sessions) is open to the kiosk.
    for (const name of interviewDomain) expect(allows(name, 'kiosk'), name).toBe(false)
  })

  it('refuses every recruiter request from the kiosk', async () => {
    for (const name of interviewDomain) {
      const result = await studio.dispatch(name, {}, { audience: 'kiosk' })
      expect(result.ok, name).toBe(false)
      if (!result.ok) expect(result.error.code, name).toBe('forbidden')
    }
  })

  it('opens an interview to the kiosk showing only the candidate’s own turn', async () => {
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

    expect(await call<KioskTurn>('interview.turn', { token: start.token }, 'kiosk')).toEqual(start.turn)
  })

  it('runs a whole interview from the kiosk by text, through the voice requests the kiosk uses', async () => {
    // No AI keys: the scripted interviewer, as a studio without a provider runs it.
    const world = await voiceWorld({ keys: false })
    try {
      const rubric = [{ name: 'Empathy', description: 'Acknowledges the customer' }]
      const code = await world.invite(
        ['How do you calm down an upset customer?', 'Explain DNS in two sentences.', 'When did you last escalate?'].map(
          (text) => ({ text, rubric }),
        ),
      )
      const kiosk = await KioskSim.redeem(world, code)
      await kiosk.send('interview.consent', { token: kiosk.token, choice: 'consented' })
      expect((await kiosk.start()).mode).toBe('scripted')
      for (let turnIndex = 0; turnIndex < 3; turnIndex++) {
        await kiosk.phase('listening', turnIndex)
        await kiosk.send('interview.voiceTextAnswer', {
          streamId: kiosk.streamId,
          turnIndex,
          text: `Answer number ${turnIndex + 1}: I listen first, because it helps.`,
          typingMs: 20_000,
        })
      }
      await kiosk.phase('done')
      await kiosk.stop()
      const turn = await kiosk.send<KioskTurn>('interview.turn', { token: kiosk.token })
      expect(turn).toMatchObject({ status: 'completed', finishReason: 'completed', question: null })

      const sessions = await world.call<{ id: string; answeredCount: number }[]>('sessions.list', {})
      expect(sessions).toHaveLength(1)
      expect(sessions[0]!.answeredCount).toBe(3)
      const detail = await world.call<{ answers: { inputMode: string }[] }>('sessions.get', { id: sessions[0]!.id })
      expect(detail.answers.map((a) => a.inputMode)).toEqual(['text', 'text', 'text'])
    } finally {
      await world.close()
    }
  })

  it('rejects a forged or stale token', async () => {
    await invite()
    await expect(call('interview.turn', { token: 'x'.repeat(43) }, 'kiosk')).rejects.toMatchObject({
      code: 'forbidden',
    })
  })

  it('validates kiosk input', async () => {
    const result = await studio.dispatch(
      'interview.voiceTextAnswer',
      { streamId: 'not-a-stream', turnIndex: -1, text: '' },
      { audience: 'kiosk' },
    )
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('invalid_input')
  })
})
