import BetterSqlite3 from 'better-sqlite3'

/** An error SQLite gives for a file that is not a database or whose pages do not hold together. */
export function isCorruption(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? ''
  const message = error instanceof Error ? error.message : ''
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || /quick_check|malformed|not a database/i.test(message)
}

/**
 * Whether the database (with its WAL, if one is beside it) passes quick_check, read through a
 * read-only connection: closing it never checkpoints, so a WAL under suspicion is not folded into
 * the file. Errors other than corruption (a full disk, a lock) are thrown.
 */
export function readsIntact(file: string): boolean {
  let sqlite: BetterSqlite3.Database | undefined
  try {
    sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
    return sqlite.pragma('quick_check(1)', { simple: true }) === 'ok'
  } catch (error) {
    if (isCorruption(error)) return false
    throw error
  } finally {
    sqlite?.close()
  }
}
