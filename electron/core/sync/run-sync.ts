import type { SyncState } from '../../../shared/contract/sync'
import type { EventBus } from '../events'
import { PermanentJobError, type JobContext } from '../queue/types'
import type { SyncEngine, SyncProgress } from './engine'
import type { SyncStatusBoard } from './status'
import { SYNC_JOB, type RunSync } from './sync-job'
import { SyncServerError, type SyncServer } from './types'

const OFFLINE_REASON = 'The workspace could not be reached'

export interface RunnerDeps {
  engine: SyncEngine
  server: SyncServer | null
  board: SyncStatusBoard
  /** Signed in, with the studio's data adopted into the workspace. */
  active(): boolean
  org(): string
  events: EventBus
  /** Runs after each sync that reached the server (reads the account's role again). */
  afterRun(): Promise<void>
}

function progressOf(ctx: JobContext, p: SyncProgress): SyncState {
  if (p.phase === 'push') {
    ctx.progress(p.total ? (p.done / p.total) * 0.5 : 0.5, `Sending ${p.done} of ${p.total} changes`)
    return { state: 'syncing', phase: 'push', done: p.done, total: p.total }
  }
  ctx.progress(0.5, `Received ${p.done} changes`)
  return { state: 'syncing', phase: 'pull', done: p.done, total: null }
}

/**
 * One sync job's run, and what the indicator says about it: a failure worth retrying is thrown
 * so the queue retries with backoff (offline); a refused session waits for sign-in; a refusal
 * retrying cannot fix stops the job with the reason in words.
 */
export function createSyncRunner(deps: RunnerDeps): RunSync {
  const { board } = deps
  return async (ctx) => {
    if (!deps.server || !deps.active()) {
      await board.set({ state: 'signed-out' })
      return { skipped: 'signed out or no workspace' }
    }
    try {
      const run = await deps.engine.run(deps.server, deps.org(), (p) => void board.set(progressOf(ctx, p)))
      if (run.pulled.tables.size) deps.events.emit('sync.changed', { tables: [...run.pulled.tables].sort() })
      await deps.afterRun()
      await board.set(
        run.pushRefused
          ? { state: 'error', message: 'Your role in this workspace cannot make changes: yours stay on this computer.' }
          : { state: 'idle' },
      )
      const { applied, superseded, refused } = run.pulled
      return { pushed: run.pushed, pushRefused: run.pushRefused, applied, superseded, refused }
    } catch (error) {
      if (!(error instanceof SyncServerError)) {
        await board.set({ state: 'error', message: 'Sync failed on this computer; the details are in the log.' })
        throw error
      }
      if (error.kind === 'retryable') {
        await board.set({ state: 'offline', retryingAt: null, reason: OFFLINE_REASON })
        throw error
      }
      if (error.kind === 'signed-out') {
        await board.set({ state: 'signed-out' })
        return { skipped: 'the session was refused' }
      }
      const message =
        error.kind === 'not-allowed'
          ? 'This account is not a member of the workspace any more.'
          : `The workspace refused the sync: ${error.message}`
      await board.set({ state: 'error', message })
      throw new PermanentJobError(message)
    }
  }
}

/** The retry time is the queue's to choose; it is known once the failed run has been settled. */
export function followRetries(events: EventBus, board: SyncStatusBoard): void {
  events.subscribe((name, payload) => {
    if (name !== 'queue.job') return
    const job = payload as { kind: string; status: string; runAt: number; lastError: string | null }
    if (job.kind !== SYNC_JOB) return
    const state = board.current()
    if (job.status === 'queued' && job.lastError && state.state === 'offline') {
      void board.set({ ...state, retryingAt: job.runAt })
    } else if (job.status === 'dead') {
      void board.set({ state: 'error', message: 'The workspace stayed unreachable; sync gave up until asked again.' })
    }
  })
}
