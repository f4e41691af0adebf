/**
 * The merge rule, identical to the server's `sync_push` so both ends converge whatever order
 * changes reach them in. Per field, the value written by the change with the greatest HLC wins
 * (plain string comparison: the HLC's string form sorts causally). A delete wins: `deleted_at`
 * is only ever set by a delete, and a null `deleted_at` (an insert's) never takes part, so once a
 * row is deleted nothing makes it live again. Inserts are per-field writes like updates. The rule
 * is commutative, associative and idempotent: applying a change twice, or two changes in either
 * order, ends the same.
 */

/** Field → HLC of the change that last set it, for one row. */
export type FieldClocks = Record<string, string>

/** A change reduced to what merging needs. */
export interface FieldWrites {
  hlc: string
  fields: Record<string, unknown>
}

/** A null deleted_at is the default of a live row, not a write: it neither wins nor leaves a clock. */
const takesPart = (field: string, value: unknown) => !(field === 'deleted_at' && value === null)

/** The fields of `change` that win over `clocks`, and the clocks once they are applied. */
export function mergeChange(
  change: FieldWrites,
  clocks: FieldClocks,
): { wins: Record<string, unknown>; clocks: FieldClocks } {
  const wins: Record<string, unknown> = {}
  const next = { ...clocks }
  for (const [field, value] of Object.entries(change.fields)) {
    if (!takesPart(field, value)) continue
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
