import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { silentLogger } from '@core/logger'
import { createEncryptedSecretStore, createKeyFileCipher } from '@core/settings/encrypted-secret-store'
import { createJsonPreferenceStore } from '@core/settings/json-preference-store'
import { createStudio, type Studio, type StudioOptions } from '@core/studio'

export const RESOURCES_DIR = path.resolve(__dirname, '../../resources')

export function tempDir(prefix = 'panelist-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

/**
 * The desktop's open dialog as a test drives it: `pick` answers the next `intake.choosePaths` with
 * the given paths (folders and files each in their own dialog, as a user would pick them), so a
 * test imports by path the only way a window can — what the user chose.
 */
function scriptedDialog() {
  let next: string[] = []
  return {
    choose: async () => next.splice(0),
    async pick(studio: Studio, paths: readonly string[]) {
      const folders = paths.filter((p) => fs.statSync(p, { throwIfNoEntry: false })?.isDirectory())
      const files = paths.filter((p) => !folders.includes(p))
      for (const [kind, chosen] of [
        ['folder', folders],
        ['files', files],
      ] as const) {
        if (!chosen.length) continue
        next = [...chosen]
        const result = await studio.dispatch('intake.choosePaths', { kind }, { audience: 'recruiter' })
        if (!result.ok) throw new Error(`intake.choosePaths: ${result.error.message}`)
      }
    },
  }
}

/** A studio on a real SQLite file in a fresh temp folder, as the web host builds it. */
export async function createTempStudio(overrides: Partial<StudioOptions> = {}) {
  const dataDir = overrides.dataDir ?? tempDir()
  const dialog = scriptedDialog()
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
    chooseResumePaths: dialog.choose,
    ...overrides,
    dataDir,
  })
  return { studio, dataDir, pick: (paths: readonly string[]) => dialog.pick(studio, paths) }
}
