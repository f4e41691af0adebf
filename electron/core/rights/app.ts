import type { Kysely } from 'kysely'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import type { SyncedWriter } from '../db/synced'
import type { DomainApp } from '../ipc/dispatcher'
import type { Queue } from '../queue/queue'
import type { JobDefinition } from '../queue/types'
import { alternativeRequests } from './alternative-requests'
import { exportCandidateData } from './data-export'
import { deleteCandidate, previewCandidateDeletion } from './delete-candidate'
import { RETENTION_JOB, retentionJob, scheduleIfSet } from './retention-job'
import { retentionPlan } from './retention-plan'
import { readRetentionPolicy, writeRetentionPolicy } from './retention-policy'

export interface RightsDeps {
  db: Kysely<Database>
  writer: SyncedWriter
  queue: Queue
  clock: Clock
  dataDir: string
}

export interface RightsApp extends DomainApp<'rights'> {
  jobs: JobDefinition<never>[]
  /** Queues today's retention run when a policy is set (once per day, whatever the restarts). */
  start(): Promise<void>
}

/** Candidates' data rights: deletion on request, the workspace's retention policy, and requests for an alternative process. */
export function createApp(deps: RightsDeps): RightsApp {
  return {
    jobs: [retentionJob(deps) as JobDefinition<never>],
    start: async () => scheduleIfSet(deps, await readRetentionPolicy(deps.db)),
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
