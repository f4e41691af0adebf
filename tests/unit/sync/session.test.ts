import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SyncStatus } from '@shared/contract/sync'
import type { Studio } from '@core/studio'
import { createEncryptedSecretStore, createKeyFileCipher } from '@core/settings/encrypted-secret-store'
import { SESSION_SECRET } from '@core/sync/session-storage'
import {
  startWorkspaceServer,
  workspaceServerUnavailable,
  type SignedInUser,
  type WorkspaceServer,
} from '../../harness/supabase'
import { createTempStudio, tempDir } from '../../helpers/temp-studio'
import { budget } from '../../helpers/patience'
import { addCandidate, call, syncNow, waitForStatus } from './studios'

/*
 * The studio's workspace session and the adapter's error mapping, through supabase-js against the
 * real server (Postgres with supabase/migrations behind the Supabase stand-in): sign-in keeps the
 * session in the secret store and never in an answer or event; offline, a viewer, a removed
 * member, a refused session and signing out each show as the indicator's state.
 */

const unavailable = workspaceServerUnavailable()
const PASSWORD = 'correct horse battery staple'

describe.skipIf(unavailable)(`the workspace session${unavailable ? ` [${unavailable}]` : ''}`, () => {
  let server: WorkspaceServer
  let admin: SignedInUser
  let org: string
  const opened: Studio[] = []

  beforeAll(async () => {
    server = await startWorkspaceServer()
    admin = await server.signUp('session-admin@example.test', PASSWORD)
    org = (await admin.client.rpc('create_organisation', { p_name: 'Session Co' })).data as string
    // Its members outnumber Free's two seats: on Pro (set as the billing webhook would).
    await server.owner.query(`update billing_entitlements set plan = 'pro', status = 'active' where org_id = $1`, [org])
  }, budget(120_000))
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()))
    await server?.stop()
  })

  /** A member of the organisation with `role`, and a studio of theirs (not yet signed in). */
  const member = async (email: string, role: 'recruiter' | 'viewer', network: { down: boolean } = { down: false }) => {
    const invited = await admin.client.rpc('invite_member', { p_org: org, p_email: email, p_role: role })
    const user = await server.signUp(email, PASSWORD)
    await user.client.rpc('accept_invitation', { p_token: (invited.data as { token: string }).token })
    const events: unknown[] = []
    const dataDir = tempDir()
    const secrets = createEncryptedSecretStore(
      path.join(dataDir, 'secrets.json'),
      createKeyFileCipher(path.join(dataDir, 'secrets.key')),
    )
    const { studio } = await createTempStudio({
      dataDir,
      secrets,
      sync: {
        project: {
          url: server.url,
          anonKey: server.anonKey,
          fetch: async (input, init) => {
            if (network.down) throw new TypeError('fetch failed')
            return fetch(input, init)
          },
        },
        intervalMs: 3_600_000,
      },
    })
    studio.events.subscribe((name, payload) => events.push({ name, payload }))
    opened.push(studio)
    return { user, studio, events, secrets }
  }

  it('signs in, keeps the session only in the secret store, syncs, and signs out', async () => {
    const { studio, events, secrets } = await member('session-recruiter@example.test', 'recruiter')
    const wrong = await studio.dispatch(
      'sync.signIn',
      { email: 'session-recruiter@example.test', password: 'not the password' },
      { audience: 'recruiter' },
    )
    expect(wrong).toMatchObject({ ok: false, error: { code: 'forbidden' } })

    const answers: unknown[] = []
    answers.push(
      await call(studio, 'sync.signIn', { email: 'Session-Recruiter@example.test', password: PASSWORD }),
      await call(studio, 'sync.adopt', { workspaceId: org }),
    )
    await addCandidate(studio, 'Ada')
    answers.push(await syncNow(studio))
    const status = answers.at(-1) as SyncStatus
    expect(status).toMatchObject({
      state: 'idle',
      pending: 0,
      account: 'session-recruiter@example.test',
      workspace: org,
      role: 'recruiter',
    })
    expect(status.lastSyncedAt).not.toBeNull()

    const stored = JSON.parse(secrets.get(SESSION_SECRET)!) as Record<string, string>
    const session = JSON.parse(Object.values(stored)[0]!) as { access_token: string; refresh_token: string }
    expect(session.access_token.length).toBeGreaterThan(20)
    const crossedTheBridge = JSON.stringify([answers, events])
    expect(crossedTheBridge).not.toContain(session.access_token)
    expect(crossedTheBridge).not.toContain(session.refresh_token)
    // The kiosk cannot even ask.
    expect(await studio.dispatch('sync.status', {}, { audience: 'kiosk' })).toMatchObject({ ok: false })

    const out = await call<SyncStatus>(studio, 'sync.signOut')
    expect(out).toMatchObject({ state: 'signed-out', account: null, role: null })
    expect(secrets.has(SESSION_SECRET)).toBe(false)
  })

  it('shows offline with a retry time while the server cannot be reached, then catches up', async () => {
    const network = { down: false }
    const { studio } = await member('session-offline@example.test', 'recruiter', network)
    await call(studio, 'sync.signIn', { email: 'session-offline@example.test', password: PASSWORD })
    await call(studio, 'sync.adopt', { workspaceId: org })
    await studio.queue.idle()
    network.down = true
    await addCandidate(studio, 'Grace')
    await call(studio, 'sync.now')
    const offline = await waitForStatus(studio, (s) => s.state === 'offline' && s.retryingAt !== null)
    expect(offline.pending).toBe(1)
    network.down = false
    await waitForStatus(studio, (s) => s.state === 'idle' && s.pending === 0, 30_000)
  })

  it('lets a viewer receive the team’s changes while their own stay local, and says so', async () => {
    const { studio } = await member('session-viewer@example.test', 'viewer')
    await call(studio, 'sync.signIn', { email: 'session-viewer@example.test', password: PASSWORD })
    await call(studio, 'sync.adopt', { workspaceId: org })
    await addCandidate(studio, 'Not shared')
    const status = await syncNow(studio)
    expect(status).toMatchObject({ state: 'error', pending: 1, role: 'viewer' })
    expect(status.state === 'error' && status.message).toMatch(/cannot make changes/)
    // What the recruiter synced in the first test arrived.
    const ada = await studio.db.selectFrom('candidates').select('name').where('name', '=', 'Ada').execute()
    expect(ada).toHaveLength(1)
  })

  it('stops with the reason when the member is removed, and signs out when the session is refused', async () => {
    const { user, studio, secrets } = await member('session-removed@example.test', 'recruiter')
    await call(studio, 'sync.signIn', { email: 'session-removed@example.test', password: PASSWORD })
    await call(studio, 'sync.adopt', { workspaceId: org })
    await studio.queue.idle()
    const removed = await admin.client.rpc('remove_member', { p_org: org, p_user: user.id })
    expect(removed.error).toBeNull()
    await addCandidate(studio, 'After removal')
    const status = await syncNow(studio)
    expect(status.state === 'error' && status.message).toMatch(/not a member/)

    // A session the server no longer accepts (a forged token): the indicator asks for sign-in.
    const stored = JSON.parse(secrets.get(SESSION_SECRET)!) as Record<string, string>
    const [key, raw] = Object.entries(stored)[0]!
    const session = JSON.parse(raw) as { access_token: string }
    const [head, body] = session.access_token.split('.')
    await secrets.set(
      SESSION_SECRET,
      JSON.stringify({ [key]: JSON.stringify({ ...session, access_token: `${head}.${body}.forged` }) }),
    )
    const refused = await syncNow(studio)
    expect(refused.state).toBe('signed-out')
  })
})
