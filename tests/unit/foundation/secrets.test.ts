import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { requests } from '@shared/contract'
import { createLogger } from '@core/logger'
import type { Studio } from '@core/studio'
import { createTempStudio } from '../../helpers/temp-studio'

let studio: Studio | undefined
afterEach(async () => {
  await studio?.close()
  studio = undefined
})

const KEY = 'sk-test-abcdefghijklmnopqrstuvwxyz0123456789'
const recruiter = { audience: 'recruiter' as const }

describe('secrets', () => {
  it('can be set, cleared and checked from the renderer side but never read back', async () => {
    const lines: string[] = []
    let dataDir: string
    ;({ studio, dataDir } = await createTempStudio({ startWorkers: false }))
    expect(await studio.dispatch('secrets.set', { name: 'openai.apiKey', value: KEY }, recruiter)).toEqual({
      ok: true,
      value: { 'openai.apiKey': true, 'deepgram.apiKey': false },
    })
    // No request in the contract can return the value: every response is scanned for it.
    for (const name of Object.keys(requests)) {
      const result = await studio.dispatch(name, {}, recruiter)
      expect(JSON.stringify(result)).not.toContain(KEY)
      expect(JSON.stringify(result)).not.toContain(KEY.slice(3, 20))
    }
    // At rest it is encrypted.
    for (const file of fs.readdirSync(dataDir)) {
      const full = path.join(dataDir, file)
      if (fs.statSync(full).isFile()) expect(fs.readFileSync(full).toString('latin1')).not.toContain(KEY)
    }
    expect(await studio.dispatch('secrets.clear', { name: 'openai.apiKey' }, recruiter)).toMatchObject({
      ok: true,
      value: { 'openai.apiKey': false },
    })
    expect(await studio.dispatch('secrets.set', { name: 'aws.key', value: KEY }, recruiter)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })

    const logger = createLogger({ write: (line) => lines.push(line), knownSecrets: () => ['custom-secret-value'] })
    logger.info('calling provider', { key: KEY, header: 'Bearer abcdefghijklmnop', other: 'custom-secret-value' })
    expect(lines.join('\n')).not.toContain(KEY)
    expect(lines.join('\n')).not.toContain('abcdefghijklmnop')
    expect(lines.join('\n')).not.toContain('custom-secret-value')
  })

  it('persists preferences across restarts and falls back per field on a damaged file', async () => {
    let dataDir: string
    ;({ studio, dataDir } = await createTempStudio({ startWorkers: false }))
    await studio.dispatch('settings.update', { theme: 'dark', workerConcurrency: 3 }, recruiter)
    await studio.close()
    ;({ studio } = await createTempStudio({ dataDir, startWorkers: false }))
    expect(studio.preferences.get()).toMatchObject({ theme: 'dark', workerConcurrency: 3 })
    await studio.close()
    fs.writeFileSync(
      path.join(dataDir, 'preferences.json'),
      JSON.stringify({ theme: 'dark', workerConcurrency: 'lots' }),
    )
    ;({ studio } = await createTempStudio({ dataDir, startWorkers: false }))
    expect(studio.preferences.get()).toMatchObject({ theme: 'dark', workerConcurrency: 2 })
  })
})

describe('encrypted secret store', () => {
  it('does not report a key as set when encrypting it failed', async () => {
    const { createEncryptedSecretStore } = await import('@core/settings/encrypted-secret-store')
    const dir = (await import('../../helpers/temp-studio')).tempDir()
    const store = createEncryptedSecretStore(path.join(dir, 'secrets.json'), {
      encrypt: () => {
        throw new Error('keyring unavailable')
      },
      decrypt: () => '',
    })
    expect(() => store.set('openai.apiKey', KEY)).toThrow('keyring unavailable')
    expect(store.has('openai.apiKey')).toBe(false)
    expect(fs.existsSync(path.join(dir, 'secrets.json'))).toBe(false)
  })
})
