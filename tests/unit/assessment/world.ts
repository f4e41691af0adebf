import { expect } from 'vitest'
import type { SessionAssessments } from '@shared/contract/interviews'
import type { SubmittedAnswer } from '@core/interviews/engine/answer-input'
import type { StudioOptions } from '@core/studio'
import { startAiStub, type AiStub, type ChatRule } from '../../harness/ai-stub'
import type { ChatRequestBody } from '../../harness/ai-stub/types'
import { createTempStudio } from '../../helpers/temp-studio'

type Studio = Awaited<ReturnType<typeof createTempStudio>>['studio']

/** How the candidate gave one answer; timings default to a calm spoken answer. */
export interface ScriptedAnswer {
  text: string
  inputMode?: 'voice' | 'text'
  responseDelayMs?: number
  speechMs?: number
  pauses?: number
  pastedChars?: number
  /** Takes a retake before answering (the question must allow one). */
  retake?: boolean
}

export interface AssessmentWorld {
  stub: AiStub
  studio: Studio
  dataDir: string
  call<T>(name: string, input: unknown): Promise<T>
  /** Sets the OpenAI key, as a recruiter does in settings. */
  setKey(): Promise<void>
  /** Publishes a template with these questions, interviews the candidate with these answers, and finishes. */
  interview(
    answers: ScriptedAnswer[],
    options?: {
      retakesAllowed?: number
      events?: KioskEventScript[]
      candidateId?: string
      candidateName?: string
      /** The job the template is made for. */
      jobId?: string
    },
  ): Promise<string>
  /** A screening candidate with this resume text; returns the candidate id. */
  seedResume(text: string): Promise<string>
  /** Runs the queue until nothing is due, then stops it. */
  drainQueue(): Promise<void>
  assessments(sessionId: string): Promise<SessionAssessments>
  close(): Promise<void>
}

/** A kiosk event to record while answering the turn given (before the answer is submitted). */
export interface KioskEventScript {
  beforeTurn: number
  kind: string
  amount?: number
}

export const SKILLS = ['caching', 'databases', 'testing'] as const

/** The kiosk window the scripted candidate uses, so its window signals reach their interview. */
const KIOSK_CONNECTION = 'kiosk-window-1'

/** A studio whose OpenAI client talks to the stub; a failed AI call is not retried within a job attempt. */
export function studioOnStub(stub: AiStub, overrides: Partial<StudioOptions> = {}) {
  return createTempStudio({
    ai: { openaiBaseUrl: stub.openaiBaseUrl, deepgramBaseUrl: stub.deepgramBaseUrl, retry: { maxAttempts: 1 } },
    startWorkers: false,
    queueOptions: { pollMs: 20, backoff: { baseMs: 60_000, capMs: 60_000 } },
    ...overrides,
  })
}

/**
 * A studio on a real SQLite file whose OpenAI client talks to the wire stub (the test's own, kept
 * open after close, or a new one). Workers start only when a test drains the queue, and a failed job
 * waits a minute before its retry, so a test sees each attempt's outcome on its own.
 */
export async function assessmentWorld(
  options: { stub?: AiStub; studio?: Partial<StudioOptions> } = {},
): Promise<AssessmentWorld> {
  const stub = options.stub ?? (await startAiStub())
  const { studio, dataDir } = await studioOnStub(stub, options.studio)
  const call = async <T>(name: string, input: unknown, audience: 'recruiter' | 'kiosk' = 'recruiter'): Promise<T> => {
    const result = await studio.dispatch(name, input, { audience, connection: KIOSK_CONNECTION })
    if (!result.ok) throw Object.assign(new Error(`${name}: ${result.error.message}`), result.error)
    return result.value as T
  }
  const world: AssessmentWorld = {
    stub,
    studio,
    dataDir,
    call,
    async setKey() {
      await call('secrets.set', { name: 'openai.apiKey', value: 'sk-test-assessment-key' })
    },
    async seedResume(text) {
      return studio.db.transaction().execute(async (trx) => {
        const fileId = 'resume-file-1'
        const id = await studio.writer.insert(trx, 'candidates', {
          name: 'Ada Lovelace',
          email: 'ada@example.com',
          phone: null,
          email_key: 'ada@example.com',
          phone_key: null,
          links: '[]',
          current_title: 'Backend engineer',
          total_years: 6,
          education_level: 'bachelor',
          tags: '[]',
          current_file_id: fileId,
        })
        await trx
          .insertInto('resume_documents')
          .values({ file_id: fileId, text, hidden_text: '', parsed: '{}' })
          .execute()
        return id
      })
    },
    async interview(
      answers,
      { retakesAllowed = 0, events = [], candidateId = 'cand-assess', candidateName = 'Ada Lovelace', jobId } = {},
    ) {
      const template = await call<{ id: string }>('templates.create', {
        name: 'Backend engineer',
        jobId: jobId ?? null,
        settings: { maxQuestions: 16, maxDurationMinutes: 60, maxFollowUps: 0 },
      })
      for (const [i, _] of answers.entries()) {
        const skill = SKILLS[i % SKILLS.length]!
        await call('questions.add', {
          templateId: template.id,
          question: {
            type: 'technical',
            text: `How would you use ${skill} in a busy web service (question ${i + 1})?`,
            skill,
            difficulty: i === 0 ? 'warm_up' : i === answers.length - 1 ? 'advanced' : 'standard',
            timeLimitSec: 120,
            retakesAllowed,
            rubric: [{ name: 'Correctness', description: `Explains ${skill} accurately`, weight: 3 }],
            expectedPoints: [`${skill} trade-offs`],
          },
        })
      }
      await call('templates.publish', { id: template.id })
      const { code } = await call<{ code: string }>('invitations.create', {
        templateId: template.id,
        candidateId,
        candidateName,
      })
      const engine = studio.interviews
      const { sessionId, token } = await engine.startSession(code)
      await call('interview.consent', { token, choice: 'consented' }, 'kiosk')
      for (const [turnIndex, answer] of answers.entries()) {
        for (const event of events.filter((e) => e.beforeTurn === turnIndex)) {
          if (event.kind.startsWith('window:')) {
            expect(await studio.recordKioskWindowSignal(KIOSK_CONNECTION, event.kind.slice('window:'.length))).toBe(
              true,
            )
          } else {
            await call(
              'interview.integrity',
              { token, kind: event.kind, turnIndex, amount: event.amount ?? 0 },
              'kiosk',
            )
          }
        }
        if (answer.retake) await engine.retake(sessionId)
        await engine.submitAnswer(sessionId, submitted(answer, turnIndex))
        await engine.currentTurn(sessionId)
      }
      const turn = await engine.finish(sessionId)
      if (turn.status === 'in_progress') throw new Error('the interview did not finish')
      return sessionId
    },
    async drainQueue() {
      await studio.queue.start(1)
      await studio.queue.idle()
      await studio.queue.stop()
    },
    assessments: (sessionId) => call<SessionAssessments>('assessments.get', { sessionId }),
    async close() {
      await studio.close()
      if (!options.stub) await stub.close()
    },
  }
  return world
}

