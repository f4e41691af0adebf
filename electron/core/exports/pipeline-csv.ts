import type { Kysely } from 'kysely'
import { StudioError } from '../../../shared/contract/errors'
import type { ExportedFile } from '../../../shared/contract/exports'
import type { Database } from '../db/schema'
import { readStringList } from '../screening/candidates/json-columns'
import { toCsv } from './csv'
import { fileNameOf } from './file-name'
import { latestInterviewsOfJob } from './latest-interviews'

export const PIPELINE_HEADER = [
  'Name',
  'Email',
  'Status',
  'Screening score',
  'Years of experience',
  'Matched skills',
  'Missing skills',
  'Interview overall score',
  'AI recommendation (advisory)',
  'Decision',
] as const

/** Skill lists share one cell; a semicolon keeps the cell readable and the CSV's commas for columns. */
const list = (json: string | null) => readStringList(json).join('; ')

/** The job's pipeline, one row per application, best screening score first (unscored last). */
export async function pipelineCsv(db: Kysely<Database>, jobId: string): Promise<ExportedFile> {
  const job = await db
    .selectFrom('job_openings')
    .select('title')
    .where('id', '=', jobId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!job) throw new StudioError('not_found', 'That job no longer exists')

  const [rows, interviews] = await Promise.all([
    db
      .selectFrom('applications as a')
      .innerJoin('candidates as c', 'c.id', 'a.candidate_id')
      .leftJoin('application_scores as s', 's.application_id', 'a.id')
      .select(['c.id', 'c.name', 'c.email', 'a.status', 's.score', 'c.total_years', 's.matched', 's.missing'])
      .where('a.job_id', '=', jobId)
      .where('a.deleted_at', 'is', null)
      .where('c.deleted_at', 'is', null)
      .orderBy((eb) => eb('s.score', 'is', null))
      .orderBy('s.score', 'desc')
      .orderBy('c.name')
      .execute(),
    latestInterviewsOfJob(db, jobId),
  ])
  const text = toCsv(
    PIPELINE_HEADER,
    rows.map((row) => {
      const interview = interviews.get(row.id)
      return [
        row.name,
        row.email,
        row.status,
        row.score === null ? null : Math.round(row.score),
        Math.round(row.total_years * 10) / 10,
        list(row.matched),
        list(row.missing),
        interview?.overallScore ?? null,
        interview?.recommendation ?? null,
        interview?.decision ?? null,
      ]
    }),
  )
  return { fileName: fileNameOf(`${job.title} pipeline`, 'csv'), mediaType: 'text/csv', text }
}
