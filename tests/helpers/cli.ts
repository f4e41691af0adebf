import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { tempDir } from './temp-studio'

const ROOT = path.resolve(__dirname, '../..')
const BUILT = path.join(ROOT, 'out', 'main', 'cli.js')
const SOURCE = path.join(ROOT, 'electron', 'cli', 'cli.ts')
/** What the built command line is made from: a newer file here means the build is stale. */
const INPUTS = ['electron', 'shared', 'resources', 'electron.vite.config.ts', 'package-lock.json']

function newestChange(entry: string): number {
  const stat = fs.statSync(entry)
  if (!stat.isDirectory()) return stat.mtimeMs
  return fs
    .readdirSync(entry)
    .reduce((newest, name) => Math.max(newest, newestChange(path.join(entry, name))), stat.mtimeMs)
}

let command: string[] | undefined

/**
 * How tests run `panelist`: the build `npm test` makes before the suites (what bin/panelist.cjs
 * runs, about half the start-up of the source through tsx), or the source when there is no build or
 * a source file is newer than it (a test file run alone after an edit).
 */
export function cliCommand(): string[] {
  if (!command) {
    const built = fs.existsSync(BUILT) ? fs.statSync(BUILT).mtimeMs : 0
    const fresh = built > 0 && INPUTS.every((input) => newestChange(path.join(ROOT, input)) < built)
    command = fresh ? [BUILT] : ['--import', 'tsx', SOURCE]
  }
  return command
}

// The built reader keeps its code cache, and the command its remembered taxonomy validation, here
// rather than in the user's own cache folder.
let cacheDir: string | undefined

/** The cache folder runCli gives the command (PANELIST_CACHE_DIR). */
export function cliCacheDir(): string {
  cacheDir ??= tempDir('panelist-cli-cache-')
  return cacheDir
}

/** `closeStdout`: the reader of the output goes away at once, as `panelist screen … | head` does. */
export function runCli(
  args: string[],
  { closeStdout = false } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [...cliCommand(), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PANELIST_CACHE_DIR: cliCacheDir() },
  })
  let stdout = ''
  let stderr = ''
  // Decoded as a stream: a character of several bytes may be split between two chunks.
  child.stdout.setEncoding('utf8')
  child.stderr.setEncoding('utf8')
  if (closeStdout) child.stdout.destroy()
  else child.stdout.on('data', (d: string) => (stdout += d))
  child.stderr.on('data', (d: string) => (stderr += d))
  // 'close', not 'exit': the process may end before everything it wrote has been read.
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })))
}
