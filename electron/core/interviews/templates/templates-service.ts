import { sql, type Kysely, type Transaction } from 'kysely'
import type { z } from 'zod'
import { StudioError } from '../../../../shared/contract/errors'
import {
  templateInputSchema,
  type TemplateDetail,
  type TemplatePatch,
  type TemplateStatus,
  type TemplateSummary,
} from '../../../../shared/contract/interviews'
import type { Clock } from '../../clock'
import type { Database } from '../../db/schema'
import type { SyncedWriter } from '../../db/synced'
import { toQuestionView, type QuestionRow } from '../questions/question-row'
import type { JobSource } from '../sources'
import { publishProblems } from './publish-rules'
import { readSettings, toTemplateSummary } from './template-row'

type Db = Kysely<Database> | Transaction<Database>
export type TemplateInputParsed = z.output<typeof templateInputSchema>

export interface TemplatesServiceDeps {
  db: Kysely<Database>
  writer: SyncedWriter
  clock: Clock
  jobs: JobSource
}

export interface TemplatesService {
  list(status: TemplateStatus | 'all'): Promise<TemplateSummary[]>
  get(id: string): Promise<TemplateDetail>
  create(input: TemplateInputParsed): Promise<TemplateDetail>
  update(id: string, patch: TemplatePatch): Promise<TemplateDetail>
  publish(id: string): Promise<TemplateDetail>
  archive(id: string): Promise<TemplateDetail>
  duplicate(id: string): Promise<TemplateDetail>
  /** Throws unless the template is a draft: only drafts change their questions. */
  requireDraft(trx: Db, id: string): Promise<void>
}

export async function questionRows(db: Db, templateId: string): Promise<QuestionRow[]> {
  return db
    .selectFrom('interview_questions')
    .selectAll()
    .where('template_id', '=', templateId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .orderBy('id')
    .execute()
}

export function createTemplatesService(deps: TemplatesServiceDeps): TemplatesService {
  const { db, writer } = deps

  const row = async (from: Db, id: string) => {
    const found = await from
      .selectFrom('interview_templates')
      .selectAll()
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
    if (!found) throw new StudioError('not_found', 'That interview template no longer exists')
    return found
  }

  const jobTitle = async (jobId: string | null) =>
    jobId ? ((await deps.jobs.titles([jobId])).get(jobId) ?? null) : null

  /** The template as read through `from`; the job's title is left out (the job source reads through the main db). */
  const detailWithin = async (from: Db, id: string): Promise<TemplateDetail> => {
    const template = await row(from, id)
    const questions = (await questionRows(from, id)).map(toQuestionView)
    return { ...toTemplateSummary(template, questions.length, null), questions }
  }

  const get = async (id: string): Promise<TemplateDetail> => {
    const detail = await detailWithin(db, id)
    return { ...detail, jobTitle: await jobTitle(detail.jobId) }
  }

  const requireDraft = async (from: Db, id: string) => {
    const template = await row(from, id)
    if (template.status !== 'draft') {
      throw new StudioError('conflict', `This template is ${template.status}; duplicate it to make changes`)
    }
  }

  const checkJob = async (jobId: string | null | undefined) => {
    if (jobId && !(await deps.jobs.brief(jobId))) throw new StudioError('not_found', 'That job no longer exists')
  }

  return {
    get,
    requireDraft,

    async list(status) {
      let query = db
        .selectFrom('interview_templates as t')
        .selectAll('t')
        .select((eb) =>
          eb
            .selectFrom('interview_questions as q')
            .select(sql<number>`count(*)`.as('n'))
            .whereRef('q.template_id', '=', 't.id')
            .where('q.deleted_at', 'is', null)
            .as('question_count'),
        )
        .where('t.deleted_at', 'is', null)
        .orderBy('t.updated_at', 'desc')
      if (status !== 'all') query = query.where('t.status', '=', status)
      const rows = await query.execute()
      const titles = await deps.jobs.titles([...new Set(rows.flatMap((r) => (r.job_id ? [r.job_id] : [])))])
      return rows.map((r) =>
        toTemplateSummary(r, Number(r.question_count ?? 0), r.job_id ? (titles.get(r.job_id) ?? null) : null),
      )
    },

    async create(input) {
      await checkJob(input.jobId)
      const id = await db.transaction().execute((trx) =>
        writer.insert(trx, 'interview_templates', {
          name: input.name,
          description: input.description,
          job_id: input.jobId,
          status: 'draft',
          settings: JSON.stringify(input.settings),
          version: 0,
          published_at: null,
        }),
      )
      return get(id)
    },

    async update(id, patch) {
      await checkJob(patch.jobId)
      await db.transaction().execute(async (trx) => {
        const template = await row(trx, id)
        if (template.status === 'archived') throw new StudioError('conflict', 'An archived template cannot be changed')
        const changesEngine = patch.jobId !== undefined || patch.settings !== undefined
        if (changesEngine && template.status !== 'draft') {
          throw new StudioError(
            'conflict',
            'Only the name and description of a published template can change; duplicate it to change more',
          )
        }
        await writer.update(trx, 'interview_templates', id, {
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.description !== undefined && { description: patch.description }),
          ...(patch.jobId !== undefined && { job_id: patch.jobId }),
          ...(patch.settings !== undefined && {
            settings: JSON.stringify({ ...readSettings(template.settings), ...patch.settings }),
          }),
        })
      })
      return get(id)
    },

    async publish(id) {
      await db.transaction().execute(async (trx) => {
        const detail = await detailWithin(trx, id)
        const problems = publishProblems(detail)
        if (problems.length) throw new StudioError('invalid_input', 'This template cannot be published yet', problems)
        await writer.update(trx, 'interview_templates', id, {
          status: 'active',
          version: detail.version + 1,
          published_at: deps.clock.now(),
        })
      })
      return get(id)
    },

    async archive(id) {
      await db.transaction().execute(async (trx) => {
        const template = await row(trx, id)
        if (template.status === 'archived') return
        await writer.update(trx, 'interview_templates', id, { status: 'archived' })
      })
      return get(id)
    },

    async duplicate(id) {
      const copyId = await db.transaction().execute(async (trx) => {
        const source = await row(trx, id)
        const newId = await writer.insert(trx, 'interview_templates', {
          name: `${source.name} (copy)`.slice(0, 120),
          description: source.description,
          job_id: source.job_id,
          status: 'draft',
          settings: source.settings,
          version: 0,
          published_at: null,
        })
        for (const q of await questionRows(trx, id)) {
          await writer.insert(trx, 'interview_questions', {
            template_id: newId,
            position: q.position,
            type: q.type,
            text: q.text,
            skill: q.skill,
            difficulty: q.difficulty,
            time_limit_sec: q.time_limit_sec,
            prep_time_sec: q.prep_time_sec,
            retakes_allowed: q.retakes_allowed,
            rubric: q.rubric,
            expected_points: q.expected_points,
            source: q.source,
          })
        }
        return newId
      })
      return get(copyId)
    },
  }
}
