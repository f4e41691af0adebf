import crypto from 'node:crypto'
import { promisify } from 'node:util'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { getMeta, setMeta } from '../db/meta'
import { openGuessThrottle, type GuessThrottle, type GuessThrottleOptions } from '../guard/guess-throttle'

export interface KioskPin {
  set(pin: string): Promise<void>
  isSet(): Promise<boolean>
  /** True when the PIN matches; throws `forbidden` while locked out after repeated failures. */
  verify(pin: string): Promise<boolean>
}

const KEY = 'kiosk_pin'

/** Five wrong PINs lock the exit for a minute, doubling per further run, across restarts. */
export const openPinThrottle = (deps: Pick<GuessThrottleOptions, 'db' | 'clock' | 'logger'>) =>
  openGuessThrottle({
    ...deps,
    key: 'throttle:kiosk_pin',
    resetOnSuccess: true,
    lockedMessage: (waitMs) => `Too many wrong PINs; try again in ${Math.ceil(waitMs / 1000)} s`,
  })

const scrypt = promisify(crypto.scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>

// On libuv's thread pool: a burst of guesses must not stall every other request while it is hashed.
const hash = (pin: string, salt: Buffer) => scrypt(pin, salt, 32, { N: 16384, r: 8, p: 1 })

/** The recruiter's kiosk PIN, stored as a salted scrypt hash; guesses go through the throttle. */
export function createKioskPin(db: Kysely<Database>, throttle: GuessThrottle): KioskPin {
  return {
    async set(pin) {
      const salt = crypto.randomBytes(16)
      await setMeta(db, KEY, `${salt.toString('base64')}:${(await hash(pin, salt)).toString('base64')}`)
    },
    async isSet() {
      return (await getMeta(db, KEY)) !== undefined
    },
    async verify(pin) {
      const guess = throttle.begin()
      try {
        const stored = await getMeta(db, KEY)
        const [salt, expected] = (stored ?? ':').split(':').map((part) => Buffer.from(part, 'base64'))
        const ok = !!stored && crypto.timingSafeEqual(await hash(pin, salt!), expected!)
        if (ok) guess.succeeded()
        else guess.failed()
        return ok
      } catch (error) {
        guess.failed()
        throw error
      }
    },
  }
}
