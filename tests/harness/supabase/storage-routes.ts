import fs from 'node:fs'
import type { IncomingMessage } from 'node:http'
import path from 'node:path'
import pg from 'pg'
import { bearerToken, parseJson, type Reply } from './http'
import { asRequestRole } from './request-role'
import type { ApiRole, TokenSigner } from './tokens'

/**
 * Supabase Storage's object endpoints, as storage-js calls them: upload (`POST`/`PUT
 * /object/<bucket>/<name>`), download (`GET /object/<bucket>/<name>`, or under `authenticated/`),
 * and remove (`DELETE /object/<bucket>` with `{ prefixes }`). Like the real service, each request
 * reads or writes storage.objects as the caller's role with their claims, so the policies on that
 * table decide; the bytes live in a folder of their own, written only once the row is allowed.
 */
export interface StorageRoutesDeps {
  /** A pool connected as `authenticator`. */
  db: pg.Pool
  /** The service's own connection, which reads buckets whatever the caller may see. */
  admin: pg.Pool
  signer: TokenSigner
  /** Where the objects' bytes are kept. */
  dir: string
}

/** Storage's error body: its own fields, with a status code of its own (a missing object is HTTP 400, code "404"). */
const storageError = (status: number, error: string, message: string, code = status): Reply => ({
  status,
  body: { statusCode: String(code), error, message },
})

/** Storage refuses keys that could escape a folder or that it cannot store. */
const validName = (name: string) =>
  name.length > 0 &&
  name.length <= 1024 &&
  !name.split('/').some((part) => part === '' || part === '.' || part === '..')

export function createStorageRoutes(deps: StorageRoutesDeps) {
  const fileOf = (bucket: string, name: string) => path.join(deps.dir, encodeURIComponent(`${bucket}/${name}`))

  async function upload(
    role: ApiRole,
    claims: object,
    bucket: string,
    name: string,
    req: IncomingMessage,
    bytes: Buffer,
  ): Promise<Reply> {
    const upsert = req.method === 'PUT' || req.headers['x-upsert'] === 'true'
    const mimetype = String(req.headers['content-type'] ?? 'application/octet-stream')
    const found = await deps.admin.query<{ file_size_limit: string | null }>(
      'select file_size_limit from storage.buckets where id = $1',
      [bucket],
    )
    if (found.rows.length === 0) return storageError(404, 'Bucket not found', 'Bucket not found')
    const limit = found.rows[0]!.file_size_limit
    if (limit !== null && bytes.length > Number(limit)) {
      return storageError(413, 'Payload too large', 'The object exceeded the maximum allowed size')
    }
    const row = await asRequestRole(deps.db, role, claims, `/object/${bucket}/${name}`, async (client) => {
      const metadata = JSON.stringify({ size: bytes.length, mimetype })
      const inserted = await client.query<{ id: string }>(
        `insert into storage.objects (bucket_id, name, owner, owner_id, metadata)
         values ($1, $2, (select auth.uid()), (select auth.uid())::text, $3)
         ${upsert ? 'on conflict (bucket_id, name) do update set metadata = excluded.metadata, updated_at = now()' : ''}
         returning id`,
        [bucket, name, metadata],
      )
      // Written before the row commits: a failed write rolls the row back, as the service does.
      fs.writeFileSync(fileOf(bucket, name), bytes)
      return inserted.rows[0]!.id
    })
    return { status: 200, body: { Id: row, Key: `${bucket}/${name}` } }
  }

  async function download(role: ApiRole, claims: object, bucket: string, name: string): Promise<Reply> {
    const found = await asRequestRole(deps.db, role, claims, `/object/${bucket}/${name}`, (client) =>
      client.query<{ metadata: { mimetype?: string } | null }>(
        'select metadata from storage.objects where bucket_id = $1 and name = $2',
        [bucket, name],
      ),
    )
    const file = fileOf(bucket, name)
    if (found.rows.length === 0 || !fs.existsSync(file)) return storageError(400, 'not_found', 'Object not found', 404)
    return {
      status: 200,
      raw: fs.readFileSync(file),
      headers: { 'content-type': found.rows[0]!.metadata?.mimetype ?? 'application/octet-stream' },
    }
  }

  async function remove(role: ApiRole, claims: object, bucket: string, text: string): Promise<Reply> {
    const body = parseJson(text) as { prefixes?: unknown } | undefined
    const prefixes = body?.prefixes
    if (!Array.isArray(prefixes) || !prefixes.every((p): p is string => typeof p === 'string')) {
      return storageError(400, 'Invalid Input', 'body must have a prefixes array of strings')
    }
    const deleted = await asRequestRole(deps.db, role, claims, `/object/${bucket}`, (client) =>
      client.query<{ name: string; bucket_id: string; id: string }>(
        'delete from storage.objects where bucket_id = $1 and name = any ($2) returning id, name, bucket_id',
        [bucket, prefixes],
      ),
    )
    for (const row of deleted.rows) fs.rmSync(fileOf(bucket, row.name), { force: true })
    return { status: 200, body: deleted.rows }
  }

  async function identity(req: IncomingMessage): Promise<{ role: ApiRole; claims: object } | Reply> {
    const token = bearerToken(req)
    if (!token) return { role: 'anon', claims: { role: 'anon' } }
    const verified = await deps.signer.verify(token)
    if (!verified.ok) return storageError(403, 'Unauthorized', verified.message)
    return { role: verified.claims.role, claims: verified.claims }
  }

  /** Answers a request under /storage/v1, or null when the stand-in does not serve that route. */
  return async function handle(req: IncomingMessage, route: string, bytes: Buffer): Promise<Reply | null> {
    const match = /^\/object\/(?:authenticated\/)?([a-z0-9_-]+)(?:\/(.+))?$/.exec(route)
    if (!match) return null
    const bucket = match[1]!
    const name = match[2] === undefined ? undefined : decodeURIComponent(match[2])
    const who = await identity(req)
    if ('status' in who) return who
    try {
      if (name === undefined) {
        return req.method === 'DELETE' ? await remove(who.role, who.claims, bucket, bytes.toString('utf8')) : null
      }
      if (!validName(name)) return storageError(400, 'Invalid Key', `Invalid key: ${name}`)
      if (req.method === 'GET') return await download(who.role, who.claims, bucket, name)
      if (req.method === 'POST' || req.method === 'PUT') {
        return await upload(who.role, who.claims, bucket, name, req, bytes)
      }
      return null
    } catch (error) {
      if (!(error instanceof pg.DatabaseError)) throw error
      if (error.code === '42501') return storageError(403, 'Unauthorized', error.message)
      if (error.code === '23505') return storageError(409, 'Duplicate', 'The resource already exists')
      if (error.code === '23503') return storageError(404, 'Bucket not found', 'Bucket not found')
      return storageError(500, 'internal', error.message)
    }
  }
}
