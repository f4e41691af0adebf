import crypto from 'node:crypto'
import type { Kysely, Selectable, Transaction } from 'kysely'
import { StudioError } from '../../../../shared/contract/errors'
import type { Database } from '../../db/schema'
import type { SyncedWriter } from '../../db/synced'
import type { InterviewSessionsTable } from '../tables'
import { boundaryViews } from './boundaries'
import type { Evaluation } from './machine'
import { engineStateSchema, type EngineState } from './state'

export type SessionRow = Selectable<InterviewSessionsTable>

export interface LoadedSession {
  row: SessionRow
  state: EngineState
  version: number
}

export const hashToken = (token: string): string => crypto.createHash('sha256').update(token).digest('hex')
export const newToken = (): string => crypto.randomBytes(32).toString('base64url')

/** The synced summary columns that follow from the engine state. */
function summaryOf(state: EngineState, answeredCount: number) {
  return {
    stage: state.stage,
    status: state.finished
      ? state.finished.reason === 'abandoned'
        ? ('abandoned' as const)
        : ('completed' as const)
      : ('in_progress' as const),
    answered_count: answeredCount,
    last_activity_at: state.lastActivityAt,
    finished_at: state.finished?.at ?? null,
    finish_reason: state.finished?.reason ?? null,
    skills: JSON.stringify(boundaryViews(state.skills)),
  }
}

export interface NewSession {
  invitationId: string
  templateId: string
  templateVersion: number
  candidateId: string
  candidateName: string
  state: EngineState
  tokenHash: string
}

/**
 * Reads and writes a session's state. Every write checks the version it read, so two writers can
 * never both advance the same interview; the state row and the synced summary change together.
 */
/** What is kept of a rating with its answer: the note, the proposed follow-up, and where a model's came from. */
export const storedEvaluation = (evaluation: Evaluation) => ({
  note: evaluation.note,
  followUp: evaluation.followUp,
  ...(evaluation.provenance ?? {}),
})

export function createSessionStore(db: Kysely<Database>, writer: SyncedWriter, now: () => number) {
  const answeredCount = async (trx: Transaction<Database>, sessionId: string) =>
    Number(
      (
        await trx
          .selectFrom('interview_answers')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('session_id', '=', sessionId)
          .where('skipped', '=', 0)
          .executeTakeFirstOrThrow()
      ).n,
    )

  return {
    async create(trx: Transaction<Database>, session: NewSession): Promise<string> {
      const id = await writer.insert(trx, 'interview_sessions', {
        invitation_id: session.invitationId,
        template_id: session.templateId,
        template_version: session.templateVersion,
        candidate_id: session.candidateId,
        candidate_name: session.candidateName,
        mode: session.state.mode,
        started_at: session.state.startedAt,
        ...summaryOf(session.state, 0),
      })
      await trx
        .insertInto('interview_session_state')
        .values({
          session_id: id,
          state: JSON.stringify(session.state),
          version: 1,
          token_hash: session.tokenHash,
          updated_at: now(),
        })
        .execute()
      return id
    },

    async load(sessionId: string, from: Kysely<Database> | Transaction<Database> = db): Promise<LoadedSession> {
      const row = await from
        .selectFrom('interview_sessions')
        .selectAll()
        .where('id', '=', sessionId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst()
      const stateRow = await from
        .selectFrom('interview_session_state')
        .selectAll()
        .where('session_id', '=', sessionId)
        .executeTakeFirst()
      if (!row || !stateRow) throw new StudioError('not_found', 'That interview no longer exists')
      const parsed = engineStateSchema.safeParse(JSON.parse(stateRow.state))
      if (!parsed.success) throw new Error(`Interview ${sessionId} has a state this version cannot read`)
      return { row, state: parsed.data, version: stateRow.version }
    },

    async sessionForToken(token: string): Promise<string> {
      const row = await db
        .selectFrom('interview_session_state')
        .select('session_id')
        .where('token_hash', '=', hashToken(token))
        .executeTakeFirst()
      if (!row)
        throw new StudioError('forbidden', 'This interview session is no longer valid. Please enter your code again.')
      return row.session_id
    },

    async replaceToken(trx: Transaction<Database>, sessionId: string, tokenHash: string): Promise<void> {
      await trx
        .updateTable('interview_session_state')
        .set({ token_hash: tokenHash, updated_at: now() })
        .where('session_id', '=', sessionId)
        .execute()
    },

    /** Writes the new state if nobody else wrote since `version` was read; returns the new version. */
    async save(trx: Transaction<Database>, sessionId: string, state: EngineState, version: number): Promise<number> {
      const result = await trx
        .updateTable('interview_session_state')
        .set({ state: JSON.stringify(state), version: version + 1, updated_at: now() })
        .where('session_id', '=', sessionId)
        .where('version', '=', version)
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) !== 1)
        throw new StudioError('conflict', 'The interview moved on in the meantime; please try again')
      await writer.update(trx, 'interview_sessions', sessionId, summaryOf(state, await answeredCount(trx, sessionId)))
      return version + 1
    },

    async recordEvaluation(trx: Transaction<Database>, answerId: string, evaluation: Evaluation): Promise<void> {
      await writer.update(trx, 'interview_answers', answerId, {
        quality: evaluation.quality,
        quality_source: evaluation.source,
        evaluation: JSON.stringify(storedEvaluation(evaluation)),
      })
    },

    async answerAt(sessionId: string, turnIndex: number) {
      return db
        .selectFrom('interview_answers')
        .select(['id', 'turn_index'])
        .where('session_id', '=', sessionId)
        .where('turn_index', '=', turnIndex)
        .executeTakeFirst()
    },

    async idleSessions(before: number): Promise<string[]> {
      const rows = await db
        .selectFrom('interview_sessions')
        .select('id')
        .where('status', '=', 'in_progress')
        .where('last_activity_at', '<', before)
        .where('deleted_at', 'is', null)
        .execute()
      return rows.map((r) => r.id)
    },
  }
}

export type SessionStore = ReturnType<typeof createSessionStore>
