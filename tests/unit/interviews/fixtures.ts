import path from 'node:path'
import type { z } from 'zod'
import type { QuestionInput, TemplateSettings } from '@shared/contract/interviews'
import type { Chat, ChatRequest } from '@core/ai/types'
import { createApp as createInterviews, type InterviewsDeps } from '@core/interviews/app'
import { createPromptLibrary } from '@core/ai/prompts/library'
import { candidatesFromScreening, jobsFromScreening } from '@core/interviews/screening-sources'
import { openCodeThrottle } from '@core/interviews/invitations/throttle'
import { interviewPipeline } from '@core/screening/candidates/interview-pipeline'
import { silentLogger } from '@core/logger'
import { createTempStudio } from '../../helpers/temp-studio'

export const PROMPTS_DIR = path.resolve(__dirname, '../../../resources/prompts')

/** A clock the test moves by hand. */
export function manualClock(start = Date.UTC(2026, 0, 5, 9, 0, 0)) {
  let now = start
  return {
    now: () => now,
    advance(ms: number) {
      now += ms
    },
    set(value: number) {
      now = value
    },
  }
}
export type ManualClock = ReturnType<typeof manualClock>

export interface RecordedChat extends Chat {
  structuredCalls: (ChatRequest & { schemaName: string })[]
  streamCalls: ChatRequest[]
}

/**
 * A deterministic stand-in for the chat capability (a dependency of the code under test, not the
 * code under test). Structured results are validated with the caller's schema, as the real adapter
 * does, so a test cannot pass with output the real adapter would refuse.
 */
export function scriptedChat(script: {
  structured?: (request: ChatRequest & { schemaName: string }) => unknown | Promise<unknown>
  stream?: (request: ChatRequest) => string[] | AsyncIterable<string>
}): RecordedChat {
  const structuredCalls: RecordedChat['structuredCalls'] = []
  const streamCalls: ChatRequest[] = []
  return {
    structuredCalls,
    streamCalls,
    async *stream(request) {
      streamCalls.push(request)
      if (!script.stream) throw new Error('no stream scripted')
      for await (const delta of script.stream(request)) {
        if (request.signal?.aborted) throw new Error('aborted')
        yield delta
      }
    },
    async complete() {
      throw new Error('complete is not used by interviews')
    },
    async structured<T>(request: ChatRequest & { schema: z.ZodType<T>; schemaName: string }): Promise<T> {
      structuredCalls.push(request)
      if (!script.structured) throw new Error('no structured answer scripted')
      return request.schema.parse(await script.structured(request))
    },
  }
}

export function question(overrides: Partial<QuestionInput> & { text: string }): QuestionInput {
  return {
    type: 'technical',
    skill: '',
    difficulty: 'standard',
    timeLimitSec: 120,
    rubric: [{ name: 'Correctness', description: 'Explains it accurately', weight: 3 }],
    expectedPoints: [],
    ...overrides,
  }
}

/** A realistic backend template: warm-ups, standard and advanced questions across four skills. */
export function backendQuestions(): QuestionInput[] {
  const skills = ['caching', 'databases', 'testing', 'networking']
  return [
    question({
      text: 'Tell me about your background and what drew you to backend work.',
      difficulty: 'warm_up',
      type: 'open_voice',
    }),
    question({ text: 'What kind of team do you work best in, and why?', difficulty: 'warm_up', type: 'open_voice' }),
    question({
      text: 'Which project are you proudest of from the last two years?',
      difficulty: 'warm_up',
      type: 'open_voice',
    }),
    ...skills.map((skill) =>
      question({ text: `How would you explain ${skill} to a new colleague?`, skill, difficulty: 'standard' }),
    ),
    ...skills.map((skill) =>
      question({ text: `Describe a problem you solved with ${skill} in production.`, skill, difficulty: 'standard' }),
    ),
    ...skills.map((skill) =>
      question({
        text: `Design the ${skill} strategy for a system with ten million users.`,
        skill,
        difficulty: 'advanced',
      }),
    ),
    question({
      text: 'How would you migrate a live caching layer without downtime?',
      skill: 'caching',
      difficulty: 'advanced',
    }),
  ]
}

