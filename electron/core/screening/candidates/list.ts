import { sql, type Kysely } from 'kysely'
import type { z } from 'zod'
import {
  educationLevelSchema,
  pipelineStatusSchema,
  skillIdsOf,
  type CandidateList,
  type CandidateRow,
  type candidateListInputSchema,
} from '../../../../shared/contract/screening'
import type { Database } from '../../db/schema'
import { toJobView } from '../jobs/job-row'
import { readFlags, readStringList } from './json-columns'

export type CandidateListInput = z.output<typeof candidateListInputSchema>

/** A LIKE pattern matching `text` anywhere, with its wildcards escaped (used with `escape '\\'`). */
export const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/** Pipeline order, so sorting by status reads like the pipeline rather than the alphabet. */
const STATUS_ORDER = sql<number>`case a.status ${sql.join(
  pipelineStatusSchema.options.map((status, i) => sql`when ${status} then ${i}`),
  sql` `,
)} else 99 end`

/** For each of a job's skills, every id that answers for it: a skill with alternatives is had with any one. */
async function skillIdsByJobSkill(db: Kysely<Database>, jobId: string | undefined) {
  const row = jobId ? await db.selectFrom('job_openings').selectAll().where('id', '=', jobId).executeTakeFirst() : null
  const job = row ? toJobView(row, 0) : null
  return new Map(
    [...(job?.requiredSkills ?? []), ...(job?.preferredSkills ?? [])].map((s) => [s.skillId, skillIdsOf(s)]),
  )
}

/** The ranked, filtered list of candidates, for one job (scores and statuses) or for everyone. */
export async function listCandidates(db: Kysely<Database>, input: CandidateListInput): Promise<CandidateList> {
  let query = db
    .selectFrom('candidates as c')
    .leftJoin('candidate_features as f', 'f.candidate_id', 'c.id')
    .leftJoin('applications as a', (join) =>
      join
        .onRef('a.candidate_id', '=', 'c.id')
        .on('a.job_id', '=', input.jobId ?? '')
        .on('a.deleted_at', 'is', null),
    )
    .leftJoin('application_scores as s', 's.application_id', 'a.id')
    .where('c.deleted_at', 'is', null)

  if (input.jobId) query = query.where('a.id', 'is not', null)
  if (input.statuses?.length) {
    const statuses = input.statuses
    query = input.jobId
      ? query.where('a.status', 'in', statuses)
      : query.where((eb) =>
          eb.exists(
            eb
              .selectFrom('applications as any_a')
              .select('any_a.id')
              .whereRef('any_a.candidate_id', '=', 'c.id')
              .where('any_a.deleted_at', 'is', null)
              .where('any_a.status', 'in', statuses),
          ),
        )
  }
  if (input.minScore !== undefined) query = query.where('s.score', '>=', input.minScore)
  if (input.minYears !== undefined) query = query.where('c.total_years', '>=', input.minYears)
  if (input.skills?.length) {
    const idsOf = await skillIdsByJobSkill(db, input.jobId)
    for (const skillId of input.skills) {
      const ids = idsOf.get(skillId) ?? [skillId]
      query = query.where((eb) => eb.or(ids.map((id) => sql<boolean>`instr(f.skill_ids, ${`|${id}|`}) > 0`)))
    }
  }
  if (input.tag) {
    const tag = input.tag
    query = query.where(sql<boolean>`exists (select 1 from json_each(c.tags) where value = ${tag})`)
  }
  if (input.search) {
    const pattern = like(input.search)
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`c.name like ${pattern} escape '\\'`,
        sql<boolean>`c.email like ${pattern} escape '\\'`,
        sql<boolean>`c.current_title like ${pattern} escape '\\'`,
      ]),
    )
  }

  const total = Number((await query.select(sql<number>`count(*)`.as('n')).executeTakeFirst())?.n ?? 0)

  const desc = (input.order ?? (input.sort === 'name' || input.sort === 'status' ? 'asc' : 'desc')) === 'desc'
  const direction = desc ? sql`desc` : sql`asc`
  const orderBy = {
    score: sql`s.score is null, s.score ${direction}`,
    semantic: sql`s.semantic is null, s.semantic ${direction}`,
    name: sql`c.name collate nocase ${direction}`,
    years: sql`c.total_years ${direction}`,
    imported: sql`c.created_at ${direction}`,
    status: sql`${STATUS_ORDER} ${direction}`,
  }[input.sort]

  const rows = await query
    .select([
      'c.id',
      'c.name',
      'c.email',
      'c.phone',
      'c.current_title',
      'c.total_years',
      'c.education_level',
      'c.tags',
      'c.created_at',
      'a.id as application_id',
      'a.status',
      's.score',
      's.semantic',
      's.matched',
      's.missing',
      's.copied_posting',
      // Every file's flags in one array: a person's newer resume does not clear an older one's.
      sql<string>`(select json_group_array(j.value) from resume_files x, json_each(x.flags) j
        where x.candidate_id = c.id and x.deleted_at is null and json_valid(x.flags))`.as('flags'),
      sql<number>`(select count(*) from resume_files x where x.candidate_id = c.id and x.deleted_at is null)`.as(
        'file_count',
      ),
    ])
    .orderBy(orderBy)
    .orderBy('c.id')
    .limit(input.limit)
    .offset(input.offset)
    .execute()

  const items = rows.map((row): CandidateRow => {
    const flags = readFlags(row.flags)
    return {
      candidateId: row.id,
      applicationId: row.application_id,
      name: row.name,
      email: row.email,
      phone: row.phone,
      currentTitle: row.current_title,
      totalYears: row.total_years,
      educationLevel: educationLevelSchema.catch('none').parse(row.education_level),
      status: row.status ? pipelineStatusSchema.catch('new').parse(row.status) : null,
      score: row.score,
      semantic: row.semantic,
      matched: readStringList(row.matched),
      missing: readStringList(row.missing),
      copiedPosting: row.copied_posting,
      flagKinds: [...new Set(flags.map((f) => f.kind))],
      flagCount: flags.length,
      tags: readStringList(row.tags),
      fileCount: Number(row.file_count),
      importedAt: row.created_at,
    }
  })
  return { total, items }
}
