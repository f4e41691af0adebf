import type { Kysely, Transaction } from 'kysely'
import { uuidv7 } from 'uuidv7'
import { StudioError } from '../../../../shared/contract/errors'
import type { Chat } from '../../ai/types'
import type { Clock } from '../../clock'
import type { Database } from '../../db/schema'
import type { SyncedWriter } from '../../db/synced'
import type { Logger } from '../../logger'
import { hashCode, normalizeCode } from '../invitations/codes'
import type { InvitationRow, InvitationsService } from '../invitations/invitations-service'
import type { GuessThrottle } from '../invitations/throttle'
import type { PromptRenderer } from '../prompts'
import { toPlannedQuestion } from '../questions/question-row'
import type { TemplatesService } from '../templates/templates-service'
import { z } from 'zod'
import {
  answerContinuationSchema,
  pauseSchema,
  submittedAnswerSchema,
  transcriptWordSchema,
  type AnswerContinuation,
  type SubmittedAnswer,
} from './answer-input'
import { createAnswerEvaluator, type AnswerEvaluator } from './evaluator'
import { answerTurn, decide, finishState, repeatTurn, retakeTurn, startState, touch, type Evaluation } from './machine'
import { createSessionLock } from './session-lock'
import { createSessionStore, hashToken, newToken, type LoadedSession } from './session-store'
import { plannedQuestion, type EngineState } from './state'
import { turnView, type EngineTurn } from './turn-view'
import { createUtterances } from './utterance'

/** A session with no activity for this long is marked abandoned (product rule: 30 minutes). */
export const IDLE_LIMIT_MS = 30 * 60_000
/** A scheduled interview opens this long before its time. */
export const EARLY_START_MS = 30 * 60_000
/** Reading the session does not count as activity; explicit touches are saved at most this often. */
const TOUCH_WRITE_MS = 5000

export interface InterviewEngineDeps {
  db: Kysely<Database>
  writer: SyncedWriter
  clock: Clock
  logger: Logger
  /** The chat capability, or null when there is no key, no network or the circuit is open. */
  chat(): Chat | null
  prompts: PromptRenderer
  templates: TemplatesService
  invitations: InvitationsService
  throttle: GuessThrottle
  idleMs?: number
  evaluationTimeoutMs?: number
  /** Told after a session started, moved on or ended (the studio pushes it to recruiter windows). */
  onSessionChanged?(sessionId: string): void
  /** Runs inside the transaction that ends a session, so follow-up work is enqueued atomically. */
  onSessionFinished?(trx: Transaction<Database>, sessionId: string): Promise<void>
}

export interface StartedSession {
  sessionId: string
  /** The kiosk's credential for this session; only its hash is stored. */
  token: string
  resumed: boolean
}

export interface AnswerReceipt {
  answerId: string
  turnIndex: number
  /** The same turn was already recorded (a retried submit); nothing new was written. */
  duplicate: boolean
}

export interface InterviewEngine {
  startSession(code: string): Promise<StartedSession>
  sessionForToken(token: string): Promise<string>
  /** Where the interview stands; applies a saved answer's evaluation first when one is waiting. */
  currentTurn(sessionId: string): Promise<EngineTurn>
  /** Saves the answer with the state in one transaction and starts its evaluation. */
  submitAnswer(sessionId: string, answer: SubmittedAnswer): Promise<AnswerReceipt>
  /**
   * Appends speech that resumed within the grace window to a saved answer and rates it again: before
   * its decision is applied the interview decides on the whole answer; after, only the rating changes.
   */
  continueAnswer(sessionId: string, answerId: string, more: AnswerContinuation): Promise<void>
  repeatQuestion(sessionId: string): Promise<EngineTurn>
  retake(sessionId: string): Promise<EngineTurn>
  skip(sessionId: string, turnIndex?: number): Promise<EngineTurn>
  finish(sessionId: string): Promise<EngineTurn>
  /** Marks the candidate as active (the voice loop calls it while they speak). */
  touch(sessionId: string): Promise<void>
  /**
   * The interviewer's next words, streamed: an acknowledgement of the last answer (from the chat
   * model when it is available), then the next question, follow-up or closing. Stops on abort.
   */
  nextUtterance(sessionId: string, options?: { signal?: AbortSignal }): AsyncIterable<string>
  /** Abandons sessions idle past the limit and expires overdue invitations; returns sessions abandoned. */
  sweep(): Promise<number>
  /**
   * Evaluates again an answer whose words arrived after the interview had moved on (a recording
   * transcribed later), so that what the recruiter reads rates what was said, not the silence the
   * engine saw. The interview's course is not changed.
   */
  reevaluateAnswer(answerId: string): Promise<void>
}

