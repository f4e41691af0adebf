import type { ChangeOp } from '../db/schema'

/** One change as it travels to and from the workspace: a change-log row, keyed by its HLC. */
export interface WireChange {
  /** The change's HLC string: unique per change, so re-sending one is recognised. */
  id: string
  table: string
  row_id: string
  op: ChangeOp
  /** The fields the change set, by column name. */
  fields: Record<string, unknown>
  hlc: string
}

/** A change the workspace returned, numbered in the order it accepted them. */
export interface PulledChange extends WireChange {
  seq: number
}

export interface PushResult {
  cursor: number
  applied: number
  skipped: number
}

export interface PullResult {
  changes: PulledChange[]
  cursor: number
  more: boolean
}

/** The workspace as the engine sees it; supabase-server.ts is the real one. */
export interface SyncServer {
  push(org: string, changes: readonly WireChange[]): Promise<PushResult>
  pull(org: string, cursor: number, limit: number): Promise<PullResult>
}

/** The server takes at most this many changes per push. */
export const MAX_PUSH_BATCH = 1000

/**
 * Why a call to the workspace failed, as the engine must act on it: `retryable` (offline, a
 * timeout, a 5xx: try again later), `signed-out` (no session or it was refused: wait for sign-in),
 * `not-allowed` (the role may not do this: retrying will not help), `rejected` (the server refused
 * the request itself: a bug or a newer server; retrying will not help either).
 */
export type SyncErrorKind = 'retryable' | 'signed-out' | 'not-allowed' | 'rejected'

export class SyncServerError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
  ) {
    super(message)
    this.name = 'SyncServerError'
  }
}
