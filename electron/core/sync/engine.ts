import type { Kysely } from 'kysely'
import type { Hlc } from '../../../shared/hlc'
import type { Clock } from '../clock'
import type { DirectDb } from '../db/direct'
import type { Database } from '../db/schema'
import type { Logger } from '../logger'
import type { ApplyReport } from './apply'
import { readLocalSchema, type LocalSchema } from './local-schema'
import { pullAll } from './pull'
import { pushPending } from './push'
import { SyncServerError, type SyncServer } from './types'

export interface EngineDeps {
  db: Kysely<Database>
  direct: DirectDb
  clock: Clock
  logger: Logger
  /** The studio's clock for synced writes: pulled changes advance it. */
  hlc: Hlc
  pullBatch?: number
}

export type SyncProgress = { phase: 'push'; done: number; total: number } | { phase: 'pull'; done: number }

export interface SyncRun {
  pushed: number
  /** True when the workspace refused this role's changes (a viewer): they stay local, unpushed. */
  pushRefused: boolean
  pulled: ApplyReport
}

export interface SyncEngine {
  /** Pushes local changes, then pulls the workspace's; one run at a time per studio. */
  run(server: SyncServer, org: string, onProgress?: (progress: SyncProgress) => void): Promise<SyncRun>
}

export function createSyncEngine(deps: EngineDeps): SyncEngine {
  let schema: LocalSchema | null = null
  let running: Promise<unknown> = Promise.resolve()
  const localSchema = async () => (schema ??= await deps.direct.transaction(readLocalSchema))

  const once = async (server: SyncServer, org: string, onProgress?: (progress: SyncProgress) => void) => {
    let pushed = 0
    let pushRefused = false
    try {
      pushed = await pushPending({
        db: deps.db,
        server,
        org,
        onProgress: (done, total) => onProgress?.({ phase: 'push', done, total }),
      })
    } catch (error) {
      // A viewer still receives the team's changes; only sending is refused.
      if (!(error instanceof SyncServerError && error.kind === 'not-allowed')) throw error
      pushRefused = true
    }
    const pulled = await pullAll({
      ...deps,
      server,
      org,
      schema: await localSchema(),
      batchSize: deps.pullBatch,
      onProgress: (done) => onProgress?.({ phase: 'pull', done }),
    })
    return { pushed, pushRefused, pulled }
  }

  return {
    run(server, org, onProgress) {
      const next = running.then(
        () => once(server, org, onProgress),
        () => once(server, org, onProgress),
      )
      running = next.catch(() => undefined)
      return next
    },
  }
}