/** The saved answer and its continuation as one: words and pauses keep their times from the answer's start. */
function joinAnswerParts(
  saved: { text: string; transcript_words: string; speech_ms: number | null; pauses: string },
  more: z.output<typeof answerContinuationSchema>,
) {
  const { offsetMs } = more
  const words = z.array(transcriptWordSchema).catch([]).parse(JSON.parse(saved.transcript_words))
  const pauses = z.array(pauseSchema).catch([]).parse(JSON.parse(saved.pauses))
  return {
    text: [saved.text.trim(), more.text.trim()].filter(Boolean).join(' '),
    words: [
      ...words,
      ...more.transcriptWords.map((w) => ({ ...w, start: w.start + offsetMs / 1000, end: w.end + offsetMs / 1000 })),
    ],
    pauses: [...pauses, ...more.pauses.map((p) => ({ ...p, startMs: p.startMs + offsetMs }))],
    speechMs: (saved.speech_ms ?? 0) + more.speechMs,
  }
}

function invitationProblem(invitation: InvitationRow): string | null {
  switch (invitation.status) {
    case 'cancelled':
      return 'This code was cancelled. Please ask the recruiter for a new one.'
    case 'expired':
      return 'This code has expired. Please ask the recruiter for a new one.'
    case 'completed':
      return 'This code has already been used.'
    default:
      return null
  }
}

