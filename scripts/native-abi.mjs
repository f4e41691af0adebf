#!/usr/bin/env node
/**
 * `node scripts/native-abi.mjs node|electron`
 *
 * better-sqlite3 is a native module compiled for one runtime ABI: Node's for the tests and the web
 * host, Electron's for the app. This makes the installed binary match the runtime about to start.
 * It loads the module in that runtime first and rebuilds only when loading fails with an ABI (or
 * missing-binary) error, so when nothing needs doing it costs one short child process.
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

/** Loads better-sqlite3 in the given runtime and opens an in-memory database. */
function probe(executable, env = process.env) {
  const result = spawnSync(executable, ['-e', PROBE], { cwd: root, env, encoding: 'utf8' })
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

function electronBinary() {
  try {
    const binary = requireFromRoot('electron')
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null
  } catch {
    // The electron package throws when its binary was never downloaded.
    return null
  }
}

function main(target) {
  if (target === 'node') {
    ensure(
      `Node ${process.version}`,
      () => probe(process.execPath),
      () => run(NPM, ['rebuild', 'better-sqlite3']),
    )
    return
  }
  if (target === 'electron') {
    const binary = electronBinary()
    if (!binary) {
      fail(
        'no Electron binary is installed (it is skipped with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or when its download host is unreachable).\n' +
          'Reinstall with the binary (npm ci) to run the desktop app, or run the same app in a browser: npm run start:web',
      )
    }
    const asNode = { ...process.env, ELECTRON_RUN_AS_NODE: '1' }
    const rebuild = fs.existsSync(path.join(root, 'node_modules/@electron/rebuild'))
      ? () => run(NPX, ['electron-rebuild', '--force', '--only', 'better-sqlite3'])
      : () => run(NPX, ['electron-builder', 'install-app-deps'])
    ensure('Electron', () => probe(binary, asNode), rebuild)
    return
  }
  fail('usage: node scripts/native-abi.mjs node|electron')
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main(process.argv[2])
