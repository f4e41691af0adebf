import type { Kysely, Transaction } from 'kysely'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import type { DomainApp } from '../ipc/dispatcher'
import type { Logger } from '../logger'
import type { OutgoingEvents } from '../outgoing-events'
import type { Queue } from '../queue/queue'
import type { JobDefinition } from '../queue/types'
import { listDeliveries, retryDelivery } from './deliveries'
import { deliverJob } from './deliver-job'
import { createEndpoint, deleteEndpoint, listEndpoints, rotateSecret } from './endpoints'
import { fanOut } from './fan-out'
import { createOutbox } from './outbox'
import { createSealer, sealLegacySecrets } from './sealed-secrets'
import type { SecretStore } from '../settings/types'

export interface WebhooksDeps {
  db: Kysely<Database>
  queue: Queue
  clock: Clock
  logger: Logger
  /** Holds the key that seals the endpoints' signing secrets in the database. */
  secrets: SecretStore
  /** How long one delivery may take before it counts as failed (default 10 s). */
  timeoutMs?: number
}

export interface WebhooksApp extends DomainApp<'webhooks'> {
  jobs: JobDefinition<never>[]
  /** Handed to the domains that announce events. */
  outgoing: OutgoingEvents
  /** Announces a finished interview, when it completed (an abandoned one is not announced). */
  sessionFinished(trx: Transaction<Database>, sessionId: string): Promise<void>
  /** Queues deliveries of events recorded before a crash or restart; run once the queue knows its jobs. */
  start(): Promise<void>
  /** Stops fanning out and waits for a fan-out under way, before the database closes. */
  close(): Promise<void>
}

/** Outgoing ATS webhooks: endpoints, the outbox of events, signed deliveries through the queue, and their log. */
export function createApp(deps: WebhooksDeps): WebhooksApp {
  const { db, queue, clock, logger } = deps
  let running: Promise<unknown> = Promise.resolve()
  let closed = false
  // One fan-out at a time; each finds whatever the ones before it left (the next start finds the rest).
  const fanOutSoon = () => {
    running = running
      .then(() => (closed ? 0 : fanOut({ db, queue, clock })))
      .catch((error: unknown) => logger.error('webhook fan-out failed', { error: String(error) }))
    return running
  }
  const outgoing = createOutbox(clock, () => void fanOutSoon())
  const sealer = createSealer(deps.secrets)
  return {
    jobs: [deliverJob({ clock, sealer, send: { timeoutMs: deps.timeoutMs ?? 10_000 } }) as JobDefinition<never>],
    outgoing,
    async sessionFinished(trx, sessionId) {
      const session = await trx
        .selectFrom('interview_sessions')
        .select(['id', 'candidate_id', 'template_id', 'status', 'finished_at'])
        .where('id', '=', sessionId)
        .executeTakeFirst()
      if (session?.status !== 'completed') return
      await outgoing.record(trx, {
        type: 'interview.completed',
        data: {
          sessionId: session.id,
          candidateId: session.candidate_id,
          templateId: session.template_id,
          finishedAt: session.finished_at,
        },
      })
    },
    start: async () => {
      const sealed = await sealLegacySecrets(db, sealer)
      if (sealed) logger.info('webhook signing secrets sealed', { endpoints: sealed })
      await fanOutSoon()
    },
    async close() {
      closed = true
      await running
    },
    handlers: {
      'webhooks.list': () => listEndpoints({ db, clock }),
      'webhooks.create': (input) => createEndpoint({ db, clock, sealer }, input),
      'webhooks.delete': ({ id }) => deleteEndpoint({ db, clock }, id),
      'webhooks.rotateSecret': ({ id }) => rotateSecret({ db, clock, sealer }, id),
      'webhooks.deliveries': (filter) => listDeliveries(db, filter),
      'webhooks.retry': ({ id }) => retryDelivery(db, queue, id),
    },
  }
}
