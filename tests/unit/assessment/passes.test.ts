import { afterEach, describe, expect, it } from 'vitest'
import type { SessionDetail } from '@shared/contract/interviews'
import {
  ACROSS,
  assessmentWorld,
  GOOD_ANSWERS,
  honestModel,
  OVERALL,
  PER_ANSWER,
  perAnswerReply,
  firstWords,
  type AssessmentWorld,
} from './world'

const worlds: AssessmentWorld[] = []
afterEach(async () => {
  while (worlds.length) await worlds.pop()!.close()
})

async function world() {
  const w = await assessmentWorld()
  worlds.push(w)
  return w
}

const chatRequests = (w: AssessmentWorld) => w.stub.requests.filter((r) => r.route === 'chat')

describe('the AI assessment of a finished interview', () => {
  it('is queued by the end of the interview and runs its three passes against the wire stub', async () => {
    const w = await world()
    w.stub.setScript({ chat: honestModel(GOOD_ANSWERS) })
    const sessionId = await w.interview(GOOD_ANSWERS.map((text) => ({ text })))
    await w.setKey()
    expect((await w.assessments(sessionId)).job).toMatchObject({ status: 'queued' })

    await w.drainQueue()
    const { latest, earlier, job } = await w.assessments(sessionId)
    expect(job).toMatchObject({ status: 'succeeded' })
    expect(earlier).toEqual([])
    expect(latest).not.toBeNull()
    const a = latest!
    expect(a.kind).toBe('ai')

    // Per answer: four dimensions, each 1-5 with a reason and a quote found in that answer.
    expect(a.answers).toHaveLength(3)
    for (const [i, answer] of a.answers.entries()) {
      expect(answer.scores.map((s) => s.dimension)).toEqual(['relevance', 'completeness', 'clarity', 'depth'])
      for (const score of answer.scores) {
        expect(score).toMatchObject({ score: 4, supported: true, droppedQuotes: 0 })
        expect(score.quotes).toEqual([{ turnIndex: i, text: firstWords(GOOD_ANSWERS[i]!) }])
      }
    }
    // Across answers: skill scores with verified quotes, consistency, and the engine's boundary map.
    expect(a.skills.map((s) => [s.skill, s.score, s.supported])).toEqual([
      ['caching', 4, true],
      ['databases', 4, true],
      ['testing', 4, true],
    ])
    expect(a.consistency).toEqual([
      expect.objectContaining({ kind: 'consistent', supported: true, quotes: [expect.any(Object)] }),
    ])
    const session = await w.call<SessionDetail>('sessions.get', { id: sessionId })
    expect(a.boundaries).toEqual(session.skills.map(({ pending: _pending, ...boundary }) => boundary))
    expect(a.boundaries.map((b) => b.skill)).toEqual(['caching', 'databases', 'testing'])
    // Overall: score from the formula (every answer s = 4 gives 75), advisory recommendation, evidence.
    expect(a.overallScore).toBe(75)
    expect(a.formula).toContain('overall = 100 × Σ w·(s − 1)/4 ÷ Σ w = 75')
    expect(a.formula).toContain('turn 0: w 1, s 4; turn 1: w 2, s 4; turn 2: w 3, s 4')
    expect(a.recommendation).toBe('hire')
    expect(a.strengths).toEqual([
      {
        text: 'Concrete about caching.',
        quotes: [{ turnIndex: 0, text: firstWords(GOOD_ANSWERS[0]!, 4) }],
        supported: true,
      },
    ])
    expect(a.weaknesses).toEqual([{ text: 'Little on testing.', quotes: [], supported: false }])
    expect(a.nextSteps).toEqual(['Probe testing strategy in the human interview.'])

    // Pinned: rubric and formula, prompt, model, temperature, and tokens and cost per pass.
    expect(a.rubricVersion).toMatch(/^template:[\w-]+@v1\/overall\.v1$/u)
    expect(a.promptVersion).toBe('assessment.v2')
    expect(a.model).toBe(w.studio.ai.view().settings.chat.model)
    expect(a.temperature).toBe(0)
    expect(a.passes.map((p) => [p.pass, p.promptVersion, p.calls])).toEqual([
      ['per_answer', 'assessment.v2', 3],
      ['across', 'assessment-across.v1', 1],
      ['overall', 'assessment-overall.v1', 1],
    ])
    for (const pass of a.passes) {
      expect(pass.inputTokens).toBeGreaterThan(0)
      expect(pass.outputTokens).toBeGreaterThan(0)
      expect(pass.costUsd).toBeGreaterThan(0)
    }
    expect(a.costUsd).toBeCloseTo(
      a.passes.reduce((sum, p) => sum + p.costUsd, 0),
      12,
    )

    // What went over the wire: temperature 0 and a JSON schema on every call, the answer fenced as data.
    const calls = chatRequests(w)
    expect(calls).toHaveLength(5)
    for (const call of calls) {
      const body = call.json as { temperature: number; response_format: { type: string } }
      expect(body.temperature).toBe(0)
      expect(body.response_format.type).toBe('json_schema')
    }
  })

  it('drops a quote the model invented and marks the claim unsupported', async () => {
    const w = await world()
    const invented = 'I have ten years of Kubernetes experience at Google'
    w.stub.setScript({
      chat: [
        // The model quotes real words for relevance but invents the rest.
        {
          when: PER_ANSWER,
          reply: (request) => {
            const real = JSON.parse(perAnswerReply(4)(request)) as Record<string, { quotes: string[] }>
            real.completeness!.quotes = [invented]
            real.depth!.quotes = []
            return JSON.stringify(real)
          },
        },
        {
          when: ACROSS,
          reply: JSON.stringify({
            skills: [{ skill: 'caching', score: 5, reason: 'Expert.', quotes: [{ turnIndex: 0, text: invented }] }],
            consistency: [],
          }),
        },
        {
          when: OVERALL,
          reply: JSON.stringify({
            strengths: [{ point: 'Cloud expert.', quotes: [{ turnIndex: 1, text: invented }] }],
            weaknesses: [],
            nextSteps: [],
          }),
        },
      ],
    })
    const sessionId = await w.interview(GOOD_ANSWERS.map((text) => ({ text })))
    await w.setKey()
    await w.drainQueue()
    const a = (await w.assessments(sessionId)).latest!
    for (const answer of a.answers) {
      const [relevance, completeness, , depth] = answer.scores
      expect(relevance).toMatchObject({ supported: true, droppedQuotes: 0 })
      expect(completeness).toMatchObject({ supported: false, droppedQuotes: 1, quotes: [] })
      expect(completeness!.reason).toContain('unsupported: the quoted words were not found in the transcript')
      expect(depth).toMatchObject({ supported: false, droppedQuotes: 0, quotes: [] })
      expect(depth!.reason).toContain('unsupported: no evidence was quoted')
    }
    expect(a.skills).toEqual([expect.objectContaining({ skill: 'caching', supported: false, quotes: [] })])
    expect(a.strengths).toEqual([{ text: 'Cloud expert.', quotes: [], supported: false }])
    expect(JSON.stringify(a)).not.toContain('Kubernetes')
    // Unsupported scores are left out of the overall: only relevance and clarity (4 each) count.
    expect(a.overallScore).toBe(75)
  })

  it('finds a quote despite case, spacing and edge punctuation, but not a paraphrase', async () => {
    const w = await world()
    const answer = 'We   indexed the Orders table\non customer and date.'
    w.stub.setScript({
      chat: [
        {
          when: PER_ANSWER,
          reply: perAnswerReply(3, () => [
            '"we indexed the orders TABLE on customer and date."',
            'we added an index on orders',
          ]),
        },
        ...honestModel([answer]).slice(1),
      ],
    })
    const sessionId = await w.interview([{ text: answer }])
    await w.setKey()
    await w.drainQueue()
    const [relevance] = (await w.assessments(sessionId)).latest!.answers[0]!.scores
    expect(relevance).toMatchObject({ supported: true, droppedQuotes: 1 })
    expect(relevance!.quotes).toEqual([{ turnIndex: 0, text: '"we indexed the orders TABLE on customer and date."' }])
  })

  it('checks consistency findings against the resume: a resume quote is kept, an invented one dropped', async () => {
    const w = await world()
    const resume = 'Senior engineer at Shopwise, 2019 to 2024. Led the move of the order database to PostgreSQL.'
    w.stub.setScript({
      chat: [
        honestModel(GOOD_ANSWERS)[0]!,
        {
          when: ACROSS,
          reply: JSON.stringify({
            skills: [],
            consistency: [
              {
                kind: 'resume_mismatch',
                finding: 'The resume says PostgreSQL; the answer describes indexing orders.',
                quotes: [
                  { turnIndex: null, text: 'Led the move of the order database to PostgreSQL' },
                  { turnIndex: 1, text: firstWords(GOOD_ANSWERS[1]!) },
                ],
              },
              {
                kind: 'contradiction',
                finding: 'Claims a doctorate.',
                quotes: [{ turnIndex: null, text: 'PhD in distributed systems from MIT' }],
              },
            ],
          }),
        },
        honestModel(GOOD_ANSWERS)[2]!,
      ],
    })
    const candidateId = await w.seedResume(resume)
    const sessionId = await w.interview(
      GOOD_ANSWERS.map((text) => ({ text })),
      { candidateId },
    )
    await w.setKey()
    await w.drainQueue()
    const across = chatRequests(w).find((r) => JSON.stringify(r.json).includes('You review every answer'))!
    expect(JSON.stringify(across.json)).toContain('Senior engineer at Shopwise')
    const { consistency } = (await w.assessments(sessionId)).latest!
    expect(consistency).toEqual([
      {
        kind: 'resume_mismatch',
        text: 'The resume says PostgreSQL; the answer describes indexing orders.',
        quotes: [
          { turnIndex: null, text: 'Led the move of the order database to PostgreSQL' },
          { turnIndex: 1, text: firstWords(GOOD_ANSWERS[1]!) },
        ],
        supported: true,
      },
      { kind: 'contradiction', text: 'Claims a doctorate.', quotes: [], supported: false },
    ])
  })

  it('asks for one repair of a malformed reply and uses the repaired one', async () => {
    const w = await world()
    w.stub.setScript({
      chat: [
        {
          when: { lastUserIncludes: 'Your previous reply could not be used' },
          reply: perAnswerReply(4, () => [firstWords(GOOD_ANSWERS[0]!)]),
        },
        {
          when: { ...PER_ANSWER, lastUserIncludes: 'read-through cache' },
          reply: 'Sure! Here is my assessment: great answer.',
          times: 1,
        },
        ...honestModel(GOOD_ANSWERS),
      ],
    })
    const sessionId = await w.interview(GOOD_ANSWERS.map((text) => ({ text })))
    await w.setKey()
    await w.drainQueue()
    const { latest, job } = await w.assessments(sessionId)
    expect(job).toMatchObject({ status: 'succeeded' })
    expect(latest!.answers[0]!.scores[0]).toMatchObject({ score: 4, supported: true })
    const repairs = chatRequests(w).filter((r) =>
      JSON.stringify(r.json).includes('Your previous reply could not be used'),
    )
    expect(repairs).toHaveLength(1)
    expect(latest!.passes[0]!.calls).toBe(4)
  })

  it('fails clearly when the repaired reply is malformed too, and stores nothing', async () => {
    const w = await world()
    w.stub.setScript({
      chat: [
        { when: { lastUserIncludes: 'Your previous reply could not be used' }, reply: '{"relevance": "five"}' },
        { when: PER_ANSWER, reply: 'not JSON at all' },
        ...honestModel(GOOD_ANSWERS).slice(1),
      ],
    })
    const sessionId = await w.interview([{ text: GOOD_ANSWERS[0]! }])
    await w.setKey()
    await w.drainQueue()
    const { latest, job } = await w.assessments(sessionId)
    expect(latest).toBeNull()
    expect(job).toMatchObject({ status: 'failed', attempts: 1 })
    expect(job!.lastError).toContain('The AI assessment failed')
    expect(job!.lastError).toContain('did not match the expected form twice')
    // One request and one repair: never a third try.
    expect(chatRequests(w)).toHaveLength(2)
  })

  it('scores an unanswered question 1 without asking the model, and says there is no evidence', async () => {
    const w = await world()
    w.stub.setScript({ chat: honestModel(GOOD_ANSWERS) })
    const sessionId = await w.interview([{ text: GOOD_ANSWERS[0]! }, { text: '   ' }, { text: GOOD_ANSWERS[2]! }])
    await w.setKey()
    await w.drainQueue()
    const a = (await w.assessments(sessionId)).latest!
    expect(a.answers[1]!.scores.every((s) => s.score === 1 && !s.supported && s.reason.includes('No answer'))).toBe(
      true,
    )
    expect(a.passes[0]!.calls).toBe(2)
    // s = 1 for the empty standard answer: 100 × (1·0.75 + 2·0 + 3·0.75) / 6 = 50.
    expect(a.overallScore).toBe(50)
    expect(a.recommendation).toBe('consider')
  })
})
