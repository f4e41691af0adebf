import { uuidv7 } from 'uuidv7'
import { StudioError } from '../../../../shared/contract/errors'
import { UNMETERED } from '../../billing/types'
import { hashCode, normalizeCode } from '../invitations/codes'
import type { InvitationRow } from '../invitations/invitations-service'
import { toPlannedQuestion } from '../questions/question-row'
import { commitState, keepInterviewing, sessionChanged, type EngineContext } from './engine-context'
import { startState, touch } from './machine'
import { loadCurrent } from './session-load'
import { hashToken, newToken } from './session-store'

/** A scheduled interview opens this long before its time. */
export const EARLY_START_MS = 30 * 60_000

export interface StartedSession {
  sessionId: string
  /** The kiosk's credential for this session; only its hash is stored. */
  token: string
  resumed: boolean
}

export async function startSession(engine: EngineContext, code: string): Promise<StartedSession> {
  const { throttle, invitations } = engine.deps
  const guess = throttle.begin()
  const normalized = normalizeCode(code)
  let invitation: InvitationRow | undefined
  try {
    invitation = normalized ? await invitations.byCodeHash(hashCode(normalized)) : undefined
  } finally {
    if (invitation) guess.succeeded()
    else guess.failed()
  }
  if (!invitation) throw new StudioError('not_found', 'We could not find that code. Please check it and try again.')
  const problem = invitationProblem(invitation)
  if (problem) throw new StudioError('conflict', problem)
  if (invitation.status === 'started' && invitation.session_id) return resume(engine, invitation.session_id)
  return startFresh(engine, invitation)
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

async function startFresh(engine: EngineContext, invitation: InvitationRow): Promise<StartedSession> {
  const { db, logger, invitations } = engine.deps
  const { template, state, work } = await openingState(engine, invitation)
  const token = newToken()
  const sessionId = await db
    .transaction()
    .execute(async (trx) => {
      const fresh = await trx
        .selectFrom('interview_invitations')
        .select('status')
        .where('id', '=', invitation.id)
        .executeTakeFirstOrThrow()
      // Two kiosks entering the same code at once: the first transaction wins, the second sees it started.
      if (fresh.status !== 'pending') throw new StudioError('conflict', 'This code has already been used.')
      const id = await engine.store.create(trx, {
        invitationId: invitation.id,
        templateId: template.id,
        templateVersion: template.version,
        candidateId: invitation.candidate_id,
        candidateName: invitation.candidate_name,
        state,
        tokenHash: hashToken(token),
      })
      await invitations.setStatus(trx, invitation.id, 'started', { sessionId: id })
      await keepInterviewing(engine, trx, invitation.id)
      return id
    })
    .catch(async (error: unknown) => {
      // The interview did not start (another kiosk took the code): its AI interview is given back.
      if (work) await (engine.deps.quota ?? UNMETERED).release(work)
      throw error
    })
  logger.info('interview started', { sessionId, mode: state.mode })
  sessionChanged(engine, sessionId)
  return { sessionId, token, resumed: false }
}

/** The first state of an interview the invitation may start now, from its template. */
async function openingState(engine: EngineContext, invitation: InvitationRow) {
  const { deps } = engine
  const { db, clock, invitations } = deps
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
  const work = deps.chat() ? await admitAiInterview(engine) : null
  const state = startState(
    {
      title: template.name,
      questions: template.questions.map(toPlannedQuestion),
      settings: template.settings,
      mode: work ? 'adaptive' : 'scripted',
    },
    now,
  )
  return { template, state, work }
}

/**
 * Asks the workspace's quota for one AI interview; its work key when granted, null when refused.
 * Each start attempt asks with its own key: two kiosks racing for one code must not share a
 * reservation, since the loser gives its back.
 */
async function admitAiInterview(engine: EngineContext): Promise<string | null> {
  const work = `interview.start:${uuidv7()}`
  const admission = await (engine.deps.quota ?? UNMETERED).admit(work, 'ai_interview')
  if (admission.ok) return work
  engine.deps.logger.warn('the AI interviewer is not available on this plan now; the interview runs scripted', {
    reason: admission.message,
  })
  return null
}

/** The candidate entered their code again after a crash or a closed window: same session, new token. */
function resume(engine: EngineContext, sessionId: string): Promise<StartedSession> {
  const { db, clock } = engine.deps
  return engine.withSession(sessionId, async () => {
    const loaded = await loadCurrent(engine, sessionId)
    if (loaded.state.finished) throw new StudioError('conflict', 'This code has already been used.')
    const token = newToken()
    await db.transaction().execute(async (trx) => {
      await engine.store.replaceToken(trx, sessionId, hashToken(token))
      await commitState(engine, trx, loaded, touch(loaded.state, clock.now()))
    })
    return { sessionId, token, resumed: true }
  })
}
