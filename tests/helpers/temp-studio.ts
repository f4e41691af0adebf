import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { silentLogger } from '@core/logger'
import { createEncryptedSecretStore, createKeyFileCipher } from '@core/settings/encrypted-secret-store'
import { createJsonPreferenceStore } from '@core/settings/json-preference-store'
import { createStudio, type StudioOptions } from '@core/studio'

export const RESOURCES_DIR = path.resolve(__dirname, '../../resources')

export function tempDir(prefix = 'panelist-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

/** A studio on a real SQLite file in a fresh temp folder, as the web host builds it. */
export async function createTempStudio(overrides: Partial<StudioOptions> = {}) {
  const dataDir = overrides.dataDir ?? tempDir()
  const studio = await createStudio({
    resourcesDir: RESOURCES_DIR,
    host: 'web',
    secrets: createEncryptedSecretStore(
      path.join(dataDir, 'secrets.json'),
      createKeyFileCipher(path.join(dataDir, 'secrets.key')),
    ),
    preferenceStore: createJsonPreferenceStore(path.join(dataDir, 'preferences.json')),
    logger: silentLogger,
    queueOptions: { pollMs: 20, backoff: { baseMs: 10, capMs: 50 } },
    ...overrides,
    dataDir,
  })
  return { studio, dataDir }
}
