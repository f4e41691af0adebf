/**
 * The merge rule, identical to the server's `sync_push` so both ends converge whatever order
 * changes reach them in. Per field, the value written by the change with the greatest HLC wins
 * (plain string comparison: the HLC's string form sorts causally). A delete wins: `deleted_at`
 * is written only by delete changes (an insert's or update's `deleted_at` is ignored, as the
 * server's private.merge_change ignores it), so once a row is deleted nothing makes it live again.
 * Inserts are per-field writes like updates. The rule is commutative, associative and idempotent:
 * applying a change twice, or two changes in either order, ends the same.
 */

/** Field → HLC of the change that last set it, for one row. */
export type FieldClocks = Record<string, string>

/** A change reduced to what merging needs. */
export interface FieldWrites {
  op: 'insert' | 'update' | 'delete'
  hlc: string
  fields: Record<string, unknown>
}

/** Only a delete writes deleted_at: an insert's null is the default of a live row, not a write. */
const takesPart = (op: FieldWrites['op'], field: string) => field !== 'deleted_at' || op === 'delete'

/** The fields of `change` that win over `clocks`, and the clocks once they are applied. */
export function mergeChange(
  change: FieldWrites,
  clocks: FieldClocks,
): { wins: Record<string, unknown>; clocks: FieldClocks } {
  const wins: Record<string, unknown> = {}
  const next = { ...clocks }
  for (const [field, value] of Object.entries(change.fields)) {
    if (!takesPart(change.op, field)) continue
    const current = next[field]
    if (current !== undefined && current >= change.hlc) continue
    wins[field] = value
    next[field] = change.hlc
  }
  return { wins, clocks: next }
}

/** Clocks of a row from the changes written to it (the local change log), merged with `into`. */
export function clocksOf(changes: readonly FieldWrites[], into: FieldClocks = {}): FieldClocks {
  let clocks = into
  for (const change of changes) clocks = mergeChange(change, clocks).clocks
  return clocks
}

/** True once a delete has reached the row. */
export const isDeleted = (clocks: FieldClocks) => clocks.deleted_at !== undefined
