import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { TestPostgres } from '../postgres/server'
import { createAuthRoutes, type SentCode } from './auth-routes'
import { createFunctionRoutes, type EdgeFunctionOptions } from './function-routes'
import { readBody, readBytes, send, type Reply } from './http'
import { createRpcRoutes } from './rpc-routes'
import { createStorageRoutes } from './storage-routes'
import { createTokenSigner, projectKeys, type TokenSigner } from './tokens'

export interface SupabaseStandIn {
  /** The project URL to pass to createClient: http://127.0.0.1:PORT */
  url: string
  anonKey: string
  serviceRoleKey: string
  /** The project's JWT secret (HS256), for tests that mint tokens of their own. */
  jwtSecret: string
  signer: TokenSigner
  /** The one-time codes "emailed" so far, oldest first: a test reads its code here as from an inbox. */
  sentCodes: readonly SentCode[]
  close(): Promise<void>
}

export interface SupabaseStandInOptions {
  /** A server whose database already has the platform schema and the migrations (applySupabaseSchema). */
  postgres: TestPostgres
  jwtSecret?: string
  /** Access-token lifetime (GoTrue's default is an hour); short values let tests reach a refresh. */
  accessTokenSeconds?: number
  /** Edge Functions to run under /functions/v1/<name>, each as a `deno run` process (see function-routes.ts). */
  edgeFunctions?: EdgeFunctionOptions
  /** How long a function may take to start listening (a loaded machine compiles it slowly). */
  edgeFunctionStartMs?: number
}

/** Recordings of a long interview run to tens of megabytes; the stand-in holds one body in memory. */
const STORAGE_BODY_LIMIT = 256 * 1024 * 1024

const notFound: Reply = { status: 404, body: { message: 'no Route matched with those values' } }

/**
 * An HTTP server that answers what supabase-js sends for sign-in and RPCs, in front of a real
 * Postgres: `/auth/v1/...` (GoTrue's email + password endpoints), `/rest/v1/rpc/...` (PostgREST) and
 * `/storage/v1/object/...` (Storage's object endpoints).
 * Like Supabase's gateway it refuses requests without a project API key; anything else is 404.
 */
export async function startSupabaseStandIn(options: SupabaseStandInOptions): Promise<SupabaseStandIn> {
  const jwtSecret = options.jwtSecret ?? randomBytes(32).toString('base64url')
  const signer = createTokenSigner(jwtSecret)
  const keys = await projectKeys(signer)
  // GoTrue owns the auth schema; here the platform's superuser stands in for its role.
  const authDb = new pg.Pool({ ...options.postgres.connection(options.postgres.superuser), max: 4 })
  const restDb = new pg.Pool({ ...options.postgres.connection('authenticator'), max: 8 })
  // An idle connection's error (the server shutting down first) is reported on the pool; without a
  // listener it would crash the test process.
  for (const pool of [authDb, restDb]) pool.on('error', () => undefined)
  const sockets = new Set<Socket>()
  let url = ''
  const auth = createAuthRoutes({
    db: authDb,
    signer,
    issuer: () => `${url}/auth/v1`,
    accessTokenSeconds: options.accessTokenSeconds ?? 3600,
  })
  const rpc = createRpcRoutes({ db: restDb, signer })
  const objectsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'panelist-storage-'))
  const storage = createStorageRoutes({ db: restDb, admin: authDb, signer, dir: objectsDir })

  let functions: Awaited<ReturnType<typeof createFunctionRoutes>> | null = null

  async function route(req: IncomingMessage): Promise<Reply> {
    const target = new URL(req.url ?? '/', url)
    if (target.pathname.startsWith('/functions/v1/') && functions) {
      const text = await readBody(req)
      return (
        (await functions.handle(req, target.pathname.slice('/functions/v1'.length), target.search, text)) ?? notFound
      )
    }
    const apikey = req.headers.apikey
    if (apikey !== keys.anonKey && apikey !== keys.serviceRoleKey) {
      return { status: 401, body: { message: apikey ? 'Invalid API key' : 'No API key found in request' } }
    }
    if (target.pathname.startsWith('/storage/v1/')) {
      const bytes = await readBytes(req, STORAGE_BODY_LIMIT)
      return (await storage(req, target.pathname.slice('/storage/v1'.length), bytes)) ?? notFound
    }
    const text = await readBody(req)
    if (target.pathname.startsWith('/auth/v1/')) {
      return (await auth.handle(req, target.pathname.slice('/auth/v1'.length), target.searchParams, text)) ?? notFound
    }
    if (target.pathname.startsWith('/rest/v1/')) {
      return (await rpc(req, target.pathname.slice('/rest/v1'.length), text)) ?? notFound
    }
    return notFound
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    route(req).then(
      (reply) => send(res, reply),
      (error: unknown) => send(res, { status: 500, body: { message: (error as Error).message } }),
    )
  })
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  if (options.edgeFunctions) {
    try {
      functions = await createFunctionRoutes(
        options.edgeFunctions,
        { url, ...keys },
        options.edgeFunctionStartMs ?? 60_000,
      )
    } catch (error) {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await Promise.all([authDb.end(), restDb.end()])
      throw error
    }
  }

  return {
    url,
    ...keys,
    jwtSecret,
    signer,
    sentCodes: auth.sentCodes,
    async close() {
      await functions?.close()
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await Promise.all([authDb.end(), restDb.end()])
      fs.rmSync(objectsDir, { recursive: true, force: true })
    },
  }
}
