import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { budget } from './patience'
import type { Studio } from '@core/studio'
import { createTempStudio, tempDir } from './temp-studio'

export const WEB_HOST_ENTRY = path.resolve(__dirname, '../../out/main/web-host.js')

export interface RunningHost {
  url: string
  kioskUrl: string
  dataDir: string
  process: ChildProcess
  /** Everything the host wrote to stderr, for failure messages. */
  log(): string
  stop(signal?: NodeJS.Signals): Promise<void>
}

/**
 * Starts the built web host (`out/main/web-host.js`) as its own process on a data folder, so a test
 * can stop it (gracefully or with SIGKILL) and start it again on the same data.
 */
export async function startWebHost(dataDir: string, env: Record<string, string> = {}): Promise<RunningHost> {
  if (!fs.existsSync(WEB_HOST_ENTRY)) throw new Error(`${WEB_HOST_ENTRY} is missing: run \`npm run build\` first`)
  const child = spawn(process.execPath, [WEB_HOST_ENTRY], {
    env: { ...process.env, PANELIST_DATA_DIR: dataDir, PANELIST_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr!.on('data', (d) => (stderr += d))
  const ready = await new Promise<{ url: string; kioskUrl: string }>((resolve, reject) => {
    let stdout = ''
    const timer = setTimeout(() => reject(new Error(`web host did not start: ${stderr}`)), budget(30_000))
    child.stdout!.on('data', (d) => {
      stdout += d
      const line = stdout.split('\n').find((l) => l.includes('"ready":true'))
      if (line) {
        clearTimeout(timer)
        resolve(JSON.parse(line))
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`web host exited with ${code}: ${stderr}`))
    })
  })
  return {
    ...ready,
    dataDir,
    process: child,
    log: () => stderr,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill(signal)
      await exited
    },
  }
}

/**
 * A data folder filled in-process by `seed` (on a studio closed before the host opens it), then
 * served by the built web host: the start of every browser test that needs stored data.
 */
export async function seededWebHost<T>(
  prefix: string,
  seed: (studio: Studio) => Promise<T>,
): Promise<{ host: RunningHost; seeded: T }> {
  const dataDir = tempDir(prefix)
  const { studio } = await createTempStudio({ dataDir, startWorkers: false })
  let seeded: T
  try {
    seeded = await seed(studio)
  } finally {
    await studio.close()
  }
  return { host: await startWebHost(dataDir), seeded }
}
