import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'

export interface PassUsage {
  calls: number
  inputTokens: number
  outputTokens: number
  costNano: number
}

/**
 * Tokens and cost of one pass, read from the AI layer's own accounting (ai_usage) rather than
 * counted again here: every call billed to the interview after the pass began. Passes of one run
 * follow each other, and a finished interview has no other AI calls, so the rows are the pass's own.
 */
export async function usageMark(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('ai_usage')
    .select(sql<number>`coalesce(max(seq), 0)`.as('seq'))
    .executeTakeFirst()
  return Number(row?.seq ?? 0)
}

export async function usageSince(db: Kysely<Database>, sessionId: string, mark: number): Promise<PassUsage> {
  const row = await db
    .selectFrom('ai_usage')
    .select([
      sql<number>`count(*)`.as('calls'),
      sql<number>`coalesce(sum(input_tokens), 0)`.as('input_tokens'),
      sql<number>`coalesce(sum(output_tokens), 0)`.as('output_tokens'),
      sql<number>`coalesce(sum(cost_nano), 0)`.as('cost_nano'),
    ])
    .where('interview_id', '=', sessionId)
    .where('seq', '>', mark)
    .executeTakeFirst()
  return {
    calls: Number(row?.calls ?? 0),
    inputTokens: Number(row?.input_tokens ?? 0),
    outputTokens: Number(row?.output_tokens ?? 0),
    costNano: Number(row?.cost_nano ?? 0),
  }
}
