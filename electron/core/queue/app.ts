import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { SyncedWriter } from '../db/synced'
import type { DomainApp } from '../ipc/dispatcher'
import { demoJob } from './demo-job'
import type { Queue } from './queue'
import type { JobDefinition } from './types'

export interface QueueAppDeps {
  db: Kysely<Database>
  writer: SyncedWriter
  queue: Queue
}

export interface QueueApp extends DomainApp<'queue'> {
  /** The demo job the queue panel runs; the studio registers it with the others. */
  jobs: JobDefinition<never>[]
}

/** The queue panel's requests: list, cancel, retry, and a demo job that shows the queue end to end. */
export function createApp({ db, writer, queue }: QueueAppDeps): QueueApp {
  return {
    jobs: [demoJob(writer) as JobDefinition<never>],
    handlers: {
      'queue.list': (filter) => queue.list(filter),
      'queue.cancel': ({ id }) => queue.cancel(id),
      'queue.retry': ({ id }) => queue.retry(id),
      'queue.enqueueDemo': async (payload) => queue.get(await queue.enqueue(db, 'demo.count', payload)),
    },
  }
}
