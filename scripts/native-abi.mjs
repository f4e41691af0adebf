#!/usr/bin/env node
/**
 * `node scripts/native-abi.mjs node|electron|electron-app <dir>`
 *
 * better-sqlite3 is a native module compiled for one runtime ABI: Node's for the tests and the web
 * host, Electron's for the app. `node` and `electron` make the installed binary match the runtime
 * about to start. Each loads the module in that runtime first and rebuilds only when loading fails
 * with an ABI (or missing-binary) error, so when nothing needs doing it costs one short child process.
 *
 * `electron-app <dir>` leaves the project's own binary alone and stages the built app in <dir> with
 * a private better-sqlite3 compiled for Electron, so the Electron end-to-end spec can run in the
 * same test run as the suites that need the Node build.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const requireFromRoot = createRequire(path.join(root, 'package.json'))
const PROBE = "require('better-sqlite3')(':memory:').close()"
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx'
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm'

/** Errors that a rebuild for the target runtime cures; anything else is reported as it is. */
export function isAbiMismatch(message) {
  return /NODE_MODULE_VERSION|compiled against a different Node\.js version|ERR_DLOPEN_FAILED|invalid ELF header|wrong ELF class|Module did not self-register|Could not locate the bindings file|not a valid Win32 application/i.test(
    message,
  )
}

/** Loads better-sqlite3 (as resolved from cwd) in the given runtime and opens an in-memory database. */
function probe(executable, env = process.env, cwd = root) {
  const result = spawnSync(executable, ['-e', PROBE], { cwd, env, encoding: 'utf8' })
  if (result.error) return { ok: false, message: result.error.message }
  return { ok: result.status === 0, message: `${result.stderr ?? ''}`.trim() }
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' })
  return result.status === 0
}

function fail(message) {
  process.stderr.write(`native-abi: ${message}\n`)
  process.exit(1)
}

function ensure(label, runProbe, rebuild) {
  const first = runProbe()
  if (first.ok) return
  if (!isAbiMismatch(first.message)) fail(`better-sqlite3 does not load in ${label}:\n${first.message}`)
  process.stdout.write(`native-abi: better-sqlite3 was built for another runtime; rebuilding it for ${label}…\n`)
  if (!rebuild()) fail(`rebuilding better-sqlite3 for ${label} failed (see above).`)
  const second = runProbe()
  if (!second.ok) fail(`better-sqlite3 still does not load in ${label} after the rebuild:\n${second.message}`)
  process.stdout.write(`native-abi: better-sqlite3 now loads in ${label}.\n`)
}

function linkOnce(target, at) {
  if (fs.lstatSync(at, { throwIfNoEntry: false })) return
  fs.symlinkSync(target, at, 'junction')
}

/**
 * Stages the built app in stageDir: out/ and package.json copied (so modules resolve from the
 * stage, not the project), resources and every package but better-sqlite3 linked, and a copy of
 * better-sqlite3 without its compiled binary, ready to be built for another runtime. A copy that
 * is already of the installed version is kept with whatever it was built for.
 */
export function stageApp(stageDir, projectRoot = root) {
  fs.mkdirSync(stageDir, { recursive: true })
  fs.rmSync(path.join(stageDir, 'out'), { recursive: true, force: true })
  fs.cpSync(path.join(projectRoot, 'out'), path.join(stageDir, 'out'), { recursive: true })
  fs.copyFileSync(path.join(projectRoot, 'package.json'), path.join(stageDir, 'package.json'))
  linkOnce(path.join(projectRoot, 'resources'), path.join(stageDir, 'resources'))

  const modules = path.join(stageDir, 'node_modules')
  fs.mkdirSync(modules, { recursive: true })
  for (const name of fs.readdirSync(path.join(projectRoot, 'node_modules'))) {
    if (name === 'better-sqlite3' || name.startsWith('.')) continue
    linkOnce(path.join(projectRoot, 'node_modules', name), path.join(modules, name))
  }

  const source = fs.realpathSync(path.join(projectRoot, 'node_modules/better-sqlite3'))
  const copy = path.join(modules, 'better-sqlite3')
  const versionOf = (dir) => JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version
  if (fs.existsSync(path.join(copy, 'package.json')) && versionOf(copy) === versionOf(source)) return
  fs.rmSync(copy, { recursive: true, force: true })
  const compiled = path.join(source, 'build')
  fs.cpSync(source, copy, {
    recursive: true,
    filter: (file) => file !== compiled && !file.startsWith(compiled + path.sep),
  })
}

function electronBinary() {
  try {
    const binary = requireFromRoot('electron')
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null
  } catch {
    // The electron package throws when its binary was never downloaded.
    return null
  }
}

function main(target, stageDir) {
  if (target === 'node') {
    ensure(
      `Node ${process.version}`,
      () => probe(process.execPath),
      () => run(NPM, ['rebuild', 'better-sqlite3']),
    )
    return
  }
  if (target === 'electron' || target === 'electron-app') {
    const binary = electronBinary()
    if (!binary) {
      fail(
        'no Electron binary is installed (it is skipped with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or when its download host is unreachable).\n' +
          'Reinstall with the binary (npm ci) to run the desktop app, or run the same app in a browser: npm run start:web',
      )
    }
    const asNode = { ...process.env, ELECTRON_RUN_AS_NODE: '1' }
    if (target === 'electron') {
      const rebuild = fs.existsSync(path.join(root, 'node_modules/@electron/rebuild'))
        ? () => run(NPX, ['electron-rebuild', '--force', '--only', 'better-sqlite3'])
        : () => run(NPX, ['electron-builder', 'install-app-deps'])
      ensure('Electron', () => probe(binary, asNode), rebuild)
      return
    }
    if (!stageDir) fail('usage: node scripts/native-abi.mjs electron-app <dir>')
    const stage = path.resolve(stageDir)
    stageApp(stage)
    const rebuild = () => run(NPX, ['electron-rebuild', '--force', '--only', 'better-sqlite3', '--module-dir', stage])
    ensure('Electron (staged app)', () => probe(binary, asNode, stage), rebuild)
    return
  }
  fail('usage: node scripts/native-abi.mjs node|electron|electron-app <dir>')
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href)
  main(process.argv[2], process.argv[3])
