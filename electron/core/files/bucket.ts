import type { SupabaseClient } from '@supabase/supabase-js'
import { StudioError } from '../../../shared/contract'

/** The private Storage bucket the workspace's files live in (supabase/migrations/…_file_sync.sql). */
export const WORKSPACE_BUCKET = 'workspace-files'

/** Where one file lives in the bucket: the organisation's folder, then the bytes' SHA-256. */
export const objectName = (orgId: string, sha256: string) => `${orgId}/${sha256}`

/** The workspace's file storage as file sync uses it; supabaseBucket is the real one. */
export interface FileBucket {
  /** Stores the bytes; an object already there under that name (the same bytes) counts as stored. */
  put(name: string, bytes: Buffer, contentType: string): Promise<void>
  /** The bytes, or null when the object is not there or this account may not read it. */
  get(name: string): Promise<Buffer | null>
  /** Removes what this account may remove of the named objects; returns the names removed. */
  remove(names: readonly string[]): Promise<string[]>
}

interface StorageFailure {
  message: string
  status?: number
  statusCode?: string
}

/** Storage repeats its own status in the body (a missing object is HTTP 400 with statusCode "404"). */
const statusOf = (error: StorageFailure) => Number(error.statusCode ?? 0) || (error.status ?? 0)

/** Storage's status as the caller acts on it: offline and 5xx retry later, a refusal does not. */
function failure(what: string, error: StorageFailure): StudioError {
  const status = statusOf(error)
  if (!status || status === 408 || status === 429 || status >= 500) {
    return new StudioError('unavailable', `${what}: the workspace's storage could not be reached (${error.message})`)
  }
  if (status === 401 || status === 403) return new StudioError('forbidden', `${what}: not allowed (${error.message})`)
  return new StudioError('conflict', `${what}: ${error.message}`)
}

/** The bucket through supabase-js Storage, under the signed-in session (Storage applies its policies). */
export function supabaseBucket(client: SupabaseClient): FileBucket {
  const bucket = () => client.storage.from(WORKSPACE_BUCKET)
  return {
    async put(name, bytes, contentType) {
      const { error } = await bucket().upload(name, bytes, { contentType, upsert: false })
      // Content-addressed: a duplicate is these very bytes, uploaded by a teammate or an earlier try.
      if (error && statusOf(error as StorageFailure) !== 409) throw failure('Uploading a file', error as StorageFailure)
    },
    async get(name) {
      const { data, error } = await bucket().download(name)
      if (error) {
        const status = statusOf(error as StorageFailure)
        if (status === 404) return null
        throw failure('Fetching a file', error as StorageFailure)
      }
      return Buffer.from(await data.arrayBuffer())
    },
    async remove(names) {
      if (names.length === 0) return []
      const { data, error } = await bucket().remove([...names])
      if (error) throw failure('Removing files', error as StorageFailure)
      return (data ?? []).map((object) => object.name)
    },
  }
}
