import type { Kysely, Transaction } from 'kysely'
import { uuidv7 } from 'uuidv7'
import { StudioError } from '../../../shared/contract/errors'
import type { AssessmentJobView, SessionAssessments } from '../../../shared/contract/interviews'
import type { Database } from '../db/schema'
import type { Queue } from '../queue/queue'
import { integritySignals } from './integrity/signals'
import { ASSESSMENT_JOB, assessmentJobKey, type AssessmentPayload } from './job'
import { readAssessments } from './store'
import { loadSubject } from './subject'

export interface AssessmentService {
  /** Queues the first assessment in the transaction that ends the interview. */
  enqueueFirst(trx: Transaction<Database>, sessionId: string): Promise<void>
  rerun(sessionId: string): Promise<{ jobId: string }>
  get(sessionId: string): Promise<SessionAssessments>
}

const enqueue = (queue: Queue, db: Kysely<Database> | Transaction<Database>, payload: AssessmentPayload) =>
  queue.enqueue(db, ASSESSMENT_JOB, payload, { idempotencyKey: assessmentJobKey(payload) })

async function latestJob(db: Kysely<Database>, sessionId: string): Promise<AssessmentJobView | null> {
  const prefix = assessmentJobKey({ sessionId, request: '' })
  const row = await db
    .selectFrom('jobs')
    .select(['id', 'status', 'attempts', 'last_error', 'idempotency_key'])
    .where('kind', '=', ASSESSMENT_JOB)
    .where('idempotency_key', '>=', prefix)
    .where('idempotency_key', '<', `${prefix}\uffff`)
    .orderBy('seq', 'desc')
    .executeTakeFirst()
  return row ? { jobId: row.id, status: row.status, attempts: row.attempts, lastError: row.last_error } : null
}

export function createAssessmentService(deps: { db: Kysely<Database>; queue: Queue }): AssessmentService {
  const { db, queue } = deps
  return {
    async enqueueFirst(trx, sessionId) {
      await enqueue(queue, trx, { sessionId, request: 'first' })
    },
    async rerun(sessionId) {
      const session = await db
        .selectFrom('interview_sessions')
        .select('status')
        .where('id', '=', sessionId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst()
      if (!session) throw new StudioError('not_found', 'No such interview')
      if (session.status === 'in_progress') throw new StudioError('conflict', 'The interview has not finished yet')
      const jobId = await enqueue(queue, db, { sessionId, request: uuidv7() })
      queue.notify()
      return { jobId }
    },
    async get(sessionId) {
      const subject = await loadSubject(db, sessionId)
      const [all, job] = await Promise.all([readAssessments(db, sessionId), latestJob(db, sessionId)])
      return {
        sessionId,
        latest: all[0] ?? null,
        earlier: all.slice(1),
        job,
        integrity: integritySignals(subject.answers, subject.events),
      }
    },
  }
}
