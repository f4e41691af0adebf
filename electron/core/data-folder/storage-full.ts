const STORAGE_FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL'])

/** A write refused because the disk (or the user's quota) is full, from the OS or from SQLite. */
export function isStorageFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && STORAGE_FULL_CODES.has(code)
}

/** What a request that could not be saved answers; SQLite rolled its transaction back. */
export const REQUEST_STORAGE_FULL =
  'The disk holding Panelist’s data is full, so this was not saved. Free some space and try again; everything saved before is intact.'

/** The recruiter's banner when a request could not be saved. */
export const STUDIO_STORAGE_FULL =
  'The disk holding Panelist’s data is full: nothing new can be saved until you free some space.'

/** Why the studio could not start, in words for the person starting it (else the error itself). */
export function describeStartupFailure(error: unknown, dataDir: string): string {
  if (isStorageFull(error)) {
    return `The disk holding Panelist’s data (${dataDir}) is full, so Panelist cannot start. Free some space on that disk and start Panelist again; nothing saved has been lost.`
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error)
}
