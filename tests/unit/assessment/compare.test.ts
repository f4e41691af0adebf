import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { JobComparison, SessionAssessments } from '@shared/contract/interviews'
import { assessedCandidate, createJob, seedCandidate } from './assessed-job'
import { assessmentWorld, GOOD_ANSWERS, honestModel, type AssessmentWorld } from './world'

/*
 * Three candidates of one job are interviewed on the job's template and assessed by the stubbed
 * model at different scores; a fourth applied to the job but has no interview, and a fifth was
 * interviewed for another job. The comparison must show exactly the three, with the figures the
 * assessments stored.
 */

let w: AssessmentWorld
let jobId: string
const sessions = new Map<string, string>()

async function interviewed(name: string, forJob: string, score: number, options: { pasted?: boolean } = {}) {
  const { sessionId } = await assessedCandidate(w, forJob, name, score, options)
  sessions.set(name, sessionId)
}

const compare = (id: string) => w.call<JobComparison>('assessments.compare', { jobId: id })

beforeAll(async () => {
  w = await assessmentWorld()
  await w.setKey()
  jobId = await createJob(w, 'Backend engineer')
  const otherJob = await createJob(w, 'Data analyst')
  await interviewed('Grace Hopper', jobId, 5)
  await interviewed('Alan Turing', jobId, 3, { pasted: true })
  await interviewed('Edsger Dijkstra', jobId, 2)
  await interviewed('Barbara Liskov', otherJob, 4)
  const waiting = await seedCandidate(w, 'Ken Thompson')
  await w.call('candidates.addToJob', { jobId, candidateIds: [waiting] })
}, 120_000)

afterAll(async () => {
  await w?.close()
})

describe('assessments.compare', () => {
  it("lists only the job's candidates with an assessed interview, best overall first", async () => {
    const result = await compare(jobId)
    expect(result.jobTitle).toBe('Backend engineer')
    expect(result.candidates.map((c) => c.candidateName)).toEqual(['Grace Hopper', 'Alan Turing', 'Edsger Dijkstra'])
    expect(result.candidates.every((c) => c.pipelineStatus === 'interviewing' || c.pipelineStatus === 'new')).toBe(true)
  })

  it('gives the figures the stored assessments hold', async () => {
    const result = await compare(jobId)
    for (const row of result.candidates) {
      const stored = await w.call<SessionAssessments>('assessments.get', { sessionId: sessions.get(row.candidateName) })
      const latest = stored.latest!
      expect(row.sessionId).toBe(sessions.get(row.candidateName))
      expect(row.assessmentId).toBe(latest.id)
      expect(row.assessmentKind).toBe('ai')
      expect(row.overallScore).toBe(latest.overallScore)
      expect(row.recommendation).toBe(latest.recommendation)
      expect(row.integrityCount).toBe(latest.integrity.length)
      expect(row.skills).toEqual(latest.skills.map(({ skill, score }) => ({ skill, score })))
      expect(row.questions.map((q) => q.questionText)).toEqual(latest.answers.map((a) => a.questionText))
      for (const [i, question] of row.questions.entries()) {
        const scores = latest.answers[i]!.scores.map((s) => s.score)
        expect(question.score).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / scores.length, 1)
      }
    }
    const [grace, alan, edsger] = result.candidates
    // The stubbed model scored every dimension and skill 5, 3 and 2.
    expect(grace!.questions.map((q) => q.score)).toEqual([5, 5, 5])
    expect(alan!.skills.map((s) => s.score)).toEqual([3, 3, 3])
    expect(edsger!.questions.map((q) => q.score)).toEqual([2, 2, 2])
    expect(grace!.overallScore).toBeGreaterThan(alan!.overallScore)
    expect(alan!.overallScore).toBeGreaterThan(edsger!.overallScore)
    // Alan pasted a typed answer: a signal for a human, counted; the others gave none of that kind.
    expect(alan!.integrityCount).toBeGreaterThan(0)
    expect(alan!.integrityCount).toBeGreaterThan(grace!.integrityCount)
  })

  it("uses a candidate's latest assessment after a re-run", async () => {
    const sessionId = sessions.get('Edsger Dijkstra')!
    w.stub.setScript({ chat: honestModel(GOOD_ANSWERS, 4) })
    await w.call('assessments.rerun', { sessionId })
    await w.drainQueue()
    const stored = await w.call<SessionAssessments>('assessments.get', { sessionId })
    expect(stored.earlier).toHaveLength(1)
    const edsger = (await compare(jobId)).candidates.find((c) => c.candidateName === 'Edsger Dijkstra')!
    expect(edsger.assessmentId).toBe(stored.latest!.id)
    expect(edsger.questions.map((q) => q.score)).toEqual([4, 4, 4])
  })

  it('answers an empty comparison for a job nobody has been interviewed for, and not_found for no job', async () => {
    const empty = await createJob(w, 'Nobody yet')
    expect(await compare(empty)).toEqual({ jobId: empty, jobTitle: 'Nobody yet', candidates: [] })
    await expect(compare('no-such-job')).rejects.toMatchObject({ code: 'not_found' })
  })

  it('refuses the kiosk', async () => {
    const result = await w.studio.dispatch('assessments.compare', { jobId }, { audience: 'kiosk' })
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(JSON.stringify(result)).not.toContain('Grace Hopper')
  })
})
