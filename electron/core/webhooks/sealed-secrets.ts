import crypto from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { SecretStore } from '../settings/types'

/** The key that seals signing secrets in the database; it lives in the secret store only. */
export const WEBHOOKS_KEY = 'webhooks.key' as const
const PREFIX = 'sealed:v1:'

/**
 * Signing secrets are kept in the database sealed (AES-256-GCM, bound to their endpoint's id), so
 * the data folder, its backups and an exported database never hold one a receiver would accept:
 * the key is in the secret store (safeStorage on the desktop), like the provider keys.
 */
export interface SecretSealer {
  seal(endpointId: string, secret: string): Promise<string>
  /** The secret, or null when this computer's key cannot open it (the key was lost or replaced). */
  open(endpointId: string, sealed: string): string | null
}

export function createSealer(store: SecretStore): SecretSealer {
  const existingKey = () => {
    const stored = store.get(WEBHOOKS_KEY)
    return stored ? Buffer.from(stored, 'base64') : null
  }
  return {
    async seal(endpointId, secret) {
      let key = existingKey()
      if (!key) {
        key = crypto.randomBytes(32)
        await store.set(WEBHOOKS_KEY, key.toString('base64'))
      }
      const iv = crypto.randomBytes(12)
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(endpointId))
      const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()])
      return PREFIX + [iv, sealed, cipher.getAuthTag()].map((part) => part.toString('base64url')).join(':')
    },
    open(endpointId, sealed) {
      const key = existingKey()
      const parts = sealed.startsWith(PREFIX) ? sealed.slice(PREFIX.length).split(':') : []
      if (!key || parts.length !== 3) return null
      const [iv, data, tag] = parts.map((part) => Buffer.from(part, 'base64url')) as [Buffer, Buffer, Buffer]
      try {
        const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(endpointId))
        decipher.setAuthTag(tag)
        return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8')
      } catch {
        return null
      }
    },
  }
}

/**
 * Seals secrets stored in the clear by earlier versions, then compacts the database so their old
 * bytes do not stay in free pages. Returns how many endpoints were sealed.
 */
export async function sealLegacySecrets(db: Kysely<Database>, sealer: SecretSealer): Promise<number> {
  const clear = (value: string | null) => value !== null && !value.startsWith(PREFIX)
  const rows = (await db.selectFrom('webhook_endpoints').select(['id', 'secret', 'previous_secret']).execute()).filter(
    (row) => clear(row.secret) || clear(row.previous_secret),
  )
  for (const row of rows) {
    const seal = async (value: string) => (clear(value) ? sealer.seal(row.id, value) : value)
    await db
      .updateTable('webhook_endpoints')
      .set({
        secret: await seal(row.secret),
        previous_secret: row.previous_secret === null ? null : await seal(row.previous_secret),
      })
      .where('id', '=', row.id)
      .execute()
  }
  if (rows.length) {
    await sql`vacuum`.execute(db)
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db)
  }
  return rows.length
}
