import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import { StudioError } from '../../../shared/contract'
import type { Clock } from '../clock'
import { getMeta, setMeta } from '../db/meta'
import type { Database } from '../db/schema'

export interface KioskPin {
  set(pin: string): Promise<void>
  isSet(): Promise<boolean>
  /** True when the PIN matches; throws `forbidden` while locked out after repeated failures. */
  verify(pin: string): Promise<boolean>
}

const KEY = 'kiosk_pin'
const MAX_FAILURES = 5
const LOCKOUT_MS = 60_000

function hash(pin: string, salt: Buffer): Buffer {
  return crypto.scryptSync(pin, salt, 32, { N: 16384, r: 8, p: 1 })
}

/** The recruiter's kiosk PIN, stored as a salted scrypt hash; guesses are rate-limited. */
export function createKioskPin(db: Kysely<Database>, clock: Clock): KioskPin {
  let failures = 0
  let lockedUntil = 0
  return {
    async set(pin) {
      const salt = crypto.randomBytes(16)
      await setMeta(db, KEY, `${salt.toString('base64')}:${hash(pin, salt).toString('base64')}`)
    },
    async isSet() {
      return (await getMeta(db, KEY)) !== undefined
    },
    async verify(pin) {
      const now = clock.now()
      if (now < lockedUntil) {
        const waitMs = lockedUntil - now
        throw new StudioError(
          'forbidden',
          `Too many wrong PINs; try again in ${Math.ceil(waitMs / 1000)} s`,
          undefined,
          waitMs,
        )
      }
      const stored = await getMeta(db, KEY)
      if (!stored) return false
      const [salt, expected] = stored.split(':').map((part) => Buffer.from(part, 'base64'))
      const ok = crypto.timingSafeEqual(hash(pin, salt!), expected!)
      if (ok) {
        failures = 0
        return true
      }
      failures += 1
      if (failures >= MAX_FAILURES) {
        failures = 0
        lockedUntil = now + LOCKOUT_MS
      }
      return false
    },
  }
}
