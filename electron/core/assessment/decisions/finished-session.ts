import type { Kysely } from 'kysely'
import { StudioError } from '../../../../shared/contract/errors'
import type { Database } from '../../db/schema'

/** Refuses an interview that does not exist or is still running: there is nothing to decide on yet. */
export async function requireFinishedSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  const session = await db
    .selectFrom('interview_sessions')
    .select('status')
    .where('id', '=', sessionId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!session) throw new StudioError('not_found', 'This interview no longer exists')
  if (session.status === 'in_progress') {
    throw new StudioError('conflict', 'The interview is still in progress: decide once the candidate has finished')
  }
}
