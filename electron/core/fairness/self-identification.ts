import type { Kysely, Transaction } from 'kysely'
import { StudioError } from '../../../shared/contract/errors'
import { ageBandSchema, raceSchema, sexSchema, type SelfIdentification } from '../../../shared/contract/fairness'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import type { SelfIdentificationsTable } from './tables'

export const NOT_ANSWERED: SelfIdentification = { sex: null, race: null, ageBand: null }

/** A stored row as answers; a value this version does not know reads as not answered. */
export function answersOf(row: Pick<SelfIdentificationsTable, 'sex' | 'race' | 'age_band'>): SelfIdentification {
  return {
    sex: sexSchema.nullable().catch(null).parse(row.sex),
    race: raceSchema.nullable().catch(null).parse(row.race),
    ageBand: ageBandSchema.nullable().catch(null).parse(row.age_band),
  }
}

export async function readSelfIdentification(db: Kysely<Database>, candidateId: string): Promise<SelfIdentification> {
  const row = await db
    .selectFrom('self_identifications')
    .select(['sex', 'race', 'age_band'])
    .where('candidate_id', '=', candidateId)
    .executeTakeFirst()
  return row ? answersOf(row) : NOT_ANSWERED
}

/** Replaces the candidate's answers; all null removes the row, so nothing is kept that was withdrawn. */
/** A candidate stored in the studio and not deleted: the only kind whose answers a report can count. */
export async function candidateExists(
  db: Kysely<Database> | Transaction<Database>,
  candidateId: string,
): Promise<boolean> {
  const found = await db
    .selectFrom('candidates')
    .select('id')
    .where('id', '=', candidateId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  return found !== undefined
}

export async function writeSelfIdentification(
  deps: { db: Kysely<Database>; clock: Clock },
  candidateId: string,
  answers: SelfIdentification,
): Promise<SelfIdentification> {
  const { db } = deps
  await db.transaction().execute(async (trx) => {
    if (!(await candidateExists(trx, candidateId)))
      throw new StudioError('not_found', 'That candidate no longer exists')
    if (answers.sex === null && answers.race === null && answers.ageBand === null) {
      await trx.deleteFrom('self_identifications').where('candidate_id', '=', candidateId).execute()
      return
    }
    const row = { sex: answers.sex, race: answers.race, age_band: answers.ageBand, updated_at: deps.clock.now() }
    await trx
      .insertInto('self_identifications')
      .values({ candidate_id: candidateId, ...row })
      .onConflict((oc) => oc.column('candidate_id').doUpdateSet(row))
      .execute()
  })
  return readSelfIdentification(db, candidateId)
}
