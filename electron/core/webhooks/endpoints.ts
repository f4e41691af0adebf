import type { Kysely, Selectable } from 'kysely'
import { uuidv7 } from 'uuidv7'
import { StudioError } from '../../../shared/contract/errors'
import type { WebhookEndpointView, WebhookEventType, WebhookSecretView } from '../../../shared/contract/webhooks'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import type { SecretSealer } from './sealed-secrets'
import { newSigningSecret, ROTATION_GRACE_MS } from './secrets'
import type { WebhookEndpointsTable } from './tables'

type Deps = { db: Kysely<Database>; clock: Clock }
type SealingDeps = Deps & { sealer: SecretSealer }

/** The endpoint as the renderer sees it: never its secrets. */
function toView(row: Selectable<WebhookEndpointsTable>, now: number): WebhookEndpointView {
  return {
    id: row.id,
    url: row.url,
    events: JSON.parse(row.events) as WebhookEventType[],
    createdAt: row.created_at,
    secretRotatedAt: row.secret_rotated_at,
    previousSecretUntil:
      row.previous_secret && (row.previous_secret_until ?? 0) > now ? row.previous_secret_until : null,
  }
}

async function mustGet(db: Kysely<Database>, id: string) {
  const row = await db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new StudioError('not_found', 'No such webhook endpoint')
  return row
}

export async function listEndpoints({ db, clock }: Deps): Promise<WebhookEndpointView[]> {
  const rows = await db.selectFrom('webhook_endpoints').selectAll().orderBy('created_at').execute()
  return rows.map((row) => toView(row, clock.now()))
}

export async function createEndpoint(
  { db, clock, sealer }: SealingDeps,
  input: { url: string; events: WebhookEventType[] },
): Promise<WebhookSecretView> {
  const id = uuidv7()
  const secret = newSigningSecret()
  const row = {
    id,
    url: input.url,
    events: JSON.stringify([...new Set(input.events)]),
    secret: await sealer.seal(id, secret),
    previous_secret: null,
    previous_secret_until: null,
    secret_rotated_at: null,
    created_at: clock.now(),
  }
  await db.insertInto('webhook_endpoints').values(row).execute()
  return { endpoint: toView(row, clock.now()), secret }
}

/** Removes the endpoint; its queued deliveries fail on their next run, and its log stays readable. */
export async function deleteEndpoint({ db }: Deps, id: string): Promise<{ deleted: true }> {
  const result = await db.deleteFrom('webhook_endpoints').where('id', '=', id).executeTakeFirst()
  if (!result.numDeletedRows) throw new StudioError('not_found', 'No such webhook endpoint')
  return { deleted: true }
}

export async function rotateSecret({ db, clock, sealer }: SealingDeps, id: string): Promise<WebhookSecretView> {
  const current = await mustGet(db, id)
  const now = clock.now()
  const secret = newSigningSecret()
  const patch = {
    secret: await sealer.seal(id, secret),
    previous_secret: current.secret,
    previous_secret_until: now + ROTATION_GRACE_MS,
    secret_rotated_at: now,
  }
  await db.updateTable('webhook_endpoints').set(patch).where('id', '=', id).execute()
  return { endpoint: toView({ ...current, ...patch }, now), secret }
}