function submitted(answer: ScriptedAnswer, turnIndex: number): SubmittedAnswer {
  const endedAt = Date.now()
  const speechMs = answer.speechMs ?? 30_000
  const pauses = answer.pauses ?? 4
  return {
    turnIndex,
    text: answer.text,
    inputMode: answer.inputMode ?? 'voice',
    startedAt: endedAt - speechMs,
    endedAt,
    responseDelayMs: answer.responseDelayMs ?? 2000,
    speechMs: answer.inputMode === 'text' ? 0 : speechMs,
    pauses: Array.from({ length: answer.inputMode === 'text' ? 0 : pauses }, (_, i) => ({
      startMs: 2000 + i * 5000,
      durationMs: 800,
    })),
    pastedChars: answer.pastedChars ?? 0,
  }
}

/** The user message's fenced answer block, as the per-answer prompt sends it. */
export function answerOf(request: ChatRequestBody): string {
  const user = String(request.messages.find((m) => m.role === 'user')?.content ?? '')
  const match = /<<<DATA answer [^>]*>>>\n([\s\S]*?)\n<<<END DATA answer/u.exec(user)
  return match?.[1] ?? ''
}

/** The first `words` words of a text, exactly as written: a quote the verifier must find. */
export const firstWords = (text: string, words = 5) => text.split(' ').slice(0, words).join(' ')

const dimension = (score: number, quotes: string[]) => ({ score, reason: `Scored ${score} on what was said.`, quotes })

/** A model that scores every dimension `score` and quotes the answer's opening words. */
export function perAnswerReply(score = 4, quote: (answer: string) => string[] = (a) => [firstWords(a)]) {
  return (request: ChatRequestBody) => {
    const quotes = quote(answerOf(request))
    return JSON.stringify({
      relevance: dimension(score, quotes),
      completeness: dimension(score, quotes),
      clarity: dimension(score, quotes),
      depth: dimension(score, quotes),
    })
  }
}

export const PER_ANSWER: ChatRule['when'] = { systemIncludes: 'You assess one answer' }
export const ACROSS: ChatRule['when'] = { systemIncludes: 'You review every answer' }
export const OVERALL: ChatRule['when'] = { systemIncludes: 'You write the summary' }

/** A full, well-behaved model for all three passes, quoting the answers given. */
export function honestModel(answers: string[], score = 4): ChatRule[] {
  return [
    { when: PER_ANSWER, reply: perAnswerReply(score) },
    {
      when: ACROSS,
      reply: JSON.stringify({
        skills: SKILLS.slice(0, Math.min(answers.length, SKILLS.length)).map((skill, i) => ({
          skill,
          score,
          reason: `Shown in turn ${i}.`,
          quotes: [{ turnIndex: i, text: firstWords(answers[i]!) }],
        })),
        consistency: [
          {
            kind: 'consistent',
            finding: 'The answers agree with each other.',
            quotes: [{ turnIndex: 0, text: firstWords(answers[0]!) }],
          },
        ],
      }),
    },
    {
      when: OVERALL,
      reply: JSON.stringify({
        strengths: [{ point: 'Concrete about caching.', quotes: [{ turnIndex: 0, text: firstWords(answers[0]!, 4) }] }],
        weaknesses: [{ point: 'Little on testing.', quotes: [] }],
        nextSteps: ['Probe testing strategy in the human interview.'],
      }),
    },
  ]
}

export const GOOD_ANSWERS = [
  'I would put a read-through cache in front of the catalogue and expire entries after five minutes because prices change rarely.',
  'We indexed the orders table on customer and date, which took the report from forty seconds to under one second.',
  'I write a failing test for every bug first, then fix it, so the same regression cannot come back unnoticed.',
]
