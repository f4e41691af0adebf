import { sql, type Kysely } from 'kysely'
import type { AiUsageTotals } from '../../../../shared/contract/ai'
import type { Database } from '../../db/schema'
import type { AiUsageTable } from '../tables'
import type { Capability, ProviderId, UsageScope } from '../types'
import { NANO_PER_USD, type UsageAmounts } from './prices'

export interface UsageRecord {
  at: number
  provider: ProviderId
  capability: Capability
  model: string
  scope?: UsageScope
  usage: UsageAmounts
  costNano: number
  estimated: boolean
  outcome: AiUsageTable['outcome']
  errorKind?: string
  latencyMs: number
}

export interface UsageTotalsNano extends Omit<AiUsageTotals, 'costUsd'> {
  costNano: number
}

export interface UsageStore {
  record(row: UsageRecord): Promise<void>
  forInterview(interviewId: string): Promise<UsageTotalsNano>
  forJob(jobId: string): Promise<UsageTotalsNano>
  /** Per capability for one month (YYYY-MM, local time). */
  forMonth(month: string): Promise<Record<Capability, UsageTotalsNano>>
}

/** YYYY-MM of an instant in the machine's own time zone, which is how a recruiter reads "this month". */
export function monthOf(epochMs: number): string {
  const date = new Date(epochMs)
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`
}

export const emptyTotals = (): UsageTotalsNano => ({
  calls: 0,
  failedCalls: 0,
  inputTokens: 0,
  outputTokens: 0,
  audioSeconds: 0,
  characters: 0,
  costNano: 0,
})

export const toUsd = (nano: number) => nano / NANO_PER_USD

export function createUsageStore(db: Kysely<Database>): UsageStore {
  const totals = () =>
    [
      sql<number>`count(*) filter (where outcome = 'ok')`.as('calls'),
      sql<number>`count(*) filter (where outcome = 'error')`.as('failed_calls'),
      sql<number>`coalesce(sum(input_tokens), 0)`.as('input_tokens'),
      sql<number>`coalesce(sum(output_tokens), 0)`.as('output_tokens'),
      sql<number>`coalesce(sum(audio_ms), 0)`.as('audio_ms'),
      sql<number>`coalesce(sum(characters), 0)`.as('characters'),
      sql<number>`coalesce(sum(cost_nano), 0)`.as('cost_nano'),
    ] as const
  type Row = {
    calls: number
    failed_calls: number
    input_tokens: number
    output_tokens: number
    audio_ms: number
    characters: number
    cost_nano: number
  }
  const fromRow = (row: Row | undefined): UsageTotalsNano =>
    row
      ? {
          calls: Number(row.calls),
          failedCalls: Number(row.failed_calls),
          inputTokens: Number(row.input_tokens),
          outputTokens: Number(row.output_tokens),
          audioSeconds: Number(row.audio_ms) / 1000,
          characters: Number(row.characters),
          costNano: Number(row.cost_nano),
        }
      : emptyTotals()

  return {
    async record(row) {
      await db
        .insertInto('ai_usage')
        .values({
          at: row.at,
          month: monthOf(row.at),
          provider: row.provider,
          capability: row.capability,
          model: row.model,
          interview_id: row.scope?.interviewId ?? null,
          job_id: row.scope?.jobId ?? null,
          input_tokens: Math.round(row.usage.inputTokens),
          output_tokens: Math.round(row.usage.outputTokens),
          audio_ms: Math.round(row.usage.audioSeconds * 1000),
          characters: Math.round(row.usage.characters),
          cost_nano: row.costNano,
          estimated: row.estimated ? 1 : 0,
          outcome: row.outcome,
          error_kind: row.errorKind ?? null,
          latency_ms: Math.round(row.latencyMs),
        })
        .execute()
    },
    async forInterview(interviewId) {
      return fromRow(
        await db.selectFrom('ai_usage').select(totals()).where('interview_id', '=', interviewId).executeTakeFirst(),
      )
    },
    async forJob(jobId) {
      return fromRow(await db.selectFrom('ai_usage').select(totals()).where('job_id', '=', jobId).executeTakeFirst())
    },
    async forMonth(month) {
      const rows = await db
        .selectFrom('ai_usage')
        .select(['capability', ...totals()])
        .where('month', '=', month)
        .groupBy('capability')
        .execute()
      const result: Record<Capability, UsageTotalsNano> = {
        chat: emptyTotals(),
        embeddings: emptyTotals(),
        stt: emptyTotals(),
        tts: emptyTotals(),
      }
      for (const row of rows) result[row.capability] = fromRow(row)
      return result
    },
  }
}
