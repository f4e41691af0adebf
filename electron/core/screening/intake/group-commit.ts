import type { Direct, DirectDb } from '../../db/direct'
import { settleItem, type SettledOutcome } from './record-outcome'

export type Decide = (direct: Direct) => SettledOutcome | null

export interface GroupCommitter {
  /**
   * Settles an item with what `decide` writes, in a transaction shared with whatever other items
   * are waiting. Resolves the outcome, or null when `decide` settled nothing or the item was
   * already settled (a re-run, a cancel): then nothing of it was written.
   */
  submit(itemId: number, decide: Decide): Promise<SettledOutcome | null>
  /** Commits what is waiting now instead of at the end of the window: nothing more is coming soon. */
  flushNow(): void
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
export function createGroupCommitter(direct: DirectDb, now: () => number): GroupCommitter {
  let waiting: Entry[] = []
  let flushing = false
  let timer: ReturnType<typeof setTimeout> | null = null

  const settleGroup = (trx: Direct, group: Entry[]) =>
    group.map((entry) => {
      const item = trx.get<{ outcome: string }>('select outcome from intake_items where id = ?', [entry.itemId])
      const settled = item?.outcome === 'pending' ? entry.decide(trx) : null
      if (settled) settleItem(trx, entry.itemId, settled, now())
      return settled
    })

  const flush = async () => {
    timer = null
    flushing = true
    while (waiting.length) {
      const group = waiting.slice(0, MAX_GROUP)
      waiting = waiting.slice(group.length)
      try {
        const outcomes = await direct.transaction((trx) => settleGroup(trx, group))
        group.forEach((entry, i) => entry.resolve(outcomes[i] ?? null))
      } catch (error) {
        group.forEach((entry) => entry.reject(error))
      }
    }
    flushing = false
  }

  const flushNow = () => {
    if (flushing || !waiting.length) return
    if (timer) clearTimeout(timer)
    void flush()
  }

  return {
    flushNow,
    submit(itemId, decide) {
      return new Promise((resolve, reject) => {
        waiting.push({ itemId, decide, resolve, reject })
        if (flushing) return
        if (waiting.length >= MAX_GROUP) flushNow()
        else timer ??= setTimeout(() => void flush(), WINDOW_MS)
      })
    },
  }
}
