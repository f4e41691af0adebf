import { SyncServerError, type PulledChange, type SyncServer, type WireChange } from '@core/sync/types'

/**
 * An in-memory workspace for the engine's own tests, with the server's merge rule written out
 * again here (not imported from the engine, so a broken engine rule does not agree with itself):
 * per field the greatest HLC wins, and only a delete writes deleted_at.
 * The convergence test uses the real server instead.
 */
export interface FakeServer extends SyncServer {
  /** Merged rows by `table/row_id`: field → value, as the server's sync_rows would hold them. */
  rows: Map<string, Record<string, unknown>>
  log: PulledChange[]
  /** Calls refused as if offline, until set back to false. */
  offline: boolean
  /** Pushes refused as a viewer's are. */
  viewer: boolean
  pushes: number
  /** Changes sent back by pulls, in all. */
  pulled: number
  /** Applies the next push, then fails as if the answer was lost on the way back. */
  loseNextPushAnswer: boolean
  /** Runs while a pull's answer is on the wire (a local edit in flight), once. */
  duringNextPull: (() => Promise<void>) | null
}

export function createFakeServer(org: string): FakeServer {
  const clocks = new Map<string, Record<string, string>>()
  const seen = new Set<string>()
  const server: FakeServer = {
    rows: new Map(),
    log: [],
    offline: false,
    viewer: false,
    pushes: 0,
    pulled: 0,
    loseNextPushAnswer: false,
    duringNextPull: null,
    async push(to, changes) {
      if (server.offline) throw new SyncServerError('retryable', 'offline')
      if (to !== org) throw new SyncServerError('not-allowed', 'another organisation')
      if (server.viewer) throw new SyncServerError('not-allowed', 'viewers cannot write')
      if (changes.length > 1000) throw new SyncServerError('rejected', 'too many changes')
      server.pushes++
      let applied = 0
      let skipped = 0
      for (const change of changes) {
        if (seen.has(change.id)) {
          skipped++
          continue
        }
        seen.add(change.id)
        merge(change)
        server.log.push({ ...change, seq: server.log.length + 1 })
        applied++
      }
      if (server.loseNextPushAnswer) {
        server.loseNextPushAnswer = false
        throw new SyncServerError('retryable', 'the answer was lost')
      }
      return { cursor: server.log.length, applied, skipped }
    },
    async pull(from, cursor, limit) {
      if (server.offline) throw new SyncServerError('retryable', 'offline')
      if (from !== org) throw new SyncServerError('not-allowed', 'another organisation')
      const changes = server.log.filter((c) => c.seq > cursor).slice(0, limit)
      const during = server.duringNextPull
      server.duringNextPull = null
      await during?.()
      server.pulled += changes.length
      const last = changes.at(-1)?.seq ?? cursor
      return { changes, cursor: last, more: last < server.log.length }
    },
  }
  const merge = (change: WireChange) => {
    const key = `${change.table}/${change.row_id}`
    const row = server.rows.get(key) ?? {}
    const clock = clocks.get(key) ?? {}
    for (const [field, value] of Object.entries(change.fields)) {
      if (field === 'deleted_at' && change.op !== 'delete') continue
      if ((clock[field] ?? '') >= change.hlc) continue
      row[field] = value
      clock[field] = change.hlc
    }
    server.rows.set(key, row)
    clocks.set(key, clock)
  }
  return server
}
