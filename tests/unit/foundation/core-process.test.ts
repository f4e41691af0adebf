import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { StudioError, type EventName } from '@shared/contract'
import { forkCore } from '@core/process/child-process'
import { startCore, type CoreClient, type CoreProcessHandle } from '@core/process/client'
import { hostCallHandlers, secretSnapshot } from '@core/process/host-side'
import type { CoreConfig } from '@core/process/protocol'
import { createEncryptedSecretStore, createKeyFileCipher, type Cipher } from '@core/settings/encrypted-secret-store'
import { createJsonPreferenceStore } from '@core/settings/json-preference-store'
import { silentLogger } from '@core/logger'
import { RESOURCES_DIR, tempDir } from '../../helpers/temp-studio'
import { budget } from '../../helpers/patience'

// The source entry under tsx, so these run without a build; the web host starts the built one.
const ENTRY = path.resolve(__dirname, '../../../electron/core/process/entry.ts')

interface Harness {
  core: CoreClient
  dataDir: string
  spawned: CoreProcessHandle[]
  events: { name: EventName; payload: unknown }[]
}

const open: CoreClient[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((core) => core.close()))
})

async function startTestCore(
  options: {
    dataDir?: string
    cipher?: Cipher
    config?: Partial<CoreConfig>
    restarts?: { max: number; windowMs: number }
  } = {},
): Promise<Harness> {
  const dataDir = options.dataDir ?? tempDir('panelist-core-')
  const secrets = createEncryptedSecretStore(
    path.join(dataDir, 'secrets.json'),
    options.cipher ?? createKeyFileCipher(path.join(dataDir, 'secrets.key')),
  )
  const preferenceStore = createJsonPreferenceStore(path.join(dataDir, 'preferences.json'))
  const spawned: CoreProcessHandle[] = []
  const core = await startCore({
    spawn: () => {
      const handle = forkCore(ENTRY, ['--import', 'tsx'])
      spawned.push(handle)
      return handle
    },
    config: () => ({
      dataDir,
      resourcesDir: RESOURCES_DIR,
      host: 'web',
      secrets: secretSnapshot(secrets),
      preferences: preferenceStore.read(),
      abilities: { openKiosk: false, chooseResumePaths: false, updates: false },
      ...options.config,
    }),
    calls: hostCallHandlers({ secrets, preferenceStore, exitKiosk: () => {} }),
    logger: silentLogger,
    restarts: options.restarts,
  })
  open.push(core)
  const events: Harness['events'] = []
  core.events.subscribe((name, payload) => events.push({ name, payload }))
  return { core, dataDir, spawned, events }
}

const recruiter = { audience: 'recruiter' as const }

