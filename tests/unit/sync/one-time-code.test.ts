import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SyncStatus } from '@shared/contract/sync'
import type { Studio } from '@core/studio'
import { startWorkspaceServer, workspaceServerUnavailable, type WorkspaceServer } from '../../harness/supabase'
import { createTempStudio } from '../../helpers/temp-studio'
import { budget } from '../../helpers/patience'
import { call } from './studios'

/*
 * Signing in with a one-time code by email, through supabase-js against the stand-in's GoTrue
 * endpoints: the code arrives (the stand-in keeps the email where the test reads it), signs in
 * once, and a wrong or reused code, or an address without an account, is refused in words.
 */

const unavailable = workspaceServerUnavailable()

describe.skipIf(unavailable)(`one-time sign-in codes${unavailable ? ` [${unavailable}]` : ''}`, () => {
  let server: WorkspaceServer
  let studio: Studio

  beforeAll(async () => {
    server = await startWorkspaceServer()
    await server.signUp('code-user@example.test')
    ;({ studio } = await createTempStudio({
      sync: { project: { url: server.url, anonKey: server.anonKey }, intervalMs: 3_600_000 },
    }))
  }, budget(120_000))

  afterAll(async () => {
    await studio?.close()
    await server?.stop()
  })

  const inbox = (email: string) => server.supabase.sentCodes.filter((sent) => sent.email === email)
  const refusal = async (name: string, input: object) => {
    const result = await studio.dispatch(name, input, { audience: 'recruiter' })
    expect(result.ok).toBe(false)
    return result.ok ? null : result.error
  }

  it('emails a code that signs in once; a wrong or reused code and an unknown address are refused in words', async () => {
    expect(await call(studio, 'sync.sendCode', { email: 'Code-User@example.test' })).toEqual({ sent: true })
    const [sent] = inbox('code-user@example.test')
    expect(sent?.code).toMatch(/^\d{6}$/)

    const wrong = String((Number(sent!.code) + 1) % 1_000_000).padStart(6, '0')
    expect(await refusal('sync.verifyCode', { email: 'code-user@example.test', code: wrong })).toMatchObject({
      code: 'forbidden',
      message: 'Signing in with the code failed: Token has expired or is invalid',
    })
    const signedIn = await call<SyncStatus>(studio, 'sync.verifyCode', {
      email: 'code-user@example.test',
      code: sent!.code,
    })
    expect(signedIn.account).toBe('code-user@example.test')

    await call(studio, 'sync.signOut')
    expect(await refusal('sync.verifyCode', { email: 'code-user@example.test', code: sent!.code })).toMatchObject({
      code: 'forbidden',
    })
    expect((await call<SyncStatus>(studio, 'sync.status')).account).toBeNull()

    // No account is made for an address nobody signed up with, and no code is sent to it.
    expect(await refusal('sync.sendCode', { email: 'stranger@example.test' })).toMatchObject({ code: 'forbidden' })
    expect(inbox('stranger@example.test')).toEqual([])
    const users = await server.owner.query(`select 1 from auth.users where email = 'stranger@example.test'`)
    expect(users.rowCount).toBe(0)
    // A code is six digits, checked before anything is asked of the server.
    expect(await refusal('sync.verifyCode', { email: 'code-user@example.test', code: '12ab' })).toMatchObject({
      code: 'invalid_input',
    })
  })
})
