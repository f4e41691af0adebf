import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import pg from 'pg'
import WebSocket from 'ws'
import { findPostgresBinaries } from '../postgres/binaries'
import { startPostgres, type TestPostgres } from '../postgres/server'
import { applySupabaseSchema, PLATFORM_SUPERUSER } from './database'
import { startSupabaseStandIn, type SupabaseStandIn, type SupabaseStandInOptions } from './server'
import type { ApiRole } from './tokens'

export { applySupabaseSchema, migrationFiles } from './database'
export { startSupabaseStandIn, type SupabaseStandIn } from './server'

/** A signed-in supabase-js client and who it is. */
export interface SignedInUser {
  client: SupabaseClient
  id: string
  email: string
  accessToken: string
}

export interface WorkspaceServer {
  postgres: TestPostgres
  supabase: SupabaseStandIn
  /** For createClient(url, anonKey). */
  url: string
  anonKey: string
  /**
   * As `postgres`, the owner of everything the migrations create (row-level security does not apply
   * to a table's owner): for seeding and for checking what was stored.
   */
  owner: pg.Pool
  /** A supabase-js client of the stand-in, signed out, keeping its session in memory only. */
  client(): SupabaseClient
  /** Signs up a new account through supabase-js (confirmed at once) and returns its signed-in client. */
  signUp(email: string, password?: string): Promise<SignedInUser>
  /** Creates an organisation through `create_organisation` as `admin`; returns its id. */
  createOrganisation(admin: SignedInUser, name: string): Promise<string>
  /** Signs up `email` and brings them into the organisation by `invite_member` + `accept_invitation`. */
  addMember(
    admin: SignedInUser,
    orgId: string,
    email: string,
    role: 'admin' | 'recruiter' | 'viewer',
  ): Promise<SignedInUser>
  /**
   * Runs `work` directly in Postgres as PostgREST would for a request: connected as authenticator,
   * `set local role <role>` and `request.jwt.claims` set, in a transaction that is always rolled
   * back (nothing `work` writes is kept). Errors from `work` propagate after the rollback.
   */
  asRole<T>(role: ApiRole, claims: Record<string, unknown>, work: (db: pg.PoolClient) => Promise<T>): Promise<T>
  stop(): Promise<void>
}

/** Why the workspace server cannot start here (no Postgres server binaries), or null when it can. */
export function workspaceServerUnavailable(): string | null {
  const binaries = findPostgresBinaries()
  return binaries.ok ? null : binaries.reason
}

/** The claims GoTrue puts in a user's access token, enough for policies and RPCs. */
export const userClaims = (userId: string, email = `${userId}@example.test`) => ({
  sub: userId,
  role: 'authenticated',
  aud: 'authenticated',
  email,
})

/**
 * Real Postgres with the Supabase platform schema and every migration in supabase/migrations,
 * and the Supabase stand-in in front of it. One per test file (beforeAll); stop() in afterAll.
 */
export async function startWorkspaceServer(
  options: Omit<SupabaseStandInOptions, 'postgres'> = {},
): Promise<WorkspaceServer> {
  const postgres = await startPostgres({ superuser: PLATFORM_SUPERUSER })
  try {
    await applySupabaseSchema(postgres)
    const supabase = await startSupabaseStandIn({ ...options, postgres })
    const owner = new pg.Pool({ ...postgres.connection('postgres'), max: 4 })
    const authenticator = new pg.Pool({ ...postgres.connection('authenticator'), max: 4 })
    for (const pool of [owner, authenticator]) pool.on('error', () => undefined)
    const client = () =>
      createClient(supabase.url, supabase.anonKey, {
        auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
        // supabase-js builds its realtime client eagerly, and Node 20 has no global WebSocket.
        realtime: { transport: WebSocket as never },
      })
    const signUp = async (email: string, password = 'correct horse battery staple'): Promise<SignedInUser> => {
      const signedIn = client()
      const { data, error } = await signedIn.auth.signUp({ email, password })
      if (error || !data.session || !data.user) throw new Error(`sign-up of ${email} failed: ${error?.message}`)
      return { client: signedIn, id: data.user.id, email, accessToken: data.session.access_token }
    }
    return {
      postgres,
      supabase,
      url: supabase.url,
      anonKey: supabase.anonKey,
      owner,
      client,
      signUp,
      async createOrganisation(admin, name) {
        const { data, error } = await admin.client.rpc('create_organisation', { p_name: name })
        if (error) throw new Error(`create_organisation: ${error.message}`)
        return data as string
      },
      async addMember(admin, orgId, email, role) {
        const member = await signUp(email)
        const invited = await admin.client.rpc('invite_member', { p_org: orgId, p_email: email, p_role: role })
        if (invited.error) throw new Error(`invite_member: ${invited.error.message}`)
        const token = (invited.data as { token: string }).token
        const accepted = await member.client.rpc('accept_invitation', { p_token: token })
        if (accepted.error) throw new Error(`accept_invitation: ${accepted.error.message}`)
        return member
      },
      async asRole(role, claims, work) {
        const db = await authenticator.connect()
        try {
          await db.query('begin')
          await db.query(`set local role ${pg.escapeIdentifier(role)}`)
          await db.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ ...claims, role })])
          return await work(db)
        } finally {
          await db.query('rollback').catch(() => undefined)
          db.release()
        }
      },
      async stop() {
        await supabase.close()
        await Promise.all([owner.end(), authenticator.end()])
        await postgres.stop()
      },
    }
  } catch (error) {
    await postgres.stop()
    throw error
  }
}
