import type { Insertable, Kysely, Transaction, Updateable } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { Hlc } from '../../../shared/hlc'
import type { Clock } from '../clock'
import type { ChangeOp, Database, SyncedColumns } from './schema'

/** Tables whose rows sync: every one carries the SyncedColumns. */
export type SyncedTable = {
  [T in keyof Database]: Database[T] extends SyncedColumns ? T : never
}[keyof Database]

type Db = Kysely<Database> | Transaction<Database>

/**
 * Writes to synced tables. Every write records a change-log row in the same transaction, so a
 * change is never saved without the record the sync engine pushes, nor the reverse.
 * Callers pass a transaction; using the plain db is allowed for single-statement writes only
 * because the log row would then commit separately.
 */
export interface SyncedWriter {
  insert<T extends SyncedTable>(
    trx: Transaction<Database>,
    table: T,
    values: Omit<Insertable<Database[T]>, keyof SyncedColumns> & { id?: string },
  ): Promise<string>
  update<T extends SyncedTable>(
    trx: Transaction<Database>,
    table: T,
    id: string,
    patch: Omit<Updateable<Database[T]>, keyof SyncedColumns>,
  ): Promise<void>
  softDelete(trx: Transaction<Database>, table: SyncedTable, id: string): Promise<void>
}

export interface SyncedWriterDeps {
  clock: Clock
  hlc: Hlc
  orgId: () => string
}

export function createSyncedWriter(deps: SyncedWriterDeps): SyncedWriter {
  const log = async (trx: Db, table: string, rowId: string, orgId: string, op: ChangeOp, fields: object) => {
    await trx
      .insertInto('change_log')
      .values({
        table_name: table,
        row_id: rowId,
        org_id: orgId,
        op,
        fields: JSON.stringify(fields),
        hlc: deps.hlc.tick(),
      })
      .execute()
  }
  const orgOf = async (trx: Db, table: SyncedTable, id: string): Promise<string> => {
    const row = await (trx as Kysely<Database>)
      .selectFrom(table as 'demo_counters')
      .select('org_id')
      .where('id', '=', id)
      .executeTakeFirst()
    if (!row) throw new Error(`${table} ${id} does not exist`)
    return row.org_id
  }
  return {
    async insert(trx, table, values) {
      const now = deps.clock.now()
      const id = values.id ?? uuidv7()
      const row = { ...values, id, org_id: deps.orgId(), created_at: now, updated_at: now, deleted_at: null }
      await (trx as Transaction<Database>)
        .insertInto(table)
        .values(row as never)
        .execute()
      await log(trx, table, id, row.org_id, 'insert', row)
      return id
    },
    async update(trx, table, id, patch) {
      const now = deps.clock.now()
      const orgId = await orgOf(trx, table, id)
      const fields = { ...patch, updated_at: now }
      await trx
        .updateTable(table as 'demo_counters')
        .set(fields as never)
        .where('id', '=', id)
        .execute()
      await log(trx, table, id, orgId, 'update', fields)
    },
    async softDelete(trx, table, id) {
      const now = deps.clock.now()
      const orgId = await orgOf(trx, table, id)
      const fields = { deleted_at: now, updated_at: now }
      await trx
        .updateTable(table as 'demo_counters')
        .set(fields)
        .where('id', '=', id)
        .execute()
      await log(trx, table, id, orgId, 'delete', fields)
    },
  }
}
