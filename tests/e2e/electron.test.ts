import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { _electron, type ElectronApplication, type Page } from 'playwright-core'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/temp-studio'

/**
 * The desktop app itself, driven through Playwright's Electron support: the built main process
 * (out/main/index.js) with its real windows, preload, app scheme, CSP and electron-store. It needs
 * the Electron binary, which machines installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 do not have.
 */
const root = path.resolve(__dirname, '../..')
const MAIN_ENTRY = path.join(root, 'out/main/index.js')
/**
 * The app runs from a staged copy whose better-sqlite3 is compiled for Electron: the project's own
 * copy stays built for Node, which every other suite in the same run needs.
 */
const STAGE = path.join(root, 'node_modules/.cache/panelist-electron-app')

function electronBinary(): string | null {
  try {
    const binary: unknown = createRequire(path.join(root, 'package.json'))('electron')
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null
  } catch {
    return null
  }
}

const binary = electronBinary()
if (!binary) console.log('skipped: no Electron binary on this machine')

let running: ElectronApplication | null = null

beforeAll(() => {
  if (!binary) return
  if (!fs.existsSync(MAIN_ENTRY)) throw new Error(`${MAIN_ENTRY} is missing: run \`npm run build\` first`)
  const staged = spawnSync(process.execPath, [path.join(root, 'scripts/native-abi.mjs'), 'electron-app', STAGE], {
    cwd: root,
    encoding: 'utf8',
  })
  if (staged.status !== 0) throw new Error(`staging the app for Electron failed:\n${staged.stdout}\n${staged.stderr}`)
}, 600_000)

afterEach(async () => {
  await running?.close()
  running = null
})

async function launch(dataDir: string): Promise<{ app: ElectronApplication; page: Page }> {
  const env = { ...process.env, PANELIST_DATA_DIR: dataDir } as Record<string, string>
  // The built renderer, never a dev server a developer may have left in the environment.
  delete env.ELECTRON_RENDERER_URL
  // Chromium refuses to start as root with its OS sandbox; pages stay sandboxed by Electron.
  const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : []
  const app = await _electron.launch({ executablePath: binary!, args: [...rootArgs, STAGE], env, cwd: STAGE })
  running = app
  const page = await app.firstWindow()
  await page.getByRole('navigation', { name: 'Areas' }).waitFor()
  return { app, page }
}

describe('Panelist desktop app', () => {
  it.skipIf(!binary)(
    'changes the theme, runs a demo job from the Queue area, and keeps the setting after a relaunch [needs electron]',
    async () => {
      const dataDir = tempDir('panelist-electron-')
      let { app, page } = await launch(dataDir)

      for (const area of ['Jobs', 'Candidates', 'Interviews', 'Queue', 'Settings']) {
        await expect(page.getByRole('link', { name: area }).count()).resolves.toBe(1)
      }

      // The page sees the bridge and nothing of Node or Electron.
      await expect(
        page.evaluate(() => ({
          require: typeof (window as unknown as { require?: unknown }).require,
          process: typeof (window as unknown as { process?: unknown }).process,
          studio: Object.keys((window as unknown as { studio: object }).studio).sort(),
        })),
      ).resolves.toEqual({ require: 'undefined', process: 'undefined', studio: ['invoke', 'on'] })

      // The Content-Security-Policy holds in the real app: an injected inline script does not run.
      await page.evaluate(() => {
        const script = document.createElement('script')
        script.textContent = 'window.injected = true'
        document.head.append(script)
      })
      await expect(page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).resolves.toBeUndefined()

      // window.open is refused and no second window appears.
      await expect(page.evaluate(() => window.open('https://example.com/') === null)).resolves.toBe(true)
      expect(app.windows()).toHaveLength(1)

      await page.getByRole('link', { name: 'Settings' }).click()
      await page.getByLabel('Theme').selectOption('dark')
      await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark')

      await page.getByRole('link', { name: 'Queue' }).click()
      await page.getByRole('button', { name: 'Run demo job' }).click()
      await page
        .getByRole('main')
        .getByRole('row')
        .filter({ hasText: 'succeeded' })
        .first()
        .waitFor({ timeout: 30_000 })

      await app.close()
      running = null
      ;({ app, page } = await launch(dataDir))
      await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark')
      await page.getByRole('link', { name: 'Settings' }).click()
      await expect(page.getByLabel('Theme').inputValue()).resolves.toBe('dark')
      await page.getByRole('link', { name: 'Queue' }).click()
      await page.getByRole('main').getByRole('row').filter({ hasText: 'succeeded' }).first().waitFor()
    },
  )
})
