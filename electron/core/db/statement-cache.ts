import type BetterSqlite3 from 'better-sqlite3'

/**
 * Kysely's SQLite driver prepares every query anew, and preparing costs more than running most of
 * ours. This hands out the same prepared statement for the same SQL, least recently used dropped
 * first, to Kysely and to direct statements alike. A statement still being iterated is busy and
 * cannot run twice at once, so then a fresh one is prepared instead.
 */
export function withStatementCache(sqlite: BetterSqlite3.Database, size = 256) {
  const cache = new Map<string, BetterSqlite3.Statement>()
  return {
    close: () => sqlite.close(),
    prepare(sql: string): BetterSqlite3.Statement {
      const cached = cache.get(sql)
      if (cached && !cached.busy) {
        cache.delete(sql)
        cache.set(sql, cached)
        return cached
      }
      const statement = sqlite.prepare(sql)
      if (cached) return statement
      cache.set(sql, statement)
      if (cache.size > size) cache.delete(cache.keys().next().value!)
      return statement
    },
  }
}
