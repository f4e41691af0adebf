/**
 * Whether out/ still matches its sources. After a successful `electron-vite build`, a stamp in out/
 * records when that build started; the build is current while no file or folder it is built from
 * (electron/, renderer/, shared/, the vite config, package-lock.json) has changed since. Folders
 * count too: deleting or renaming a file changes only its folder's mtime.
 */
import fs from 'node:fs'
import path from 'node:path'

/** What `electron-vite build` reads, relative to the project root. */
export const BUILD_INPUTS = ['electron', 'renderer', 'shared', 'electron.vite.config.ts', 'package-lock.json']

/** Files the web host needs from a build; a stamp without them does not count. */
const BUILD_OUTPUTS = ['out/main/web-host.js', 'out/main/core.js', 'out/renderer/index.html']

const STAMP = 'out/.panelist-build.json'

/** The newest mtime (ms) among the given files and folders, walked recursively; 0 when none exist. */
export function newestMtime(root, inputs = BUILD_INPUTS) {
  let newest = 0
  const visit = (target) => {
    const stat = fs.statSync(target, { throwIfNoEntry: false })
    if (!stat) return
    newest = Math.max(newest, stat.mtimeMs)
    if (!stat.isDirectory()) return
    for (const entry of fs.readdirSync(target)) visit(path.join(target, entry))
  }
  for (const input of inputs) visit(path.join(root, input))
  return newest
}

/** When the last successful build started (ms), or null when there is no readable stamp. */
export function readStamp(root) {
  try {
    const { startedAt } = JSON.parse(fs.readFileSync(path.join(root, STAMP), 'utf8'))
    return typeof startedAt === 'number' ? startedAt : null
  } catch {
    return null
  }
}

/** Records a successful build that started at `startedAt` (ms, taken before the build read anything). */
export function writeStamp(root, startedAt) {
  fs.writeFileSync(path.join(root, STAMP), JSON.stringify({ startedAt }) + '\n')
}

/** Null when out/ can be reused, otherwise why it cannot (for the one line said before building). */
export function staleReason(root) {
  const startedAt = readStamp(root)
  if (startedAt === null) return 'no finished build found'
  if (BUILD_OUTPUTS.some((file) => !fs.existsSync(path.join(root, file)))) return 'the last build is incomplete'
  if (newestMtime(root) >= startedAt) return 'sources changed since the last build'
  return null
}
