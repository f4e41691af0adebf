import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { ElectronApplication } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { launchElectron, packagedApp, rootArgs } from '../helpers/electron-app'
import { budget } from '../helpers/patience'
import { tempDir } from '../helpers/temp-studio'

/**
 * The installer's app as users get it (`npm run dist` first): its fuses and the packaged build's
 * missing devtools. The asar integrity check is Electron's on macOS and Windows only.
 */
const packaged = packagedApp()
if (!packaged) console.log('skipped: no packaged app (run npm run dist on a machine with the Electron binary)')
const integrityChecked = packaged !== null && process.platform !== 'linux'

let running: ElectronApplication | null = null
afterEach(async () => {
  await running?.close()
  running = null
})

/** A copy of the packaged app to change, so the built one stays as it was. */
function copyOfApp(): string {
  const dir = path.join(tempDir('panelist-packaged-'), path.basename(packaged!.dir))
  fs.cpSync(packaged!.dir, dir, { recursive: true, verbatimSymlinks: true })
  return dir
}

/** How the app process ended on its own, or 'still running' after the budget (then it is killed). */
function exitOf(executable: string, dataDir: string): Promise<number | string> {
  const child = spawn(executable, rootArgs(), { env: { ...process.env, PANELIST_DATA_DIR: dataDir }, stdio: 'ignore' })
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      resolve('still running')
    }, budget(20_000))
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      resolve(code ?? signal ?? 'unknown')
    })
  })
}

describe('the packaged app', () => {
  it.skipIf(!integrityChecked)(
    'refuses to start from a tampered app.asar, and ignores an app folder put beside it (§7 E09) [needs a packaged app on macOS or Windows]',
    async () => {
      const tampered = copyOfApp()
      const asar = path.join(tampered, packaged!.asar)
      const bytes = fs.readFileSync(asar)
      bytes[Math.floor(bytes.length / 2)]! ^= 0xff
      fs.writeFileSync(asar, bytes)
      const exit = await exitOf(path.join(tampered, packaged!.executable), tempDir('panelist-e09-data-'))
      expect(exit).not.toBe(0)
      expect(exit).not.toBe('still running')

      const planted = copyOfApp()
      const marker = path.join(tempDir('panelist-e09-marker-'), 'planted-ran')
      const appDir = path.join(path.dirname(path.join(planted, packaged!.asar)), 'app')
      fs.mkdirSync(appDir)
      fs.writeFileSync(path.join(appDir, 'package.json'), JSON.stringify({ name: 'planted', main: 'main.js' }))
      fs.writeFileSync(path.join(appDir, 'main.js'), `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`)
      const { app } = await launchElectron(tempDir('panelist-e09-data-'), path.join(planted, packaged!.executable))
      running = app
      expect(fs.existsSync(marker)).toBe(false)
    },
  )

  it.skipIf(!packaged)(
    'opens no devtools and does not reload on F12, Ctrl/Cmd+Shift+I or Ctrl/Cmd+R (§7 E12) [needs a packaged app]',
    async () => {
      const { app, page } = await launchElectron(
        tempDir('panelist-e12-data-'),
        path.join(packaged!.dir, packaged!.executable),
      )
      running = app
      await page.evaluate(() => ((window as unknown as { kept: boolean }).kept = true))
      const mod = process.platform === 'darwin' ? 'Meta' : 'Control'
      for (const keys of ['F12', `${mod}+Shift+I`, `${mod}+R`, 'F5']) await page.keyboard.press(keys)
      // A reload would have cleared the page's own variable; devtools would show on the window.
      await page.getByRole('navigation', { name: 'Areas' }).waitFor()
      expect(await page.evaluate(() => (window as unknown as { kept?: boolean }).kept)).toBe(true)
      const devtools = await app.evaluate(({ BrowserWindow }) =>
        BrowserWindow.getAllWindows().some((win) => win.webContents.isDevToolsOpened()),
      )
      expect(devtools).toBe(false)
    },
  )
})
