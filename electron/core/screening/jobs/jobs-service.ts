import { sql, type Kysely } from 'kysely'
import type { z } from 'zod'
import { StudioError } from '../../../../shared/contract/errors'
import type {
  JobOpeningView,
  OpeningStatus,
  RerankSummary,
  jobInputSchema,
  jobPatchSchema,
} from '../../../../shared/contract/screening'
import type { Database } from '../../db/schema'
import type { SyncedWriter } from '../../db/synced'
import { distinctSkills } from './distinct-skills'
import { toJobColumns, toJobView } from './job-row'

export type JobInputParsed = z.output<typeof jobInputSchema>
export type JobPatchParsed = z.output<typeof jobPatchSchema>

export interface JobFilter {
  status: OpeningStatus | 'all'
  department?: string
  location?: string
  search?: string
}

export interface JobsServiceDeps {
  db: Kysely<Database>
  writer: SyncedWriter
  rerank(jobId: string): Promise<RerankSummary>
}

export interface JobsService {
  create(input: JobInputParsed): Promise<JobOpeningView>
  update(id: string, patch: JobPatchParsed): Promise<{ job: JobOpeningView; rerank: RerankSummary }>
  setStatus(id: string, status: OpeningStatus): Promise<JobOpeningView>
  get(id: string): Promise<JobOpeningView>
  list(filter: JobFilter): Promise<JobOpeningView[]>
  facets(): Promise<{ departments: string[]; locations: string[] }>
}

export function createJobsService(deps: JobsServiceDeps): JobsService {
  const { db, writer } = deps

  const counts = async (ids: string[]) => {
    if (!ids.length) return new Map<string, number>()
    const rows = await db
      .selectFrom('applications')
      .select(['job_id', sql<number>`count(*)`.as('n')])
      .where('job_id', 'in', ids)
      .where('deleted_at', 'is', null)
      .groupBy('job_id')
      .execute()
    return new Map(rows.map((r) => [r.job_id, Number(r.n)]))
  }

  const get = async (id: string): Promise<JobOpeningView> => {
    const row = await db
      .selectFrom('job_openings')
      .selectAll()
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
    if (!row) throw new StudioError('not_found', 'That job no longer exists')
    return toJobView(row, (await counts([id])).get(id) ?? 0)
  }

  return {
    get,

    async create(input) {
      const fields = { ...input, ...distinctSkills(input.requiredSkills, input.preferredSkills) }
      const id = await db.transaction().execute((trx) =>
        writer.insert(trx, 'job_openings', {
          ...(toJobColumns(fields) as Required<ReturnType<typeof toJobColumns>>),
          status: 'open',
        }),
      )
      return get(id)
    },

    async update(id, patch) {
      const current = await get(id)
      if (current.status === 'archived')
        throw new StudioError('conflict', 'An archived job cannot be edited; reopen it first')
      const merged = { ...current, ...patch }
      if (merged.salaryMin != null && merged.salaryMax != null && merged.salaryMin > merged.salaryMax) {
        throw StudioError.invalidField('salaryMin', 'The lowest salary must not be above the highest')
      }
      const skills = distinctSkills(merged.requiredSkills, merged.preferredSkills)
      const columns = toJobColumns({
        ...patch,
        ...(patch.requiredSkills || patch.preferredSkills ? skills : {}),
      })
      if (Object.keys(columns).length)
        await db.transaction().execute((trx) => writer.update(trx, 'job_openings', id, columns))
      const rerank = await deps.rerank(id)
      return { job: await get(id), rerank }
    },

    async setStatus(id, status) {
      const current = await get(id)
      if (current.status !== status) {
        await db.transaction().execute((trx) => writer.update(trx, 'job_openings', id, { status }))
      }
      return get(id)
    },

    async list(filter) {
      let query = db.selectFrom('job_openings').selectAll().where('deleted_at', 'is', null)
      if (filter.status !== 'all') query = query.where('status', '=', filter.status)
      if (filter.department) query = query.where('department', '=', filter.department)
      if (filter.location) query = query.where('location', '=', filter.location)
      if (filter.search) {
        const like = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
        query = query.where((eb) =>
          eb.or([sql<boolean>`title like ${like} escape '\\'`, sql<boolean>`description like ${like} escape '\\'`]),
        )
      }
      const rows = await query.orderBy('updated_at', 'desc').execute()
      const byJob = await counts(rows.map((r) => r.id))
      return rows.map((row) => toJobView(row, byJob.get(row.id) ?? 0))
    },

    async facets() {
      const rows = await db
        .selectFrom('job_openings')
        .select(['department', 'location'])
        .where('deleted_at', 'is', null)
        .where('status', '!=', 'archived')
        .execute()
      const distinct = (values: string[]) => [...new Set(values.filter(Boolean))].sort((a, b) => a.localeCompare(b))
      return { departments: distinct(rows.map((r) => r.department)), locations: distinct(rows.map((r) => r.location)) }
    },
  }
}
