import type { Kysely } from 'kysely'
import type { Entitlement, QuotaKind } from '../../../shared/contract/billing'
import type { Database } from '../db/schema'
import type { BillingReservationsTable } from './tables'

/** The plan as this computer last read it, with when. */
export interface StoredEntitlement {
  entitlement: Entitlement
  fetchedAt: number
  offline: string | null
}

export async function readStoredEntitlement(db: Kysely<Database>, org: string): Promise<StoredEntitlement | null> {
  const row = await db.selectFrom('billing_entitlements').selectAll().where('org_id', '=', org).executeTakeFirst()
  if (!row) return null
  return { entitlement: JSON.parse(row.entitlement) as Entitlement, fetchedAt: row.fetched_at, offline: row.offline }
}

export async function saveEntitlement(
  db: Kysely<Database>,
  org: string,
  entitlement: Entitlement,
  fetchedAt: number,
): Promise<void> {
  const values = { entitlement: JSON.stringify(entitlement), fetched_at: fetchedAt, offline: null }
  await db
    .insertInto('billing_entitlements')
    .values({ org_id: org, ...values })
    .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
    .execute()
}

/** Notes why the last read failed; the grace still counts from the last success. */
export async function noteOffline(db: Kysely<Database>, org: string, reason: string): Promise<void> {
  await db.updateTable('billing_entitlements').set({ offline: reason }).where('org_id', '=', org).execute()
}

export type ReservationRow = BillingReservationsTable

export async function findReservation(db: Kysely<Database>, workKey: string): Promise<ReservationRow | undefined> {
  return db.selectFrom('billing_reservations').selectAll().where('work_key', '=', workKey).executeTakeFirst()
}

export async function putReservation(db: Kysely<Database>, row: ReservationRow): Promise<void> {
  const { work_key: _key, ...rest } = row
  await db
    .insertInto('billing_reservations')
    .values(row)
    .onConflict((oc) => oc.column('work_key').doUpdateSet(rest))
    .execute()
}

/** The newest refusal, for the Billing page. */
export async function lastRefusal(db: Kysely<Database>, org: string): Promise<{ message: string; at: number } | null> {
  const row = await db
    .selectFrom('billing_reservations')
    .select(['message', 'updated_at'])
    .where('org_id', '=', org)
    .where('state', '=', 'refused')
    .orderBy('updated_at', 'desc')
    .executeTakeFirst()
  return row?.message ? { message: row.message, at: row.updated_at } : null
}

/** Work run here offline since the plan was read: it counts against the last known usage. */
export async function offlineUse(db: Kysely<Database>, org: string, kind: QuotaKind, since: number): Promise<number> {
  const row = await db
    .selectFrom('billing_reservations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', org)
    .where('kind', '=', kind)
    .where('state', '=', 'offline')
    .where('updated_at', '>=', since)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function offlineReservations(db: Kysely<Database>, org: string): Promise<ReservationRow[]> {
  return db
    .selectFrom('billing_reservations')
    .selectAll()
    .where('org_id', '=', org)
    .where('state', '=', 'offline')
    .orderBy('updated_at')
    .execute()
}
