import { sql, type Kysely } from 'kysely'
import type { AnalyticsView, CountRow } from '../../../../shared/contract/screening'
import type { Database } from '../../db/schema'
import type { ResumeFormat } from '../types'
import { funnelView } from './funnel'

const SOURCE_LABELS = {
  upload: 'Imported by upload (drag and drop, file picker)',
  path: 'Imported from a folder or path (dialog, CLI, opened with the app)',
  pool: 'Added from the candidate pool',
} as const

const FORMAT_LABELS: Record<ResumeFormat, string> = {
  pdf: 'PDF',
  docx: 'Word (DOCX)',
  txt: 'Plain text',
  md: 'Markdown',
  'json-resume': 'JSON Resume',
}

const INTERVIEW_LABELS = {
  completed: 'Completed',
  abandoned: 'Abandoned',
  in_progress: 'In progress',
} as const

/** Rows in a fixed order with every label present, so a chart's bars do not come and go. */
function rowsOf(labels: Record<string, string>, counts: Map<string, number>): CountRow[] {
  return Object.entries(labels).map(([key, label]) => ({ label, count: counts.get(key) ?? 0 }))
}

/**
 * How each application entered: an import into its job (by uploaded bytes or by a path on this
 * machine), or otherwise added from the candidates already in the studio.
 */
async function sources(db: Kysely<Database>, jobId: string | null): Promise<CountRow[]> {
  let query = db
    .selectFrom('applications as a')
    .select(
      sql<string>`coalesce((select case when i.staged_hash is not null then 'upload' else 'path' end
        from intake_items i join intake_batches b on b.id = i.batch_id
        where i.candidate_id = a.candidate_id and b.job_id = a.job_id and i.outcome = 'imported'
        order by i.id limit 1), 'pool')`.as('source'),
    )
    .where('a.deleted_at', 'is', null)
  if (jobId) query = query.where('a.job_id', '=', jobId)
  const counts = new Map<string, number>()
  for (const { source } of await query.execute()) counts.set(source, (counts.get(source) ?? 0) + 1)
  return rowsOf(SOURCE_LABELS, counts)
}

async function formats(db: Kysely<Database>, jobId: string | null): Promise<CountRow[]> {
  let query = db
    .selectFrom('candidates as c')
    .leftJoin('resume_files as f', 'f.id', 'c.current_file_id')
    .select(sql<string>`coalesce(f.format, 'none')`.as('format'))
    .where('c.deleted_at', 'is', null)
  if (jobId) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('applications as a')
          .select('a.id')
          .whereRef('a.candidate_id', '=', 'c.id')
          .where('a.job_id', '=', jobId)
          .where('a.deleted_at', 'is', null),
      ),
    )
  }
  const counts = new Map<string, number>()
  for (const { format } of await query.execute()) counts.set(format, (counts.get(format) ?? 0) + 1)
  return rowsOf({ ...FORMAT_LABELS, none: 'No resume' }, counts)
}

/** Interviews for templates made for the job (or all of them), by how they ended. */
async function interviews(db: Kysely<Database>, jobId: string | null): Promise<CountRow[]> {
  let query = db
    .selectFrom('interview_sessions as s')
    .innerJoin('interview_templates as t', 't.id', 's.template_id')
    .select(['s.status', sql<number>`count(*)`.as('n')])
    .where('s.deleted_at', 'is', null)
    .groupBy('s.status')
  if (jobId) query = query.where('t.job_id', '=', jobId)
  const counts = new Map((await query.execute()).map((row) => [row.status as string, Number(row.n)]))
  return rowsOf(INTERVIEW_LABELS, counts)
}

/** A job's numbers, or every job's together. */
export async function analyticsView(db: Kysely<Database>, jobId: string | null): Promise<AnalyticsView> {
  return {
    jobId,
    funnel: await funnelView(db, jobId),
    sources: await sources(db, jobId),
    formats: await formats(db, jobId),
    interviews: await interviews(db, jobId),
  }
}
