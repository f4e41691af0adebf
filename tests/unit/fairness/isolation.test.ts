import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ExportedFile } from '@shared/contract/exports'
import type { SelfIdentification } from '@shared/contract/fairness'
import { createJob, seedCandidate } from '../assessment/assessed-job'
import { assessmentWorld, GOOD_ANSWERS, honestModel, type AssessmentWorld } from '../assessment/world'
import { readCsv } from '../exports/read-csv'

/**
 * Values no prompt, score or review text would hold by chance, so finding any of them (or their
 * labels) anywhere means self-identification leaked.
 */
const ANSWERS: SelfIdentification = { sex: 'other', race: 'native_hawaiian_or_pacific_islander', ageBand: '55_plus' }
const TELLTALES = ['native_hawaiian', 'Native Hawaiian', '55_plus', '55 and over', 'Pacific Islander', 'self_ident']

let w: AssessmentWorld
let jobId: string
let candidateId: string
let sessionId: string

beforeAll(async () => {
  w = await assessmentWorld()
  await w.setKey()
  jobId = await createJob(w, 'Backend engineer')
  candidateId = await seedCandidate(w, 'Ada Lovelace')
  await w.call('candidates.addToJob', { jobId, candidateIds: [candidateId] })
  // Stored before the interview, so every AI request of the assessment could have seen them.
  await w.call('fairness.setSelfId', { candidateId, answers: ANSWERS })
  w.stub.setScript({ chat: honestModel(GOOD_ANSWERS, 4) })
  sessionId = await w.interview(
    GOOD_ANSWERS.map((text) => ({ text })),
    { candidateId, candidateName: 'Ada Lovelace', jobId },
  )
  await w.drainQueue()
  await w.call('assessments.decide', { sessionId, decision: 'advance', note: 'Strong on caching.' })
})
afterAll(() => w.close())

const leaks = (value: unknown) => {
  const text = JSON.stringify(value)
  return TELLTALES.filter((t) => text.includes(t))
}

describe('self-identification stays apart', () => {
  it('is stored, and the assessment really ran through the AI', async () => {
    expect(await w.call('fairness.selfId', { candidateId })).toEqual(ANSWERS)
    const chats = w.stub.requests.filter((r) => r.route === 'chat')
    expect(chats.length).toBeGreaterThan(0)
    expect((await w.assessments(sessionId)).latest?.kind).toBe('ai')
  })

  it('never reaches any AI request', () => {
    for (const request of w.stub.requests) expect(leaks([request.json, request.form, request.query])).toEqual([])
  })

  it('is absent from the candidate, the assessment, the decisions, the session and the comparison', async () => {
    const reads: [string, unknown][] = [
      ['candidates.get', { candidateId, jobId }],
      ['candidates.list', { jobId }],
      ['assessments.get', { sessionId }],
      ['assessments.decisions', { sessionId }],
      ['sessions.get', { id: sessionId }],
      ['assessments.compare', { jobId }],
    ]
    for (const [name, input] of reads) expect(leaks(await w.call(name, input)), name).toEqual([])
  })

  it('puts the interview outcome, not the answers, in the pipeline CSV', async () => {
    const file = await w.call<ExportedFile>('exports.pipelineCsv', { jobId })
    expect(leaks(file.text)).toEqual([])
    const [row] = readCsv(file.text)
    expect(row).toMatchObject({ Name: 'Ada Lovelace', 'AI recommendation (advisory)': 'hire', Decision: 'advance' })
    expect(Number(row!['Interview overall score'])).toBeGreaterThan(0)
  })
})
