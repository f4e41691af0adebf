import { afterEach, describe, expect, it } from 'vitest'
import { assessmentWorld, GOOD_ANSWERS, honestModel, type AssessmentWorld } from './world'

const worlds: AssessmentWorld[] = []
afterEach(async () => {
  while (worlds.length) await worlds.pop()!.close()
})

async function world() {
  const w = await assessmentWorld()
  worlds.push(w)
  return w
}

/** The queued job's backoff has passed (the world's backoff is a minute; the test does not wait it out). */
async function backoffPassed(w: AssessmentWorld) {
  await w.studio.db.updateTable('jobs').set({ run_at: Date.now() }).where('status', '=', 'queued').execute()
}

const chatCalls = (w: AssessmentWorld) => w.stub.requests.filter((r) => r.route === 'chat').length

describe('without AI', () => {
  it('stores a labelled offline assessment and queues the AI one for when a key is set', async () => {
    const w = await world()
    w.stub.setScript({ chat: honestModel(GOOD_ANSWERS) })
    const sessionId = await w.interview(GOOD_ANSWERS.map((text) => ({ text })))
    await w.drainQueue()

    const offline = await w.assessments(sessionId)
    expect(chatCalls(w)).toBe(0)
    expect(offline.latest).toMatchObject({ kind: 'offline', recommendation: null, model: null, promptVersion: null })
    expect(offline.latest!.formula).toContain('Offline estimate from the heuristic scorer')
    expect(offline.latest!.formula).toContain('mean heuristic score')
    for (const answer of offline.latest!.answers) {
      expect(answer.scores).toEqual([expect.objectContaining({ dimension: 'heuristic', supported: false, quotes: [] })])
      expect(answer.scores[0]!.reason).toContain('heuristic: no quotes')
    }
    expect(offline.job).toMatchObject({ status: 'queued', attempts: 1 })
    expect(offline.job!.lastError).toContain('No AI is reachable')

    // Still no key when the retry comes: no second offline assessment, still waiting.
    await backoffPassed(w)
    await w.drainQueue()
    const still = await w.assessments(sessionId)
    expect(still.latest!.id).toBe(offline.latest!.id)
    expect(still.earlier).toEqual([])
    expect(still.job).toMatchObject({ status: 'queued', attempts: 2 })

    await w.setKey()
    await backoffPassed(w)
    await w.drainQueue()
    const later = await w.assessments(sessionId)
    expect(later.job).toMatchObject({ status: 'succeeded' })
    expect(later.latest).toMatchObject({ kind: 'ai', recommendation: 'hire' })
    expect(later.earlier.map((a) => a.id)).toEqual([offline.latest!.id])
  })

  it('falls back to the offline assessment when the network fails, and runs the AI one once it is back', async () => {
    const w = await world()
    w.stub.setScript({ chat: honestModel(GOOD_ANSWERS) })
    const sessionId = await w.interview(GOOD_ANSWERS.map((text) => ({ text })))
    await w.setKey()
    w.stub.setFault('chat', { kind: 'server_error', status: 503 })
    await w.drainQueue()
    const down = await w.assessments(sessionId)
    expect(down.latest).toMatchObject({ kind: 'offline' })
    expect(down.job).toMatchObject({ status: 'queued' })

    w.stub.clearFaults()
    await backoffPassed(w)
    await w.drainQueue()
    const up = await w.assessments(sessionId)
    expect(up.latest).toMatchObject({ kind: 'ai' })
    expect(up.earlier).toHaveLength(1)
  })
})

describe('a re-run', () => {
  it('adds a new assessment and keeps the earlier one beside it', async () => {
    const w = await world()
    w.stub.setScript({ chat: honestModel(GOOD_ANSWERS, 4) })
    const sessionId = await w.interview(GOOD_ANSWERS.map((text) => ({ text })))
    await w.setKey()
    await w.drainQueue()
    const first = (await w.assessments(sessionId)).latest!
    expect(first.overallScore).toBe(75)

    w.stub.setScript({ chat: honestModel(GOOD_ANSWERS, 3) })
    const { jobId } = await w.call<{ jobId: string }>('assessments.rerun', { sessionId })
    await w.drainQueue()
    const after = await w.assessments(sessionId)
    expect(after.job).toMatchObject({ jobId, status: 'succeeded' })
    expect(after.latest!.id).not.toBe(first.id)
    expect(after.latest!.overallScore).toBe(50)
    expect(after.latest!.recommendation).toBe('consider')
    expect(after.earlier).toEqual([first])
    const rows = await w.studio.db.selectFrom('assessment_answer_scores').select('assessment_id').execute()
    expect(rows.filter((r) => r.assessment_id === first.id)).toHaveLength(12)
    expect(rows.filter((r) => r.assessment_id === after.latest!.id)).toHaveLength(12)
  })

  it('is refused for an interview that does not exist, and neither request is open to the kiosk', async () => {
    const w = await world()
    const result = await w.studio.dispatch(
      'assessments.rerun',
      { sessionId: 'no-such-session' },
      { audience: 'recruiter' },
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } })
    for (const name of ['assessments.get', 'assessments.rerun']) {
      const kiosk = await w.studio.dispatch(name, { sessionId: 'x' }, { audience: 'kiosk' })
      expect(kiosk).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
  })
})
