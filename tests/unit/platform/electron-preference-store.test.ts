import fs from 'node:fs'
import path from 'node:path'
import Conf from 'conf'
import { describe, expect, it } from 'vitest'
import type { Logger } from '@core/logger'
import { createElectronPreferenceStore, type OpenDocumentStore } from '@main/platform/electron-preference-store'
import { createPreferences } from '@core/settings/preferences'
import { tempDir } from '../../helpers/temp-studio'

/**
 * The adapter on conf, the engine electron-store extends and delegates every read and write to,
 * configured as main configures electron-store (the Electron-only part of electron-store, finding
 * the user-data folder, is bypassed by giving the folder). Files are real, in a temp folder.
 */
const openConf: OpenDocumentStore = ({ name, cwd }) =>
  new Conf<Record<string, unknown>>({ configName: name, cwd, clearInvalidConfig: false })

function recordingLogger() {
  const warnings: string[] = []
  const logger: Logger = { debug() {}, info() {}, error() {}, warn: (message) => warnings.push(message) }
  return { logger, warnings }
}

describe('preferences in electron-store', () => {
  it('keeps preferences in the data folder across reopenings', async () => {
    const dataDir = tempDir('panelist-prefs-')
    const { logger } = recordingLogger()
    const first = createPreferences(createElectronPreferenceStore(dataDir, logger, openConf))
    expect(first.get().theme).toBe('system')
    await first.update({ theme: 'dark', updateChannel: 'beta' })

    const file = path.join(dataDir, 'preferences.json')
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ theme: 'dark', updateChannel: 'beta' })
    const again = createPreferences(createElectronPreferenceStore(dataDir, logger, openConf))
    expect(again.get()).toMatchObject({ theme: 'dark', updateChannel: 'beta', workerConcurrency: 2 })
  })

  it('moves a file that is not JSON aside, keeps it, and starts from defaults', async () => {
    const dataDir = tempDir('panelist-prefs-')
    const file = path.join(dataDir, 'preferences.json')
    fs.writeFileSync(file, '{"theme": "dark", oops')
    const { logger, warnings } = recordingLogger()

    const preferences = createPreferences(createElectronPreferenceStore(dataDir, logger, openConf))
    expect(preferences.get().theme).toBe('system')
    const aside = fs.readdirSync(dataDir).filter((name) => name.startsWith('preferences.json.corrupt-'))
    expect(aside).toHaveLength(1)
    expect(fs.readFileSync(path.join(dataDir, aside[0]!), 'utf8')).toBe('{"theme": "dark", oops')
    expect(warnings).toEqual(['preferences file was not valid JSON; moved aside and started fresh'])

    await preferences.update({ theme: 'light' })
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ theme: 'light' })
  })

  it('falls back field by field when a value was hand-edited out of range', () => {
    const dataDir = tempDir('panelist-prefs-')
    fs.writeFileSync(path.join(dataDir, 'preferences.json'), JSON.stringify({ theme: 'neon', workerConcurrency: 4 }))
    const preferences = createPreferences(createElectronPreferenceStore(dataDir, recordingLogger().logger, openConf))
    expect(preferences.get()).toMatchObject({ theme: 'system', workerConcurrency: 4 })
  })
})
