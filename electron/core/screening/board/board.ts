import { sql, type Kysely } from 'kysely'
import type { z } from 'zod'
import {
  BOARD_CARDS_PER_COLUMN,
  pipelineStatusSchema,
  type BoardCard,
  type BoardMove,
  type BoardView,
  type boardFilterSchema,
  type PipelineStatus,
} from '../../../../shared/contract/screening'
import { StudioError } from '../../../../shared/contract/errors'
import type { Database } from '../../db/schema'
import { readStatus } from '../candidates/applications'
import { readStringList } from '../candidates/json-columns'
import { like } from '../candidates/list'

export type BoardFilter = z.output<typeof boardFilterSchema>

const ACTIVITY_LIMIT = 50

async function jobTitle(db: Kysely<Database>, jobId: string): Promise<string> {
  const job = await db
    .selectFrom('job_openings')
    .select('title')
    .where('id', '=', jobId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!job) throw new StudioError('not_found', 'That job no longer exists')
  return job.title
}

/** The job's applications after the filters, best score first, each with when it entered its stage. */
async function filteredCards(db: Kysely<Database>, filter: BoardFilter) {
  let query = db
    .selectFrom('applications as a')
    .innerJoin('candidates as c', 'c.id', 'a.candidate_id')
    .leftJoin('application_scores as s', 's.application_id', 'a.id')
    .select([
      'a.id as applicationId',
      'a.candidate_id as candidateId',
      'a.status',
      'a.created_at as addedAt',
      'c.name',
      'c.current_title as currentTitle',
      'c.tags',
      's.score',
      sql<number | null>`(select max(sc.created_at) from status_changes sc
        where sc.application_id = a.id and sc.deleted_at is null)`.as('movedAt'),
    ])
    .where('a.job_id', '=', filter.jobId)
    .where('a.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
  if (filter.minScore !== undefined) query = query.where('s.score', '>=', filter.minScore)
  if (filter.tag) {
    const tag = filter.tag
    query = query.where(sql<boolean>`exists (select 1 from json_each(c.tags) where value = ${tag} collate nocase)`)
  }
  if (filter.search) {
    const pattern = like(filter.search)
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`c.name like ${pattern} escape '\\'`,
        sql<boolean>`c.current_title like ${pattern} escape '\\'`,
      ]),
    )
  }
  return query.orderBy(sql`s.score is null, s.score desc, c.name collate nocase`).execute()
}

async function recentMoves(db: Kysely<Database>, jobId: string): Promise<BoardMove[]> {
  const rows = await db
    .selectFrom('status_changes as sc')
    .innerJoin('applications as a', 'a.id', 'sc.application_id')
    .innerJoin('candidates as c', 'c.id', 'a.candidate_id')
    .select([
      'sc.application_id',
      'a.candidate_id',
      'c.name',
      'sc.from_status',
      'sc.to_status',
      'sc.kind',
      'sc.created_at',
      'sc.actor',
    ])
    .where('a.job_id', '=', jobId)
    .where('sc.deleted_at', 'is', null)
    .where('a.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .where('sc.kind', '!=', 'import')
    .orderBy('sc.created_at', 'desc')
    .orderBy('sc.id', 'desc')
    .limit(ACTIVITY_LIMIT)
    .execute()
  return rows.map((row) => ({
    applicationId: row.application_id,
    candidateId: row.candidate_id,
    candidateName: row.name,
    from: readStatus(row.from_status),
    to: readStatus(row.to_status)!,
    kind: row.kind,
    at: row.created_at,
    by: row.actor,
  }))
}

/** A job's pipeline as columns in pipeline order, with the newest moves. */
export async function boardView(db: Kysely<Database>, filter: BoardFilter): Promise<BoardView> {
  const title = await jobTitle(db, filter.jobId)
  const columns = new Map<PipelineStatus, { count: number; cards: BoardCard[] }>(
    pipelineStatusSchema.options.map((status) => [status, { count: 0, cards: [] }]),
  )
  for (const row of await filteredCards(db, filter)) {
    const column = columns.get(readStatus(row.status)!)!
    column.count++
    if (column.cards.length >= BOARD_CARDS_PER_COLUMN) continue
    column.cards.push({
      applicationId: row.applicationId,
      candidateId: row.candidateId,
      name: row.name,
      currentTitle: row.currentTitle,
      score: row.score,
      tags: readStringList(row.tags),
      inStageSince: row.movedAt ?? row.addedAt,
    })
  }
  return {
    jobId: filter.jobId,
    jobTitle: title,
    columns: [...columns].map(([status, column]) => ({ status, ...column })),
    activity: await recentMoves(db, filter.jobId),
  }
}
