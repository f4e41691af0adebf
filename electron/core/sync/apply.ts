import type { Hlc } from '../../../shared/hlc'
import { identifier, type Direct } from '../db/direct'
import type { Logger } from '../logger'
import type { LocalSchema } from './local-schema'
import { clocksOf, isDeleted, mergeChange, type FieldClocks, type FieldWrites } from './merge'
import type { PulledChange } from './types'

export interface ApplyContext {
  direct: Direct
  schema: LocalSchema
  /** The workspace: every row a pull creates belongs to it, whatever the payload says. */
  org: string
  hlc: Hlc
  logger: Logger
}

export interface ApplyReport {
  /** Changes that set at least one field here. */
  applied: number
  /** Changes already applied, or older than what this studio holds for every field they set. */
  superseded: number
  /** Changes for tables this install does not have (a newer app wrote them), or malformed. */
  refused: number
  /** Tables where at least one change set something, so the screens showing them can refresh. */
  tables: Set<string>
}

/** Columns a pull never sets: the row's identity and its owner are this end's to decide. */
const IDENTITY = new Set(['id', 'org_id'])

/** SQLite stores numbers, text and null; a boolean becomes 0/1 and anything else its JSON text. */
function sqliteValue(value: unknown): string | number | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number') return value
  if (typeof value === 'boolean') return value ? 1 : 0
  return JSON.stringify(value)
}

function storedClocks(direct: Direct, table: string, rowId: string): FieldClocks {
  const row = direct.get<{ clocks: string }>(`select clocks from sync_clocks where table_name = ? and row_id = ?`, [
    table,
    rowId,
  ])
  return row ? (JSON.parse(row.clocks) as FieldClocks) : {}
}

/**
 * The row's clocks: those pulls recorded, merged with every local change still in the change log.
 * Reading the log inside the apply's transaction is what keeps a local edit committed while the
 * pull was on the wire: its HLC is in the log, so an older pulled value loses to it.
 */
function currentClocks(direct: Direct, table: string, rowId: string): FieldClocks {
  const local = direct
    .all<{ op: FieldWrites['op']; fields: string; hlc: string }>(
      `select op, fields, hlc from change_log where table_name = ? and row_id = ?`,
      [table, rowId],
    )
    .map((c): FieldWrites => ({ op: c.op, hlc: c.hlc, fields: JSON.parse(c.fields) as Record<string, unknown> }))
  return clocksOf(local, storedClocks(direct, table, rowId))
}

function writeRow(
  ctx: ApplyContext,
  change: PulledChange,
  wins: Record<string, unknown>,
  before: FieldClocks,
): boolean {
  const { direct } = ctx
  const table = identifier(change.table)
  const columns = Object.keys(wins)
  const values = columns.map((c) => sqliteValue(wins[c]))
  const exists = direct.get(`select 1 from ${table} where id = ?`, [change.row_id]) !== undefined
  if (exists) {
    if (columns.length === 0) return true
    direct.run(`update ${table} set ${columns.map((c) => `${identifier(c)} = ?`).join(', ')} where id = ?`, [
      ...values,
      change.row_id,
    ])
    return true
  }
  // A row this studio never had (or removed on a deletion request) is created only by its insert,
  // and never once deleted: an update alone lacks the row's other columns, and a tombstone needs
  // no row.
  if (change.op !== 'insert' || isDeleted(before)) return false
  try {
    direct.run(
      `insert into ${table} (id, org_id${columns.map((c) => `, ${identifier(c)}`).join('')}) values (?, ?${columns.map(() => ', ?').join('')})`,
      [change.row_id, ctx.org, ...values],
    )
    return true
  } catch (error) {
    // A row this schema cannot hold (a column it requires that the writer's schema lacked) is
    // left out and logged; the rest of the batch still applies.
    ctx.logger.warn('a pulled row could not be created here', { table: change.table, error: String(error) })
    return false
  }
}

function applyOne(ctx: ApplyContext, change: PulledChange, report: ApplyReport): void {
  const columns = ctx.schema.get(change.table)
  if (!columns) {
    report.refused++
    return
  }
  try {
    ctx.hlc.receive(change.hlc)
  } catch (error) {
    // Only a timestamp far beyond any clock drift overflows the counter: such a change is refused.
    ctx.logger.warn('a pulled change with an impossible timestamp was left out', { error: String(error) })
    report.refused++
    return
  }
  // Noted before the merge: a row already held here as deleted must still go when it is erased.
  if (change.op === 'delete' && change.fields.erased === true) {
    ctx.direct.run('insert or ignore into pulled_erasures (table_name, row_id) values (?, ?)', [
      change.table,
      change.row_id,
    ])
  }
  const known: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(change.fields)) {
    if (columns.has(field) && !IDENTITY.has(field)) known[field] = value
  }
  const before = currentClocks(ctx.direct, change.table, change.row_id)
  const { wins, clocks } = mergeChange({ op: change.op, hlc: change.hlc, fields: known }, before)
  if (Object.keys(wins).length === 0) {
    report.superseded++
    return
  }
  if (!writeRow(ctx, change, wins, before) && change.op !== 'delete') {
    // Not materialised and not a tombstone: keep no clocks, so a later complete insert still applies.
    report.refused++
    return
  }
  report.tables.add(change.table)
  ctx.direct.run(
    `insert into sync_clocks (table_name, row_id, clocks) values (?, ?, ?)
     on conflict (table_name, row_id) do update set clocks = excluded.clocks`,
    [change.table, change.row_id, JSON.stringify(clocks)],
  )
  report.applied++
}

/**
 * Applies one pulled batch and moves the cursor past it; the caller runs this inside one SQLite
 * transaction, so a crash leaves either the whole batch with its cursor or neither. Nothing here
 * writes the change log: pulled changes are the workspace's, not local edits to push back.
 */
export function applyPulledBatch(
  ctx: ApplyContext,
  changes: readonly PulledChange[],
  cursor: number,
  syncedAt: number | null,
): ApplyReport {
  const report: ApplyReport = { applied: 0, superseded: 0, refused: 0, tables: new Set() }
  const refusedTables = new Set<string>()
  for (const change of changes) {
    const refusedBefore = report.refused
    applyOne(ctx, change, report)
    if (report.refused > refusedBefore && !ctx.schema.has(change.table)) refusedTables.add(change.table)
  }
  if (refusedTables.size) {
    ctx.logger.warn('pulled changes for tables this version does not have were left out', {
      tables: [...refusedTables].slice(0, 20),
    })
  }
  ctx.direct.run(
    `insert into sync_state (org_id, cursor, last_synced_at) values (?, ?, ?)
     on conflict (org_id) do update set cursor = excluded.cursor,
       last_synced_at = coalesce(excluded.last_synced_at, sync_state.last_synced_at)`,
    [ctx.org, cursor, syncedAt],
  )
  return report
}
