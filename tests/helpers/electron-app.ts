import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { _electron, type ElectronApplication, type Page } from 'playwright-core'

/**
 * The desktop app driven through Playwright's Electron support: the built main process
 * (out/main/index.js) with its real windows, preload, app scheme, CSP and electron-store, or an
 * installer's unpacked app. Both need the Electron binary, which machines installed with
 * ELECTRON_SKIP_BINARY_DOWNLOAD=1 do not have; their tests say `[needs electron]` and skip.
 */
const root = path.resolve(__dirname, '../..')
const MAIN_ENTRY = path.join(root, 'out/main/index.js')
/**
 * The app runs from a staged copy whose better-sqlite3 is compiled for Electron: the project's own
 * copy stays built for Node, which every other suite in the same run needs.
 */
const STAGE = path.join(root, 'node_modules/.cache/panelist-electron-app')

export function electronBinary(): string | null {
  try {
    const binary: unknown = createRequire(path.join(root, 'package.json'))('electron')
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null
  } catch {
    return null
  }
}

export function stageForElectron(): void {
  if (!fs.existsSync(MAIN_ENTRY)) throw new Error(`${MAIN_ENTRY} is missing: run \`npm run build\` first`)
  const staged = spawnSync(process.execPath, [path.join(root, 'scripts/native-abi.mjs'), 'electron-app', STAGE], {
    cwd: root,
    encoding: 'utf8',
  })
  if (staged.status !== 0) throw new Error(`staging the app for Electron failed:\n${staged.stdout}\n${staged.stderr}`)
}

/** An installer's unpacked app from `npm run dist` (release/<version>/), or null when none was built. */
export interface PackagedApp {
  /** The folder to copy when a test changes the app. */
  dir: string
  /** The executable, relative to `dir`. */
  executable: string
  /** app.asar, relative to `dir`. */
  asar: string
}

export function packagedApp(): PackagedApp | null {
  const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version
  const release = path.join(root, 'release', version)
  const candidates: PackagedApp[] = [
    { dir: path.join(release, 'linux-unpacked'), executable: 'panelist', asar: 'resources/app.asar' },
    { dir: path.join(release, 'win-unpacked'), executable: 'Panelist.exe', asar: 'resources/app.asar' },
    ...['mac', 'mac-arm64', 'mac-universal'].map((folder) => ({
      dir: path.join(release, folder, 'Panelist.app'),
      executable: 'Contents/MacOS/Panelist',
      asar: 'Contents/Resources/app.asar',
    })),
  ]
  return candidates.find((app) => fs.existsSync(path.join(app.dir, app.executable))) ?? null
}

// Chromium refuses to start as root with its OS sandbox; pages stay sandboxed by Electron.
export const rootArgs = (): string[] => (process.getuid?.() === 0 ? ['--no-sandbox'] : [])

function appEnv(dataDir: string): Record<string, string> {
  const env = { ...process.env, PANELIST_DATA_DIR: dataDir } as Record<string, string>
  // The built renderer, never a dev server a developer may have left in the environment.
  delete env.ELECTRON_RENDERER_URL
  return env
}

/** Starts the staged app (or the given executable) on a data folder and waits for the recruiter window. */
export async function launchElectron(
  dataDir: string,
  executable?: string,
): Promise<{ app: ElectronApplication; page: Page }> {
  const app = executable
    ? await _electron.launch({ executablePath: executable, args: rootArgs(), env: appEnv(dataDir) })
    : await _electron.launch({
        executablePath: electronBinary()!,
        args: [...rootArgs(), STAGE],
        env: appEnv(dataDir),
        cwd: STAGE,
      })
  const page = await app.firstWindow()
  await page.getByRole('navigation', { name: 'Areas' }).waitFor()
  return { app, page }
}
