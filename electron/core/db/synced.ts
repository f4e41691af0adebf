import type { Insertable, Kysely, Transaction, Updateable } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { Hlc } from '../../../shared/hlc'
import type { Clock } from '../clock'
import { identifier, insertRow, updateRow, type Direct } from './direct'
import type { SyncedColumns } from './columns'
import type { ChangeOp, Database } from './schema'

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
  /**
   * A delete on a person's request: the tombstone also says `erased`, which asks the workspace to
   * drop the row's history and teammates' studios to remove the row (see supabase/README.md).
   */
  erase(trx: Transaction<Database>, table: SyncedTable, id: string): Promise<void>
  /** `insert` as direct statements, inside a DirectDb transaction (for hot paths). */
  insertNow<T extends SyncedTable>(
    direct: Direct,
    table: T,
    values: Omit<Insertable<Database[T]>, keyof SyncedColumns> & { id?: string },
  ): string
  /** `update` as direct statements, inside a DirectDb transaction. */
  updateNow<T extends SyncedTable>(
    direct: Direct,
    table: T,
    id: string,
    patch: Omit<Updateable<Database[T]>, keyof SyncedColumns>,
  ): void
}

export interface SyncedWriterDeps {
  clock: Clock
  hlc: Hlc
  orgId: () => string
}

export function createSyncedWriter(deps: SyncedWriterDeps): SyncedWriter {
  const logRow = (table: string, rowId: string, orgId: string, op: ChangeOp, fields: object) => ({
    table_name: table,
    row_id: rowId,
    org_id: orgId,
    op,
    fields: JSON.stringify(fields),
    hlc: deps.hlc.tick(),
  })
  const newRow = (values: { id?: string }) => {
    const now = deps.clock.now()
    return {
      ...values,
      id: values.id ?? uuidv7(),
      org_id: deps.orgId(),
      created_at: now,
      updated_at: now,
      deleted_at: null,
    }
  }
  const log = async (trx: Db, table: string, rowId: string, orgId: string, op: ChangeOp, fields: object) => {
    await trx
      .insertInto('change_log')
      .values(logRow(table, rowId, orgId, op, fields))
      .execute()
  }
  const missing = (table: string, id: string) => new Error(`${table} ${id} does not exist`)
  const orgOf = async (trx: Db, table: SyncedTable, id: string): Promise<string> => {
    const row = await (trx as Kysely<Database>)
      .selectFrom(table as 'demo_counters')
      .select('org_id')
      .where('id', '=', id)
      .executeTakeFirst()
    if (!row) throw missing(table, id)
    return row.org_id
  }
  const markDeleted = async (trx: Db, table: SyncedTable, id: string, marks: { erased?: true }) => {
    const orgId = await orgOf(trx, table, id)
    const now = deps.clock.now()
    const fields = { deleted_at: now, updated_at: now }
    await trx
      .updateTable(table as 'demo_counters')
      .set(fields)
      .where('id', '=', id)
      .execute()
    await log(trx, table, id, orgId, 'delete', { ...fields, ...marks })
  }
  return {
    async insert(trx, table, values) {
      const row = newRow(values)
      await (trx as Transaction<Database>)
        .insertInto(table)
        .values(row as never)
        .execute()
      await log(trx, table, row.id, row.org_id, 'insert', row)
      return row.id
    },
    async update(trx, table, id, patch) {
      const orgId = await orgOf(trx, table, id)
      const fields = { ...patch, updated_at: deps.clock.now() }
      await trx
        .updateTable(table as 'demo_counters')
        .set(fields as never)
        .where('id', '=', id)
        .execute()
      await log(trx, table, id, orgId, 'update', fields)
    },
    softDelete: (trx, table, id) => markDeleted(trx, table, id, {}),
    erase: (trx, table, id) => markDeleted(trx, table, id, { erased: true }),
    insertNow(direct, table, values) {
      const row = newRow(values)
      insertRow(direct, table, row as never)
      insertRow(direct, 'change_log', logRow(table, row.id, row.org_id, 'insert', row))
      return row.id
    },
    updateNow(direct, table, id, patch) {
      const found = direct.get<{ org_id: string }>(`select org_id from ${identifier(table)} where id = ?`, [id])
      if (!found) throw missing(table, id)
      const fields = { ...patch, updated_at: deps.clock.now() }
      updateRow(direct, table, id, fields as never)
      insertRow(direct, 'change_log', logRow(table, id, found.org_id, 'update', fields))
    },
  }
}
