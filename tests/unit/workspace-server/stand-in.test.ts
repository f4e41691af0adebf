import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  startWorkspaceServer,
  userClaims,
  workspaceServerUnavailable,
  type WorkspaceServer,
} from '../../harness/supabase'

const unavailable = workspaceServerUnavailable()

describe.skipIf(unavailable)(
  `the Supabase stand-in, driven by supabase-js${unavailable ? ` [${unavailable}]` : ''}`,
  () => {
    let server: WorkspaceServer
    beforeAll(async () => {
      server = await startWorkspaceServer()
    })
    afterAll(async () => {
      await server?.stop()
    })

    it('signs up, signs in with the password, and knows the user', async () => {
      const email = `ada-${crypto.randomUUID()}@example.test`
      const signedUp = await server.signUp(email, 'analytical engine')
      const client = server.client()
      const wrong = await client.auth.signInWithPassword({ email, password: 'difference engine' })
      expect(wrong.error?.code).toBe('invalid_credentials')
      expect(wrong.error?.status).toBe(400)

      const { data, error } = await client.auth.signInWithPassword({
        email: email.toUpperCase(),
        password: 'analytical engine',
      })
      expect(error).toBeNull()
      expect(data.user?.id).toBe(signedUp.id)
      const user = await client.auth.getUser()
      expect(user.data.user).toMatchObject({ id: signedUp.id, email, role: 'authenticated', aud: 'authenticated' })

      const { rows } = await server.owner.query('select encrypted_password from auth.users where id = $1', [
        signedUp.id,
      ])
      expect(rows[0].encrypted_password).toMatch(/^scrypt\$16384\$8\$1\$/)
      expect(rows[0].encrypted_password).not.toContain('analytical')
    })

    it('refuses a second account for the same address and a short password', async () => {
      const email = `twice-${crypto.randomUUID()}@example.test`
      await server.signUp(email)
      const again = await server.client().auth.signUp({ email, password: 'another password' })
      expect(again.error?.code).toBe('user_already_exists')
      const weak = await server
        .client()
        .auth.signUp({ email: `weak-${crypto.randomUUID()}@example.test`, password: '123' })
      expect(weak.error?.code).toBe('weak_password')
    })

    it('access tokens are HS256 JWTs with the claims PostgREST and the policies read', async () => {
      const user = await server.signUp(`claims-${crypto.randomUUID()}@example.test`)
      const [header, payload] = user.accessToken
        .split('.')
        .slice(0, 2)
        .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()))
      expect(header).toMatchObject({ alg: 'HS256', typ: 'JWT' })
      expect(payload).toMatchObject({ sub: user.id, role: 'authenticated', aud: 'authenticated', email: user.email })
      expect(payload.exp - payload.iat).toBe(3600)
      const verified = await server.supabase.signer.verify(user.accessToken)
      expect(verified.ok).toBe(true)
    })

    it('refreshing rotates the refresh token; the old one cannot be used again', async () => {
      const user = await server.signUp(`refresh-${crypto.randomUUID()}@example.test`)
      const before = (await user.client.auth.getSession()).data.session!
      const refreshed = await user.client.auth.refreshSession()
      expect(refreshed.error).toBeNull()
      expect(refreshed.data.session?.refresh_token).not.toBe(before.refresh_token)
      expect(refreshed.data.user?.id).toBe(user.id)
      // The refreshed token works for RPCs.
      expect((await user.client.rpc('my_organisations')).error).toBeNull()

      const reuse = await server.client().auth.refreshSession({ refresh_token: before.refresh_token })
      expect(reuse.error?.code).toBe('refresh_token_already_used')
      const unknown = await server.client().auth.refreshSession({ refresh_token: 'never-issued' })
      expect(unknown.error?.code).toBe('refresh_token_not_found')
    })

    it('signing out ends the session: the user is no longer known and the refresh token is dead', async () => {
      const user = await server.signUp(`out-${crypto.randomUUID()}@example.test`)
      const session = (await user.client.auth.getSession()).data.session!
      expect((await user.client.auth.signOut()).error).toBeNull()
      expect((await user.client.auth.getSession()).data.session).toBeNull()
      const other = server.client()
      const afterwards = await other.auth.getUser(session.access_token)
      expect(afterwards.data.user).toBeNull()
      expect(afterwards.error).not.toBeNull()
      expect((await other.auth.refreshSession({ refresh_token: session.refresh_token })).error).not.toBeNull()
    })

    it('rpc/ answers PostgREST’s errors: unknown function 404, expired token 401, Postgres errors by SQLSTATE', async () => {
      const user = await server.signUp(`rpc-${crypto.randomUUID()}@example.test`)
      const missing = await user.client.rpc('no_such_function', { p_x: 1 })
      expect(missing.status).toBe(404)
      expect(missing.error?.code).toBe('PGRST202')
      const wrongArgs = await user.client.rpc('create_organisation', { name: 'no p_' })
      expect(wrongArgs.error?.code).toBe('PGRST202')

      const expired = await server.supabase.signer.sign(userClaims(user.id, user.email), -60)
      const response = await fetch(`${server.url}/rest/v1/rpc/my_organisations`, {
        method: 'POST',
        headers: { apikey: server.anonKey, authorization: `Bearer ${expired}`, 'content-type': 'application/json' },
        body: '{}',
      })
      expect(response.status).toBe(401)
      expect(await response.json()).toMatchObject({ code: 'PGRST303', message: 'JWT expired' })

      const badName = await user.client.rpc('create_organisation', { p_name: '   ' })
      expect(badName.status).toBe(400)
      expect(badName.error).toMatchObject({ code: '23514', details: expect.any(String), hint: null })
    })

    it('refuses requests without the project key, and routes it does not serve', async () => {
      const noKey = await fetch(`${server.url}/rest/v1/rpc/my_organisations`, { method: 'POST', body: '{}' })
      expect(noKey.status).toBe(401)
      // The key alone, no user token: PostgREST's anonymous role, which may call none of these.
      const keyOnly = await fetch(`${server.url}/rest/v1/rpc/my_organisations`, {
        method: 'POST',
        headers: { apikey: server.anonKey, 'content-type': 'application/json' },
        body: '{}',
      })
      expect(keyOnly.status).toBe(401)
      expect(await keyOnly.json()).toMatchObject({ code: '42501', message: expect.stringMatching(/permission denied/) })
      const user = await server.signUp(`routes-${crypto.randomUUID()}@example.test`)
      const headers = { apikey: server.anonKey, authorization: `Bearer ${user.accessToken}` }
      for (const [method, path] of [
        ['GET', '/rest/v1/organisations'],
        ['POST', '/rest/v1/organisations'],
        ['GET', '/rest/v1/rpc/my_organisations'],
        ['POST', '/auth/v1/sso'],
        ['GET', '/storage/v1/bucket'],
      ] as const) {
        const response = await fetch(`${server.url}${path}`, { method, headers })
        expect(response.status, `${method} ${path}`).toBe(404)
      }
    })
  },
)
