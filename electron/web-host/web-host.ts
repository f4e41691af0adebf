import os from 'node:os'
import path from 'node:path'
import { aiOptionsFromEnv } from '../core/ai/env'
import { createPrivately } from '../core/data-folder/private-modes'
import { describeStartupFailure } from '../core/data-folder/storage-full'
import { createLogger } from '../core/logger'
import { forkCore } from '../core/process/child-process'
import { CoreStartFailed, startCore } from '../core/process/client'
import { hostCallHandlers, secretSnapshot } from '../core/process/host-side'
import { createEncryptedSecretStore, createKeyFileCipher } from '../core/settings/encrypted-secret-store'
import { createJsonPreferenceStore } from '../core/settings/json-preference-store'
import { workspaceProjectFromEnv } from '../core/sync/project-env'
import { startWebServer } from './web-server'

/**
 * The web host: the real core in its own Node process (out/main/core.js, the same protocol
 * Electron's utilityProcess speaks), and this process serving the built renderer to a browser on
 * 127.0.0.1 and relaying its requests. Used for development without Electron and by the browser
 * end-to-end tests.
 * Environment: PANELIST_DATA_DIR (default ~/.panelist), PANELIST_PORT and PANELIST_KIOSK_PORT (the
 * recruiter's and the kiosk's ports, each its own origin; default 0: any free port),
 * PANELIST_RENDERER_DIR (default: the built renderer beside this file), PANELIST_RESOURCES_DIR
 * (default: the repository's resources/ folder, two levels above out/main/), and the AI overrides
 * read by aiOptionsFromEnv (PANELIST_OPENAI_BASE_URL, PANELIST_DEEPGRAM_BASE_URL, PANELIST_AI_KEYLESS).
 */
const dataDir = path.resolve(process.env.PANELIST_DATA_DIR ?? path.join(os.homedir(), '.panelist'))

async function main() {
  createPrivately()
  const secrets = createEncryptedSecretStore(
    path.join(dataDir, 'secrets.json'),
    createKeyFileCipher(path.join(dataDir, 'secrets.key')),
  )
  const preferenceStore = createJsonPreferenceStore(path.join(dataDir, 'preferences.json'))
  const logger = createLogger({ knownSecrets: () => secrets.values() })
  const ai = aiOptionsFromEnv(process.env)
  let kioskUrl: string | null = null
  const core = await startCore({
    spawn: () => forkCore(path.join(__dirname, 'core.js')),
    config: () => ({
      dataDir,
      resourcesDir: process.env.PANELIST_RESOURCES_DIR ?? path.join(__dirname, '../../resources'),
      host: 'web',
      version: process.env.npm_package_version,
      ai,
      sync: workspaceProjectFromEnv(process.env),
      secrets: secretSnapshot(secrets),
      preferences: preferenceStore.read(),
      abilities: { openKiosk: true, chooseResumePaths: false, savePdf: false, updates: false },
    }),
    calls: hostCallHandlers({
      secrets,
      preferenceStore,
      exitKiosk: () => logger.info('kiosk exit verified'),
      // The kiosk page's address is known once the server listens, before any request can arrive.
      openKiosk: async () => ({ url: kioskUrl }),
    }),
    logger,
  })
  const server = await startWebServer({
    studio: core,
    logger,
    rendererDir: process.env.PANELIST_RENDERER_DIR ?? path.join(__dirname, '../renderer'),
    port: Number(process.env.PANELIST_PORT ?? 0),
    kioskPort: Number(process.env.PANELIST_KIOSK_PORT ?? 0),
  })
  kioskUrl = server.kioskUrl
  for (const notice of core.info().notices) logger.warn(notice)
  process.stdout.write(JSON.stringify({ ready: true, url: server.url, kioskUrl: server.kioskUrl, dataDir }) + '\n')

  let closing = false
  const shutdown = async () => {
    if (closing) return
    closing = true
    await server.close()
    await core.close()
    process.exit(0)
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

main().catch((error: unknown) => {
  // The core has logged its own stack; its reason is what the person starting the host needs.
  const why = error instanceof CoreStartFailed ? error.reason : describeStartupFailure(error, dataDir)
  process.stderr.write(`Panelist web host failed to start: ${why}\n`)
  process.exit(1)
})
