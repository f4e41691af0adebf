import crypto from 'node:crypto'
import { storedSecretNameSchema, type StoredSecretName } from '../../../shared/contract/foundation'
import { readFileIfExists, writeFileAtomic } from './atomic-file'
import type { SecretStore } from './types'

/** Turns a secret into ciphertext and back: safeStorage in Electron, AES-GCM with a key file here. */
export interface Cipher {
  encrypt(plain: string): Buffer
  decrypt(data: Buffer): string
}

/** AES-256-GCM with a random key kept in its own 0600 file beside the data. */
export function createKeyFileCipher(keyFile: string): Cipher {
  let key = readFileIfExists(keyFile)
  if (!key || key.length !== 32) {
    key = crypto.randomBytes(32)
    writeFileAtomic(keyFile, key)
  }
  const k = key
  return {
    encrypt(plain) {
      const iv = crypto.randomBytes(12)
      const cipher = crypto.createCipheriv('aes-256-gcm', k, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return Buffer.concat([iv, cipher.getAuthTag(), body])
    },
    decrypt(data) {
      const decipher = crypto.createDecipheriv('aes-256-gcm', k, data.subarray(0, 12))
      decipher.setAuthTag(data.subarray(12, 28))
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8')
    },
  }
}

/** Secrets encrypted one by one into a JSON file of base64 blobs. */
export function createEncryptedSecretStore(file: string, cipher: Cipher): SecretStore {
  const load = (): Partial<Record<StoredSecretName, string>> => {
    const raw = readFileIfExists(file)
    if (!raw) return {}
    const blobs = JSON.parse(raw.toString('utf8')) as Record<string, string>
    const out: Partial<Record<StoredSecretName, string>> = {}
    for (const [name, blob] of Object.entries(blobs)) {
      const parsed = storedSecretNameSchema.safeParse(name)
      if (!parsed.success) continue
      try {
        out[parsed.data] = cipher.decrypt(Buffer.from(blob, 'base64'))
      } catch {
        // A blob we cannot decrypt (key file replaced) is treated as not set rather than crashing.
      }
    }
    return out
  }
  let cache = load()
  // Persist first and only then adopt the new state, so a refused encryption leaves nothing
  // reported as saved that is not.
  const commit = (next: Partial<Record<StoredSecretName, string>>) => {
    const blobs: Record<string, string> = {}
    for (const [name, value] of Object.entries(next)) blobs[name] = cipher.encrypt(value).toString('base64')
    writeFileAtomic(file, JSON.stringify(blobs))
    cache = next
  }
  return {
    get: (name) => cache[name],
    has: (name) => cache[name] !== undefined,
    set(name, value) {
      commit({ ...cache, [name]: value })
    },
    clear(name) {
      const { [name]: _removed, ...rest } = cache
      commit(rest)
    },
    values: () => Object.values(cache),
  }
}
