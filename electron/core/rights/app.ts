import type { Kysely } from 'kysely'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import type { SyncedWriter } from '../db/synced'
import type { EventBus } from '../events'
import type { DomainApp } from '../ipc/dispatcher'
import type { Queue } from '../queue/queue'
import type { JobDefinition } from '../queue/types'
import { alternativeRequests } from './alternative-requests'
import { exportCandidateData } from './data-export'
import { deleteCandidate, previewCandidateDeletion } from './delete-candidate'
import { pulledErasureJob, queuePulledErasures } from './erase-pulled'
import { RETENTION_JOB, retentionJob, scheduleIfSet } from './retention-job'
import { retentionPlan } from './retention-plan'
import { readRetentionPolicy, writeRetentionPolicy } from './retention-policy'

export interface RightsDeps {
  db: Kysely<Database>
  writer: SyncedWriter
  queue: Queue
  clock: Clock
  dataDir: string
  events: EventBus
  /** Removes an erased candidate's files from the workspace's storage (file sync). */
  forgetWorkspaceFiles?(hashes: readonly string[]): Promise<void>
}

export interface RightsApp extends DomainApp<'rights'> {
  jobs: JobDefinition<never>[]
  /**
   * Queues today's retention run when a policy is set (once per day, whatever the restarts), and
   * the removal of candidates a teammate erased, now and after every sync that brought changes.
   */
  start(): Promise<void>
}

/** Candidates' data rights: deletion on request, the workspace's retention policy, and requests for an alternative process. */
export function createApp(deps: RightsDeps): RightsApp {
  return {
    jobs: [retentionJob(deps) as JobDefinition<never>, pulledErasureJob(deps) as JobDefinition<never>],
    start: async () => {
      await scheduleIfSet(deps, await readRetentionPolicy(deps.db))
      await queuePulledErasures(deps)
      deps.events.subscribe((name) => {
        // A failure here is not lost: the next start queues every erasure still pending.
        if (name === 'sync.changed') queuePulledErasures(deps).catch(() => undefined)
      })
    },
    handlers: {
      'rights.exportData': ({ candidateId }) =>
        exportCandidateData(deps.db, deps.dataDir, candidateId, deps.clock.now()),
      'rights.alternativeRequests': ({ candidateId }) => alternativeRequests(deps.db, candidateId),
      'rights.deletePreview': ({ candidateId }) => previewCandidateDeletion(deps.db, candidateId),
      'rights.deleteCandidate': ({ candidateId }) => deleteCandidate(deps, candidateId),
      'rights.retention': () => readRetentionPolicy(deps.db),
      'rights.setRetention': async (policy) => {
        await writeRetentionPolicy(deps.db, policy)
        await scheduleIfSet(deps, policy)
        return policy
      },
      'rights.retentionPreview': async () =>
        retentionPlan(deps.db, await readRetentionPolicy(deps.db), deps.clock.now()),
      'rights.runRetention': async () => ({ jobId: await deps.queue.enqueue(deps.db, RETENTION_JOB, {}) }),
    },
  }
}