export interface InterviewWorld {
  studio: Awaited<ReturnType<typeof createTempStudio>>['studio']
  dataDir: string
  clock: ManualClock
  interviews: ReturnType<typeof createInterviews>
  close(): Promise<void>
}

/**
 * A real studio on a temp SQLite file, plus an interviews module built over the same database
 * with the chat the test chooses (the studio's own runs without AI).
 */
export async function interviewWorld(
  options: { chat?: Chat | null; dataDir?: string; clock?: ManualClock; withScreening?: boolean } & Partial<
    Omit<InterviewsDeps, 'chat'>
  > = {},
): Promise<InterviewWorld> {
  const clock = options.clock ?? manualClock()
  const { studio, dataDir } = await createTempStudio({
    clock,
    startWorkers: false,
    ...(options.dataDir && { dataDir: options.dataDir }),
  })
  const chat = options.chat ?? null
  const interviews = createInterviews({
    db: studio.db,
    writer: studio.writer,
    clock,
    logger: silentLogger,
    events: studio.events,
    prompts: createPromptLibrary(PROMPTS_DIR),
    codeThrottle: await openCodeThrottle({ db: studio.db, clock, logger: silentLogger }),
    ...(options.withScreening && {
      jobs: jobsFromScreening(studio.db),
      candidates: candidatesFromScreening(studio.db),
      pipeline: interviewPipeline(studio.db, studio.writer),
    }),
    ...options,
    chat: () => chat,
  })
  return {
    studio,
    dataDir,
    clock,
    interviews,
    async close() {
      await interviews.close()
      await studio.close()
    },
  }
}

/** Creates and publishes a template with the given questions, then invites a candidate. */
export async function publishedInvitation(
  world: InterviewWorld,
  questions: QuestionInput[] = backendQuestions(),
  settings: Partial<TemplateSettings> = {},
  invite: { expiresInHours?: number; scheduledAt?: number | null } = {},
) {
  const h = world.interviews.handlers
  const ctx = { audience: 'recruiter' as const }
  const template = await h['templates.create'](
    {
      name: 'Backend engineer',
      description: '',
      jobId: null,
      settings: { maxQuestions: 16, maxDurationMinutes: 60, maxFollowUps: 1, answerSilenceSec: 2.5, ...settings },
    },
    ctx,
  )
  for (const q of questions) await h['questions.add']({ templateId: template.id, question: withDefaults(q) }, ctx)
  const published = await h['templates.publish']({ id: template.id }, ctx)
  const invitation = await h['invitations.create'](
    {
      templateId: template.id,
      candidateId: 'cand-1',
      candidateName: 'Ada Lovelace',
      expiresInHours: invite.expiresInHours ?? 48,
      scheduledAt: invite.scheduledAt ?? null,
      kind: 'ai_interview',
      location: null,
    },
    ctx,
  )
  return { template: published, invitation, code: invitation.code! }
}

function withDefaults(q: QuestionInput) {
  return {
    type: q.type ?? 'open_voice',
    text: q.text,
    skill: q.skill ?? '',
    difficulty: q.difficulty ?? 'standard',
    timeLimitSec: q.timeLimitSec ?? 120,
    prepTimeSec: q.prepTimeSec ?? 0,
    retakesAllowed: q.retakesAllowed ?? 0,
    rubric: (q.rubric ?? []).map((c) => ({ name: c.name, description: c.description ?? '', weight: c.weight ?? 3 })),
    expectedPoints: q.expectedPoints ?? [],
  }
}

/** An answer as the voice loop would submit it. */
export function spokenAnswer(text: string, at: number, turnIndex?: number) {
  return {
    turnIndex,
    text,
    startedAt: at - 20_000,
    endedAt: at,
    responseDelayMs: 1500,
    speechMs: 18_000,
    pauses: [{ startMs: 4000, durationMs: 700 }],
    transcriptWords: text.split(' ').map((word, i) => ({ word, start: i * 0.4, end: i * 0.4 + 0.3 })),
    audioPath: `recordings/answer-${turnIndex ?? 'x'}.webm`,
  }
}
