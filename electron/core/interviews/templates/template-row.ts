import type { Selectable } from 'kysely'
import {
  TEMPLATE_DEFAULT_SETTINGS,
  templateSettingsSchema,
  type TemplateSettings,
  type TemplateSummary,
} from '../../../../shared/contract/interviews'
import { readJson } from '../json-column'
import type { InterviewTemplatesTable } from '../tables'

export type TemplateRow = Selectable<InterviewTemplatesTable>

export const readSettings = (text: string): TemplateSettings =>
  readJson(text, templateSettingsSchema, { ...TEMPLATE_DEFAULT_SETTINGS })

export function toTemplateSummary(row: TemplateRow, questionCount: number, jobTitle: string | null): TemplateSummary {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    jobId: row.job_id,
    jobTitle,
    status: row.status,
    version: row.version,
    questionCount,
    settings: readSettings(row.settings),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
  }
}
