import type { Kysely } from 'kysely'
import type { Hlc } from '../../../shared/hlc'
import type { Clock } from '../clock'
import type { DirectDb } from '../db/direct'
import type { Database } from '../db/schema'
import type { Logger } from '../logger'
import { applyPulledBatch, type ApplyReport } from './apply'
import type { LocalSchema } from './local-schema'
import type { SyncServer } from './types'

export const PULL_BATCH = 1000

export interface PullDeps {
  db: Kysely<Database>
  direct: DirectDb
  server: SyncServer
  org: string
  hlc: Hlc
  clock: Clock
  logger: Logger
  schema: LocalSchema
  batchSize?: number
  onProgress?(done: number): void
}

export async function readCursor(db: Kysely<Database>, org: string): Promise<number> {
  const row = await db.selectFrom('sync_state').select('cursor').where('org_id', '=', org).executeTakeFirst()
  return row?.cursor ?? 0
}

/**
 * Pulls everything since the stored cursor, a batch at a time. Each batch and the cursor after it
 * commit in one SQLite transaction, so a crash mid-pull resumes at the first batch not applied.
 */
export async function pullAll(deps: PullDeps): Promise<ApplyReport> {
  const total: ApplyReport = { applied: 0, superseded: 0, refused: 0, tables: new Set() }
  let cursor = await readCursor(deps.db, deps.org)
  let done = 0
  deps.onProgress?.(done)
  const limit = deps.batchSize ?? PULL_BATCH
  let next = deps.server.pull(deps.org, cursor, limit)
  for (;;) {
    const page = await next
    // A server that says "more" but sends nothing would loop for ever; the next sync asks again.
    const finished = !page.more || page.changes.length === 0
    // The next page is asked for before this one is applied, so the server prepares it meanwhile.
    // Its answer is only used after this batch committed; a failure surfaces when it is awaited.
    if (!finished) {
      next = deps.server.pull(deps.org, Math.max(cursor, page.cursor), limit)
      next.catch(() => undefined)
    }
    const report = await deps.direct.transaction((direct) =>
      applyPulledBatch(
        { direct, schema: deps.schema, org: deps.org, hlc: deps.hlc, logger: deps.logger },
        page.changes,
        Math.max(cursor, page.cursor),
        finished ? deps.clock.now() : null,
      ),
    )
    total.applied += report.applied
    total.superseded += report.superseded
    total.refused += report.refused
    for (const table of report.tables) total.tables.add(table)
    cursor = Math.max(cursor, page.cursor)
    done += page.changes.length
    deps.onProgress?.(done)
    if (finished) return total
  }
}