export function createInterviewEngine(deps: InterviewEngineDeps): InterviewEngine {
  const { db, clock, invitations } = deps
  const idleMs = deps.idleMs ?? IDLE_LIMIT_MS
  const store = createSessionStore(db, deps.writer, () => clock.now())
  const withSession = createSessionLock()
  const evaluate: AnswerEvaluator = createAnswerEvaluator({
    chat: deps.chat,
    prompts: deps.prompts,
    logger: deps.logger,
    timeoutMs: deps.evaluationTimeoutMs,
  })
  /** Evaluations started when an answer was saved, awaited when the next step is decided. */
  const inFlight = new Map<string, Promise<Evaluation>>()

  const view = (sessionId: string, loaded: { row: LoadedSession['row']; state: EngineState }) =>
    turnView(
      sessionId,
      loaded.state,
      { candidateName: loaded.row.candidate_name, title: loaded.state.title },
      clock.now(),
    )

  /** Saves a new state; when it ends the interview, closes the invitation in the same transaction. */
  const commit = async (
    trx: Transaction<Database>,
    loaded: LoadedSession,
    next: EngineState,
  ): Promise<LoadedSession> => {
    const version = await store.save(trx, loaded.row.id, next, loaded.version)
    if (next.finished && !loaded.state.finished) {
      await invitations.setStatus(
        trx,
        loaded.row.invitation_id,
        next.finished.reason === 'abandoned' ? 'expired' : 'completed',
      )
      await deps.onSessionFinished?.(trx, loaded.row.id)
    }
    return { ...loaded, state: next, version }
  }

  const changed = (sessionId: string) => deps.onSessionChanged?.(sessionId)

  const abandonIfIdle = async (loaded: LoadedSession): Promise<LoadedSession> => {
    const now = clock.now()
    if (loaded.state.finished || now - loaded.state.lastActivityAt < idleMs) return loaded
    if (loaded.state.pending) inFlight.delete(loaded.state.pending.answerId)
    const next = await db
      .transaction()
      .execute((trx) => commit(trx, loaded, finishState(loaded.state, 'abandoned', now)))
    deps.logger.info('interview abandoned after inactivity', { sessionId: loaded.row.id })
    changed(loaded.row.id)
    return next
  }

  const loadCurrent = async (sessionId: string) => abandonIfIdle(await store.load(sessionId))

  /** The session ready for the candidate's next move: idle-checked, waiting answer decided, not ended. */
  const loadLive = async (sessionId: string) => {
    const loaded = await settleLocked(sessionId)
    if (loaded.state.finished?.reason === 'abandoned') {
      throw new StudioError(
        'conflict',
        'This interview was stopped after 30 minutes without activity. Please ask the recruiter for help.',
      )
    }
    if (loaded.state.finished) throw new StudioError('conflict', 'This interview has already ended')
    return loaded
  }

  const evaluationFor = (sessionId: string, state: EngineState): Promise<Evaluation> => {
    const pending = state.pending!
    const turn = state.current!
    return evaluate({
      sessionId,
      question: plannedQuestion(state, turn.questionId),
      asked: { text: turn.text, followUp: turn.followUp !== null },
      answer: pending.text,
      skipped: pending.skipped,
    })
  }

  /** Applies the waiting answer's evaluation (the one in flight, or a fresh one after a restart). */
  const settleLocked = async (sessionId: string): Promise<LoadedSession> => {
    const loaded = await loadCurrent(sessionId)
    const pending = loaded.state.pending
    if (loaded.state.finished || !pending) return loaded
    const evaluation = await (inFlight.get(pending.answerId) ?? evaluationFor(sessionId, loaded.state))
    inFlight.delete(pending.answerId)
    const next = await db.transaction().execute(async (trx) => {
      await store.recordEvaluation(trx, pending.answerId, evaluation)
      return commit(trx, loaded, decide(loaded.state, evaluation, clock.now()))
    })
    changed(sessionId)
    return next
  }

  const settle = (sessionId: string) => withSession(sessionId, () => settleLocked(sessionId))

  const startFresh = async (invitation: InvitationRow): Promise<StartedSession> => {
    const now = clock.now()
    if (invitation.expires_at <= now) {
      await db.transaction().execute((trx) => invitations.setStatus(trx, invitation.id, 'expired'))
      throw new StudioError('conflict', 'This code has expired. Please ask the recruiter for a new one.')
    }
    if (invitation.scheduled_at !== null && now < invitation.scheduled_at - EARLY_START_MS) {
      throw new StudioError(
        'conflict',
        'This interview is scheduled for later. It opens 30 minutes before the scheduled time.',
      )
    }
    const template = await deps.templates.get(invitation.template_id)
    if (template.status === 'draft' || template.questions.length === 0) {
      throw new StudioError('conflict', 'This interview is not ready yet. Please ask the recruiter.')
    }
    const state = startState(
      {
        title: template.name,
        questions: template.questions.map(toPlannedQuestion),
        settings: template.settings,
        mode: deps.chat() ? 'adaptive' : 'scripted',
      },
      now,
    )
    const token = newToken()
    const sessionId = await db.transaction().execute(async (trx) => {
      const fresh = await trx
        .selectFrom('interview_invitations')
        .select('status')
        .where('id', '=', invitation.id)
        .executeTakeFirstOrThrow()
      // Two kiosks entering the same code at once: the first transaction wins, the second sees it started.
      if (fresh.status !== 'pending') throw new StudioError('conflict', 'This code has already been used.')
      const id = await store.create(trx, {
        invitationId: invitation.id,
        templateId: template.id,
        templateVersion: template.version,
        candidateId: invitation.candidate_id,
        candidateName: invitation.candidate_name,
        state,
        tokenHash: hashToken(token),
      })
      await invitations.setStatus(trx, invitation.id, 'started', { sessionId: id })
      return id
    })
    deps.logger.info('interview started', { sessionId, mode: state.mode })
    changed(sessionId)
    return { sessionId, token, resumed: false }
  }

  /** The candidate entered their code again after a crash or a closed window: same session, new token. */
  const resume = (sessionId: string): Promise<StartedSession> =>
    withSession(sessionId, async () => {
      const loaded = await loadCurrent(sessionId)
      if (loaded.state.finished) throw new StudioError('conflict', 'This code has already been used.')
      const token = newToken()
      await db.transaction().execute(async (trx) => {
        await store.replaceToken(trx, sessionId, hashToken(token))
        await commit(trx, loaded, touch(loaded.state, clock.now()))
      })
      return { sessionId, token, resumed: true }
    })

  const utterances = createUtterances({
    chat: deps.chat,
    prompts: deps.prompts,
    logger: deps.logger,
    load: (sessionId) => withSession(sessionId, () => loadCurrent(sessionId)),
    settle,
  })

  const reevaluate = async (answerId: string): Promise<void> => {
    const answer = await db
      .selectFrom('interview_answers')
      .select(['session_id', 'question_id', 'question_text', 'is_follow_up', 'text', 'skipped'])
      .where('id', '=', answerId)
      .executeTakeFirst()
    if (!answer?.question_id || answer.skipped || !answer.text.trim()) return
    const sessionId = answer.session_id
    await withSession(sessionId, async () => {
      // An answer still waiting for its first evaluation gets it now, so that one cannot land after this one.
      const { state } = await settleLocked(sessionId)
      const evaluation = await evaluate({
        sessionId,
        question: plannedQuestion(state, answer.question_id!),
        asked: { text: answer.question_text, followUp: answer.is_follow_up === 1 },
        answer: answer.text,
        skipped: false,
      })
      await db.transaction().execute((trx) => store.recordEvaluation(trx, answerId, evaluation))
    })
    changed(sessionId)
  }

  return {
    async startSession(code) {
      deps.throttle.check()
      const normalized = normalizeCode(code)
      const invitation = normalized ? await invitations.byCodeHash(hashCode(normalized)) : undefined
      if (!invitation) {
        deps.throttle.failed()
        throw new StudioError('not_found', 'We could not find that code. Please check it and try again.')
      }
      deps.throttle.succeeded()
      const problem = invitationProblem(invitation)
      if (problem) throw new StudioError('conflict', problem)
      if (invitation.status === 'started' && invitation.session_id) return resume(invitation.session_id)
      return startFresh(invitation)
    },

    sessionForToken: (token) => store.sessionForToken(token),

    currentTurn: async (sessionId) => {
      const loaded = await settle(sessionId)
      return view(sessionId, loaded)
    },

    async submitAnswer(sessionId, input) {
      const answer = submittedAnswerSchema.parse(input)
      const receipt = await withSession(sessionId, async () => {
        if (answer.turnIndex !== undefined) {
          const existing = await store.answerAt(sessionId, answer.turnIndex)
          if (existing) return { answerId: existing.id, turnIndex: existing.turn_index, duplicate: true }
        }
        if (answer.turnIndex === undefined && (await store.load(sessionId)).state.pending) {
          // Without a turn index a second submit cannot say which question it answers.
          throw new StudioError('conflict', 'The last answer is still being processed')
        }
        const loaded = await loadLive(sessionId)
        const turn = loaded.state.current
        const turnIndex = answer.turnIndex ?? turn?.index ?? -1
        const answerId = uuidv7()
        const now = clock.now()
        const next = answerTurn(loaded.state, { answerId, turnIndex, skipped: false, text: answer.text }, now)
        const question = plannedQuestion(loaded.state, turn!.questionId)
        await db.transaction().execute(async (trx) => {
          await deps.writer.insert(trx, 'interview_answers', {
            id: answerId,
            session_id: sessionId,
            turn_index: turnIndex,
            question_id: question.id,
            question_text: turn!.text,
            question_type: question.type,
            stage: question.difficulty,
            skill: question.skill,
            is_follow_up: turn!.followUp ? 1 : 0,
            input_mode: answer.inputMode,
            text: answer.text,
            transcript_words: JSON.stringify(answer.transcriptWords),
            audio_path: answer.audioPath,
            started_at: answer.startedAt,
            ended_at: answer.endedAt,
            response_delay_ms: answer.responseDelayMs,
            speech_ms: answer.speechMs,
            pauses: JSON.stringify(answer.pauses),
            pasted_chars: answer.pastedChars,
            skipped: 0,
            quality: null,
            quality_source: null,
            evaluation: null,
          })
          await commit(trx, loaded, next)
        })
        inFlight.set(answerId, evaluationFor(sessionId, next))
        return { answerId, turnIndex, duplicate: false }
      })
      if (!receipt.duplicate) changed(sessionId)
      return receipt
    },

    async continueAnswer(sessionId, answerId, input) {
      const more = answerContinuationSchema.parse(input)
      const decided = await withSession(sessionId, async () => {
        const row = await db
          .selectFrom('interview_answers')
          .select(['text', 'transcript_words', 'speech_ms', 'pauses', 'skipped'])
          .where('id', '=', answerId)
          .where('session_id', '=', sessionId)
          .executeTakeFirst()
        if (!row || row.skipped) throw new StudioError('not_found', 'There is no such answer to continue')
        const joined = joinAnswerParts(row, more)
        const loaded = await loadCurrent(sessionId)
        const pending = loaded.state.pending?.answerId === answerId ? loaded.state.pending : null
        const next = pending ? { ...loaded.state, pending: { ...pending, text: joined.text } } : loaded.state
        await db.transaction().execute(async (trx) => {
          await deps.writer.update(trx, 'interview_answers', answerId, {
            text: joined.text,
            transcript_words: JSON.stringify(joined.words),
            pauses: JSON.stringify(joined.pauses),
            speech_ms: joined.speechMs,
            ended_at: more.endedAt,
          })
          if (pending) await commit(trx, loaded, next)
        })
        // Not decided yet: the decision waits for a rating of the whole answer.
        if (pending) inFlight.set(answerId, evaluationFor(sessionId, next))
        return !pending
      })
      changed(sessionId)
      // The interview's course is set; only the rating follows, without holding up the next question.
      if (decided)
        reevaluate(answerId).catch((error: unknown) =>
          deps.logger.warn('a continued answer could not be rated again', { sessionId, error: String(error) }),
        )
    },

    repeatQuestion: (sessionId) =>
      withSession(sessionId, async () => {
        const loaded = await loadLive(sessionId)
        const next = await db.transaction().execute((trx) => commit(trx, loaded, repeatTurn(loaded.state, clock.now())))
        return view(sessionId, next)
      }),

    retake: (sessionId) =>
      withSession(sessionId, async () => {
        const loaded = await loadLive(sessionId)
        const next = await db.transaction().execute((trx) => commit(trx, loaded, retakeTurn(loaded.state, clock.now())))
        return view(sessionId, next)
      }),

    async skip(sessionId, turnIndex) {
      const next = await withSession(sessionId, async () => {
        const loaded = await loadLive(sessionId)
        const turn = loaded.state.current
        if (turnIndex !== undefined && turn && turnIndex !== turn.index) {
          const existing = await store.answerAt(sessionId, turnIndex)
          if (existing) return loaded
        }
        const answerId = uuidv7()
        const now = clock.now()
        const answered = answerTurn(
          loaded.state,
          { answerId, turnIndex: turnIndex ?? turn?.index ?? -1, skipped: true, text: '' },
          now,
        )
        const question = plannedQuestion(loaded.state, turn!.questionId)
        const evaluation = await evaluationFor(sessionId, answered)
        return db.transaction().execute(async (trx) => {
          await deps.writer.insert(trx, 'interview_answers', {
            id: answerId,
            session_id: sessionId,
            turn_index: turn!.index,
            question_id: question.id,
            question_text: turn!.text,
            question_type: question.type,
            stage: question.difficulty,
            skill: question.skill,
            is_follow_up: turn!.followUp ? 1 : 0,
            input_mode: 'text',
            text: '',
            transcript_words: '[]',
            audio_path: null,
            started_at: now,
            ended_at: now,
            response_delay_ms: Math.max(0, now - turn!.askedAt),
            speech_ms: 0,
            pauses: '[]',
            pasted_chars: 0,
            skipped: 1,
            quality: evaluation.quality,
            quality_source: evaluation.source,
            evaluation: JSON.stringify({ note: evaluation.note, followUp: null }),
          })
          return commit(trx, loaded, decide(answered, evaluation, now))
        })
      })
      changed(sessionId)
      return view(sessionId, next)
    },

    reevaluateAnswer: reevaluate,

    async finish(sessionId) {
      const next = await withSession(sessionId, async () => {
        // Finishing an interview that has just ended (its last answer decided it) is not an error.
        const settled = await settleLocked(sessionId)
        if (settled.state.finished) return settled
        return db
          .transaction()
          .execute((trx) => commit(trx, settled, finishState(settled.state, 'candidate_finished', clock.now())))
      })
      changed(sessionId)
      return view(sessionId, next)
    },

    touch: (sessionId) =>
      withSession(sessionId, async () => {
        const loaded = await loadLive(sessionId)
        const now = clock.now()
        if (now - loaded.state.lastActivityAt < TOUCH_WRITE_MS) return
        await db.transaction().execute((trx) => commit(trx, loaded, touch(loaded.state, now)))
      }),

    nextUtterance: (sessionId, options) => utterances.next(sessionId, options?.signal),

    async sweep() {
      await invitations.expireDue()
      let abandoned = 0
      for (const sessionId of await store.idleSessions(clock.now() - idleMs)) {
        const loaded = await withSession(sessionId, () => loadCurrent(sessionId))
        if (loaded.state.finished?.reason === 'abandoned') abandoned += 1
      }
      return abandoned
    },
  }
}