async function until<T>(read: () => T | undefined | Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + budget(20_000)
  for (;;) {
    const value = await read()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

const exitOf = (handle: CoreProcessHandle) => new Promise<number | null>((resolve) => handle.onExit(resolve))

describe('the core in its own process', () => {
  it('answers requests through the protocol, and writes secrets and preferences through the host', async () => {
    const { core, dataDir } = await startTestCore()
    expect(core.info().host).toBe('web')

    const info = await core.dispatch('app.info', {}, recruiter)
    expect(info).toMatchObject({ ok: true, value: { dataDir } })
    expect(await core.dispatch('no.such.request', {}, recruiter)).toMatchObject({
      ok: false,
      error: { code: 'unknown_request' },
    })
    expect(await core.dispatch('settings.get', {}, { audience: 'kiosk' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })

    expect(await core.dispatch('settings.update', { theme: 'dark' }, recruiter)).toMatchObject({ ok: true })
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'preferences.json'), 'utf8'))).toMatchObject({ theme: 'dark' })

    const status = await core.dispatch('secrets.set', { name: 'openai.apiKey', value: 'sk-test-0123456789' }, recruiter)
    expect(status).toMatchObject({ ok: true, value: { 'openai.apiKey': true } })
    const stored = createEncryptedSecretStore(
      path.join(dataDir, 'secrets.json'),
      createKeyFileCipher(path.join(dataDir, 'secrets.key')),
    )
    expect(stored.get('openai.apiKey')).toBe('sk-test-0123456789')
  })

  it('passes a refusal from the host back as the request’s error, and reports the secret as not set', async () => {
    const refusing: Cipher = {
      encrypt: () => {
        throw new StudioError('unavailable', 'No keyring here.')
      },
      decrypt: () => '',
    }
    const { core } = await startTestCore({ cipher: refusing })
    const result = await core.dispatch('secrets.set', { name: 'openai.apiKey', value: 'sk-test-0123456789' }, recruiter)
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable', message: 'No keyring here.' } })
    expect(await core.dispatch('secrets.status', {}, recruiter)).toMatchObject({
      ok: true,
      value: { 'openai.apiKey': false },
    })
  })

  it('restarts a core that died, fails the request it was doing, tells the windows, and keeps the data', async () => {
    const { core, spawned, events } = await startTestCore()
    expect(await core.dispatch('settings.update', { theme: 'light' }, recruiter)).toMatchObject({ ok: true })
    const first = spawned[0]!
    const died = exitOf(first)
    // A stopped process cannot answer, so the request below is certainly in flight when it dies.
    if (process.platform !== 'win32') process.kill(first.pid!, 'SIGSTOP')
    const inFlight = core.dispatch('app.info', {}, recruiter)
    first.kill()
    await died
    expect(await inFlight).toMatchObject({ ok: false, error: { code: 'unavailable' } })

    await until(() => events.find((e) => e.name === 'app.coreRestarted'), 'the restart event')
    expect(events.find((e) => e.name === 'app.coreRestarted')?.payload).toMatchObject({ restarted: true })
    expect(spawned).toHaveLength(2)
    expect(await core.dispatch('settings.get', {}, recruiter)).toMatchObject({ ok: true, value: { theme: 'light' } })
  })

  it('leaves a core that keeps dying down, and says so instead of hanging', async () => {
    const { core, spawned, events } = await startTestCore({ restarts: { max: 1, windowMs: 60_000 } })
    for (let crash = 0; crash < 2; crash++) {
      const handle = spawned[crash]!
      const died = exitOf(handle)
      handle.kill()
      await died
      if (crash === 0) await until(() => (spawned.length === 2 ? true : undefined), 'the restart')
      if (crash === 0) await core.dispatch('app.info', {}, recruiter)
    }
    await until(
      () => events.find((e) => e.name === 'app.coreRestarted' && !(e.payload as { restarted: boolean }).restarted),
      'the down event',
    )
    expect(spawned).toHaveLength(2)
    expect(await core.dispatch('app.info', {}, recruiter)).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringContaining('Restart Panelist') },
    })
  })

  it('drains the queue when asked to stop: a running job gives its lease back, and the next start finishes it', async () => {
    const { core, dataDir, events } = await startTestCore()
    const enqueued = await core.dispatch('queue.enqueueDemo', { steps: 30, stepMs: 1000 }, recruiter)
    expect(enqueued).toMatchObject({ ok: true })
    const id = (enqueued as { value: { id: string } }).value.id
    await until(
      () =>
        events.find(
          (e) =>
            e.name === 'queue.job' &&
            (e.payload as { id: string; status: string }).status === 'running' &&
            (e.payload as { id: string }).id === id,
        ),
      'the job to run',
    )

    await core.close()
    const db = new BetterSqlite3(path.join(dataDir, 'panelist.sqlite'), { readonly: true })
    const row = db.prepare('SELECT status, attempts, lease_owner FROM jobs WHERE id = ?').get(id)
    db.close()
    expect(row).toEqual({ status: 'queued', attempts: 0, lease_owner: null })
    expect(fs.existsSync(path.join(dataDir, 'panelist.sqlite.in-use'))).toBe(false)

    const again = await startTestCore({ dataDir })
    await until(async () => {
      const result = await again.core.dispatch('queue.list', {}, recruiter)
      const job = result.ok
        ? (result.value as { id: string; status: string; attempts: number }[]).find((j) => j.id === id)
        : undefined
      return job && job.status === 'running' ? job : undefined
    }, 'the job to run again')
  })

  it('refuses to start with a clear error when the core cannot open its studio', async () => {
    await expect(startTestCore({ config: { resourcesDir: path.join(tempDir(), 'missing') } })).rejects.toThrow(
      /did not start/,
    )
  })
})
