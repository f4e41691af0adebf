import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema'
import { MAX_PUSH_BATCH, type PushResult, type SyncServer, type WireChange } from './types'

export interface PushDeps {
  db: Kysely<Database>
  server: SyncServer
  org: string
  batchSize?: number
  onProgress?(done: number, total: number): void
}

/** Local changes of the workspace not yet accepted by it. */
export async function countPending(db: Kysely<Database>, org: string): Promise<number> {
  const row = await db
    .selectFrom('change_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('pushed', '=', 0)
    .where('org_id', '=', org)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * Moves the pull cursor past the changes this push just added when nothing else can lie between:
 * the server numbers changes from one sequence, each change this push applied took a number above
 * the cursor and at most the answer's cursor, so when there are exactly as many numbers in
 * between as changes applied, all of them are ours and pulling them back would change nothing.
 * Otherwise (a teammate pushed meanwhile, or numbers were skipped) the pull fetches them as usual.
 */
async function skipOwnChanges(trx: Transaction<Database>, org: string, answer: PushResult): Promise<void> {
  if (answer.applied === 0) return
  const state = await trx.selectFrom('sync_state').select('cursor').where('org_id', '=', org).executeTakeFirst()
  if (answer.cursor - (state?.cursor ?? 0) !== answer.applied) return
  await trx
    .insertInto('sync_state')
    .values({ org_id: org, cursor: answer.cursor, last_synced_at: null })
    .onConflict((oc) => oc.column('org_id').doUpdateSet({ cursor: answer.cursor }))
    .execute()
}

/** The change-log row as the server takes it; org_id is the call's to say, not the payload's. */
function toWire(row: {
  table_name: string
  row_id: string
  op: WireChange['op']
  fields: string
  hlc: string
}): WireChange {
  const { org_id: _owner, ...fields } = JSON.parse(row.fields) as Record<string, unknown>
  return { id: row.hlc, table: row.table_name, row_id: row.row_id, op: row.op, fields, hlc: row.hlc }
}

/**
 * Sends unpushed changes in log order, a batch at a time, and marks a batch pushed only after the
 * server answered for it. A crash in between sends the batch again; the server knows each change
 * by its id and applies it once (and the cursor then stays, as nothing was applied). Changes of rows still owned by another organisation (local data
 * not adopted into this workspace) stay local.
 */
export async function pushPending(deps: PushDeps): Promise<number> {
  const size = Math.min(deps.batchSize ?? MAX_PUSH_BATCH, MAX_PUSH_BATCH)
  const total = await countPending(deps.db, deps.org)
  let done = 0
  deps.onProgress?.(done, total)
  for (;;) {
    const rows = await deps.db
      .selectFrom('change_log')
      .select(['seq', 'table_name', 'row_id', 'op', 'fields', 'hlc'])
      .where('pushed', '=', 0)
      .where('org_id', '=', deps.org)
      .orderBy('seq')
      .limit(size)
      .execute()
    if (rows.length === 0) return done
    const answer = await deps.server.push(deps.org, rows.map(toWire))
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('change_log')
        .set({ pushed: 1 })
        .where(
          'seq',
          'in',
          rows.map((r) => r.seq),
        )
        .execute()
      await skipOwnChanges(trx, deps.org, answer)
    })
    done += rows.length
    deps.onProgress?.(done, Math.max(total, done))
  }
}
