import type { Kysely, Transaction } from 'kysely'
import type { z } from 'zod'
import { StudioError } from '../../../../shared/contract/errors'
import type { QuestionPatch, TemplateDetail, questionInputSchema } from '../../../../shared/contract/interviews'
import type { Database } from '../../db/schema'
import type { SyncedWriter } from '../../db/synced'
import { questionRows, type TemplatesService } from '../templates/templates-service'

export type QuestionInputParsed = z.output<typeof questionInputSchema>

/** A template may hold at most this many questions; the engine never asks more than 30. */
export const MAX_QUESTIONS_PER_TEMPLATE = 100

export interface QuestionsServiceDeps {
  db: Kysely<Database>
  writer: SyncedWriter
  templates: TemplatesService
}

export interface QuestionsService {
  add(templateId: string, question: QuestionInputParsed): Promise<TemplateDetail>
  update(id: string, patch: QuestionPatch): Promise<TemplateDetail>
  remove(id: string): Promise<TemplateDetail>
  reorder(templateId: string, order: string[]): Promise<TemplateDetail>
  /** Appends questions inside the caller's transaction (generated drafts land here). */
  append(
    trx: Transaction<Database>,
    templateId: string,
    questions: QuestionInputParsed[],
    source: 'manual' | 'generated',
  ): Promise<void>
}

export function createQuestionsService(deps: QuestionsServiceDeps): QuestionsService {
  const { db, writer, templates } = deps

  const templateOf = async (trx: Transaction<Database>, id: string) => {
    const row = await trx
      .selectFrom('interview_questions')
      .select('template_id')
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
    if (!row) throw new StudioError('not_found', 'That question no longer exists')
    return row.template_id
  }

  /** Rewrites positions as 0..n-1 in the given order, touching only rows whose position changes. */
  const renumber = async (trx: Transaction<Database>, templateId: string, orderedIds: string[]) => {
    const current = new Map((await questionRows(trx, templateId)).map((q) => [q.id, q.position]))
    for (const [position, id] of orderedIds.entries()) {
      if (current.get(id) !== position) await writer.update(trx, 'interview_questions', id, { position })
    }
  }

  const append: QuestionsService['append'] = async (trx, templateId, questions, source) => {
    await templates.requireDraft(trx, templateId)
    const existing = await questionRows(trx, templateId)
    if (existing.length + questions.length > MAX_QUESTIONS_PER_TEMPLATE) {
      throw new StudioError('conflict', `A template holds at most ${MAX_QUESTIONS_PER_TEMPLATE} questions`)
    }
    let position = existing.length
    for (const q of questions) {
      await writer.insert(trx, 'interview_questions', {
        template_id: templateId,
        position: position++,
        type: q.type,
        text: q.text,
        skill: q.skill,
        difficulty: q.difficulty,
        time_limit_sec: q.timeLimitSec,
        prep_time_sec: q.prepTimeSec,
        retakes_allowed: q.retakesAllowed,
        rubric: JSON.stringify(q.rubric),
        expected_points: JSON.stringify(q.expectedPoints),
        source,
      })
    }
  }

  return {
    append,

    async add(templateId, question) {
      await db.transaction().execute((trx) => append(trx, templateId, [question], 'manual'))
      return templates.get(templateId)
    },

    async update(id, patch) {
      const templateId = await db.transaction().execute(async (trx) => {
        const owner = await templateOf(trx, id)
        await templates.requireDraft(trx, owner)
        await writer.update(trx, 'interview_questions', id, {
          ...(patch.type !== undefined && { type: patch.type }),
          ...(patch.text !== undefined && { text: patch.text }),
          ...(patch.skill !== undefined && { skill: patch.skill }),
          ...(patch.difficulty !== undefined && { difficulty: patch.difficulty }),
          ...(patch.timeLimitSec !== undefined && { time_limit_sec: patch.timeLimitSec }),
          ...(patch.prepTimeSec !== undefined && { prep_time_sec: patch.prepTimeSec }),
          ...(patch.retakesAllowed !== undefined && { retakes_allowed: patch.retakesAllowed }),
          ...(patch.rubric !== undefined && { rubric: JSON.stringify(patch.rubric) }),
          ...(patch.expectedPoints !== undefined && { expected_points: JSON.stringify(patch.expectedPoints) }),
        })
        return owner
      })
      return templates.get(templateId)
    },

    async remove(id) {
      const templateId = await db.transaction().execute(async (trx) => {
        const owner = await templateOf(trx, id)
        await templates.requireDraft(trx, owner)
        await writer.softDelete(trx, 'interview_questions', id)
        await renumber(
          trx,
          owner,
          (await questionRows(trx, owner)).map((q) => q.id),
        )
        return owner
      })
      return templates.get(templateId)
    },

    async reorder(templateId, order) {
      await db.transaction().execute(async (trx) => {
        await templates.requireDraft(trx, templateId)
        const ids = (await questionRows(trx, templateId)).map((q) => q.id)
        const same =
          order.length === ids.length && new Set(order).size === order.length && order.every((id) => ids.includes(id))
        if (!same)
          throw new StudioError(
            'conflict',
            'The questions changed while you were reordering; the list has been refreshed',
          )
        await renumber(trx, templateId, order)
      })
      return templates.get(templateId)
    },
  }
}
