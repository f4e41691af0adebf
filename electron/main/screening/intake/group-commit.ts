import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import { settleItem, type SettledOutcome } from './record-outcome'

export type Decide = (trx: Transaction<Database>) => Promise<SettledOutcome | null>

export interface GroupCommitter {
  /**
   * Settles an item with what `decide` writes, in a transaction shared with whatever other items
   * are waiting. Resolves the outcome, or null when `decide` settled nothing or the item was
   * already settled (a re-run, a cancel): then nothing of it was written.
   */
  submit(itemId: number, decide: Decide): Promise<SettledOutcome | null>
}

interface Entry {
  itemId: number
  decide: Decide
  resolve(outcome: SettledOutcome | null): void
  reject(error: unknown): void
}

const MAX_GROUP = 128
/** How long a settled file may wait for others to share its commit (about four commits a second). */
const WINDOW_MS = 250

/**
 * Group commit: every commit waits for the disk (synchronous = FULL) and better-sqlite3 waits on
 * the main thread, so files settled within a short window share one transaction instead of each
 * paying for its own. Each item still settles all-or-nothing: a failing group fails every item in
 * it (they stay pending, and the job's retry redoes them).
 */
export function createGroupCommitter(db: Kysely<Database>, now: () => number): GroupCommitter {
  let waiting: Entry[] = []
  let flushing = false
  let timer: ReturnType<typeof setTimeout> | null = null

  const flush = async () => {
    timer = null
    flushing = true
    while (waiting.length) {
      const group = waiting.slice(0, MAX_GROUP)
      waiting = waiting.slice(group.length)
      try {
        const outcomes = await db.transaction().execute(async (trx) => {
          const out: (SettledOutcome | null)[] = []
          for (const entry of group) {
            const item = await trx
              .selectFrom('intake_items')
              .select('outcome')
              .where('id', '=', entry.itemId)
              .executeTakeFirst()
            const settled = item?.outcome === 'pending' ? await entry.decide(trx) : null
            if (settled) await settleItem(trx, entry.itemId, settled, now())
            out.push(settled)
          }
          return out
        })
        group.forEach((entry, i) => entry.resolve(outcomes[i] ?? null))
      } catch (error) {
        group.forEach((entry) => entry.reject(error))
      }
    }
    flushing = false
  }

  return {
    submit(itemId, decide) {
      return new Promise((resolve, reject) => {
        waiting.push({ itemId, decide, resolve, reject })
        if (flushing) return
        if (waiting.length >= MAX_GROUP) {
          if (timer) clearTimeout(timer)
          void flush()
        } else timer ??= setTimeout(() => void flush(), WINDOW_MS)
      })
    },
  }
}
