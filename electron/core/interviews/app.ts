import type { Kysely, Transaction } from 'kysely'
import type { Chat } from '../ai/types'
import type { QuotaGate } from '../billing/types'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import type { SyncedWriter } from '../db/synced'
import type { EventBus } from '../events'
import type { DomainApp } from '../ipc/dispatcher'
import type { Logger } from '../logger'
import { createInterviewEngine, type InterviewEngine } from './engine/engine'
import { createQuestionGenerator } from './generation/question-generator'
import { createInvitationsService } from './invitations/invitations-service'
import type { GuessThrottle } from '../guard/guess-throttle'
import type { PromptRenderer } from './prompts'
import { createQuestionsService } from './questions/questions-service'
import { createSessionsQuery } from './sessions/sessions-query'
import { noCandidates, noJobs, noPipeline, type CandidateSource, type JobSource, type PipelineLink } from './sources'
import { createTemplatesService } from './templates/templates-service'

export interface InterviewsDeps {
  db: Kysely<Database>
  writer: SyncedWriter
  clock: Clock
  logger: Logger
  events: EventBus
  /** The chat capability, or null when there is no key, no network or the circuit is open. */
  chat(): Chat | null
  /** The chat model in use, kept with each AI rating of an answer. */
  chatModel?(): string
  prompts: PromptRenderer
  /** Interview code guesses (openCodeThrottle): kept in the database, so opened before the app. */
  codeThrottle: GuessThrottle
  jobs?: JobSource
  candidates?: CandidateSource
  /** Screening's applications: invitations for a job's template name one, and the interview moves it. */
  pipeline?: PipelineLink
  /** How often idle sessions and overdue invitations are swept (default one minute). */
  sweepEveryMs?: number
  idleMs?: number
  /** Runs in the transaction that ends a session (assessment enqueues its job here). */
  onSessionFinished?(trx: Transaction<Database>, sessionId: string): Promise<void>
  /** A team workspace's AI quota, asked before an interview starts with the AI interviewer. */
  quota?: QuotaGate
}

export interface InterviewsApp extends DomainApp<'templates' | 'questions' | 'invitations' | 'sessions'> {
  /** The engine the voice loop drives (startSession, currentTurn, submitAnswer, nextUtterance, …). */
  engine: InterviewEngine
  /** Starts the periodic sweep for idle sessions and overdue invitations. */
  start(): void
  /** Stops the sweep and waits for one in progress. */
  close(): Promise<void>
}

export function createApp(deps: InterviewsDeps): InterviewsApp {
  const { db, writer, clock, logger } = deps
  const jobs = deps.jobs ?? noJobs
  const candidates = deps.candidates ?? noCandidates
  const pipeline = deps.pipeline ?? noPipeline
  const templates = createTemplatesService({ db, writer, clock, jobs })
  const questions = createQuestionsService({ db, writer, templates })
  const invitations = createInvitationsService({ db, writer, clock, jobs, pipeline })
  const sessions = createSessionsQuery(db)
  const generate = createQuestionGenerator({
    db,
    clock,
    logger,
    chat: deps.chat,
    prompts: deps.prompts,
    jobs,
    candidates,
    templates,
    questions,
  })

  const engine = createInterviewEngine({
    db,
    writer,
    clock,
    logger,
    chat: deps.chat,
    ...(deps.chatModel ? { chatModel: deps.chatModel } : {}),
    prompts: deps.prompts,
    templates,
    invitations,
    pipeline,
    throttle: deps.codeThrottle,
    idleMs: deps.idleMs,
    onSessionFinished: deps.onSessionFinished,
    ...(deps.quota ? { quota: deps.quota } : {}),
    onSessionChanged: (sessionId) => {
      sessions.summary(sessionId).then(
        (summary) => deps.events.emit('interviews.session', summary),
        (error: unknown) => logger.warn('session event not sent', { sessionId, error: String(error) }),
      )
    },
  })

  let timer: NodeJS.Timeout | null = null
  let sweeping: Promise<void> = Promise.resolve()
  const sweep = () => {
    sweeping = sweeping
      .then(() => engine.sweep())
      .then(
        () => undefined,
        (error: unknown) => logger.error('interview sweep failed', { error: String(error) }),
      )
  }

  return {
    engine,
    start() {
      if (timer) return
      sweep()
      timer = setInterval(sweep, deps.sweepEveryMs ?? 60_000)
      timer.unref()
    },
    async close() {
      if (timer) clearInterval(timer)
      timer = null
      await sweeping
    },
    handlers: {
      'templates.list': ({ status }) => templates.list(status),
      'templates.get': ({ id }) => templates.get(id),
      'templates.create': (input) => templates.create(input),
      'templates.update': ({ id, patch }) => templates.update(id, patch),
      'templates.publish': ({ id }) => templates.publish(id),
      'templates.archive': ({ id }) => templates.archive(id),
      'templates.duplicate': ({ id }) => templates.duplicate(id),
      'templates.jobOptions': ({ search }) => jobs.options(search),
      'questions.add': ({ templateId, question }) => questions.add(templateId, question),
      'questions.update': ({ id, patch }) => questions.update(id, patch),
      'questions.remove': ({ id }) => questions.remove(id),
      'questions.reorder': ({ templateId, order }) => questions.reorder(templateId, order),
      'questions.generate': (input) => generate(input),
      'invitations.create': (input) => invitations.create(input),
      'invitations.list': (filter) => invitations.list(filter),
      'invitations.reschedule': ({ id, ...schedule }) => invitations.reschedule(id, schedule),
      'invitations.cancel': ({ id }) => invitations.cancel(id),
      'invitations.candidateOptions': ({ search }) => candidates.options(search),
      'sessions.list': (filter) => sessions.list(filter),
      'sessions.get': ({ id }) => sessions.get(id),
    },
  }
}
