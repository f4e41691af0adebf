import pg from 'pg'
import type { ApiRole } from './tokens'

/**
 * Runs `work` in one transaction as PostgREST and Storage run a request: `set local role` to the
 * token's role with its claims in `request.jwt.claims`, committed when `work` succeeds and rolled
 * back when it throws (the error propagates).
 */
export async function asRequestRole<T>(
  db: pg.Pool,
  role: ApiRole,
  claims: object,
  path: string,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await db.connect()
  try {
    await client.query('begin')
    try {
      await client.query(`set local role ${pg.escapeIdentifier(role)}`)
      await client.query(
        `select set_config('request.jwt.claims', $1, true), set_config('request.method', 'POST', true),
                set_config('request.path', $2, true)`,
        [JSON.stringify(claims), path],
      )
      const result = await work(client)
      await client.query('commit')
      return result
    } catch (error) {
      await client.query('rollback')
      throw error
    }
  } finally {
    client.release()
  }
}
