import { formatHlc } from '@shared/hlc'

/** A change as sync_push takes it (the RPC contract). */
export interface PushedChange {
  id: string
  table: string
  row_id: string
  op: 'insert' | 'update' | 'delete'
  fields: Record<string, unknown>
  hlc: string
}

/** A row of sync_rows as the tests compare it. */
export interface MergedRow {
  data: Record<string, unknown>
  field_hlc: Record<string, string>
  deleted_hlc: string | null
}

export const hlcAt = (millis: number, counter = 0, node = 'device-a') => formatHlc({ millis, counter, node })

/** A change whose id is its HLC, as the desktop's change log makes them. */
export function change(
  table: string,
  rowId: string,
  op: PushedChange['op'],
  fields: Record<string, unknown>,
  hlc: string,
): PushedChange {
  return { id: hlc, table, row_id: rowId, op, fields, hlc }
}

/**
 * The merge rule applied the plain way: every change in HLC order, each overwriting the fields it
 * writes; only deletes write deleted_at, and the last delete's HLC is the row's deleted_hlc.
 * The server merges in whatever order changes arrive; it must end where this ends.
 */
export function mergeInHlcOrder(changes: readonly PushedChange[]): Map<string, MergedRow> {
  const rows = new Map<string, MergedRow>()
  const ordered = [...new Map(changes.map((c) => [c.id, c])).values()].sort((a, b) =>
    a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0,
  )
  for (const c of ordered) {
    const key = `${c.table}/${c.row_id}`
    const row = rows.get(key) ?? { data: {}, field_hlc: {}, deleted_hlc: null }
    for (const [field, value] of Object.entries(c.fields)) {
      if (field === 'deleted_at' && c.op !== 'delete') continue
      row.data[field] = value
      row.field_hlc[field] = c.hlc
    }
    if (c.op === 'delete') row.deleted_hlc = c.hlc
    rows.set(key, row)
  }
  return rows
}
