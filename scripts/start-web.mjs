#!/usr/bin/env node
/**
 * `npm run start:web [-- --rebuild | --no-build]`: the web host for a browser, started quietly.
 *
 * Builds only when a source changed since the last successful build (`--rebuild` forces one,
 * `--no-build` uses out/ as it is), starts out/main/web-host.js on the ports of the last start
 * (remembered in the data folder; a taken one is replaced by a free one, and said so), prints one
 * line with the recruiter's address and how to stop, and stops the host cleanly on Ctrl+C or
 * SIGTERM. The host's info lines are dropped; its warnings and errors are shown. Plain Node, no
 * shell, so it runs the same on Linux, macOS and Windows.
 */
import { spawn, spawnSync } from 'node:child_process'
import path from 'node:path'
import readline from 'node:readline'
import { fileURLToPath } from 'node:url'
import { isAtLeast } from './require-node.mjs'
import { staleReason, writeStamp } from './web/build-stamp.mjs'
import { choosePort, dataDirFrom, readRememberedPorts, rememberPorts } from './web/remembered-ports.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
/** How long the host has to stop by itself after Ctrl+C before it is told to. */
const STOP_GRACE_MS = 5000
const say = (line) => process.stdout.write(line + '\n')
const complain = (line) => process.stderr.write(line + '\n')

function requireNode() {
  if (isAtLeast(process.version, '20.19')) return
  complain(`Panelist: npm run start:web needs Node.js 20.19 or later; this is Node.js ${process.version}.`)
  process.exit(1)
}

function matchNativeModules() {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts/native-abi.mjs'), 'node'], {
    cwd: root,
    stdio: 'inherit',
  })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

/** Builds with warnings and errors only; the full output is shown when the build fails. */
function build(reason) {
  say(`Building Panelist (${reason})…`)
  const startedAt = Date.now()
  const cli = path.join(root, 'node_modules/electron-vite/bin/electron-vite.js')
  const result = spawnSync(process.execPath, [cli, 'build', '--logLevel', 'warn'], { cwd: root, encoding: 'utf8' })
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim()
  if (result.status !== 0) {
    complain(output || `The build failed${result.error ? `: ${result.error.message}` : ''}.`)
    process.exit(result.status ?? 1)
  }
  if (output) complain(output)
  writeStamp(root, startedAt)
}

/** A host log line to show: warnings and errors (as "level: message"), and anything not a log line. */
function shownLogLine(line) {
  try {
    const entry = JSON.parse(line)
    if (entry && typeof entry === 'object' && typeof entry.level === 'string') {
      if (entry.level === 'debug' || entry.level === 'info') return null
      return `${entry.level}: ${entry.message}`
    }
  } catch {
    // Not a JSON log line: shown as it is.
  }
  return line
}

async function startHost() {
  const dataDir = dataDirFrom(process.env)
  const remembered = readRememberedPorts(dataDir)
  const recruiter = await choosePort({
    explicit: process.env.PANELIST_PORT,
    remembered: remembered.recruiter,
    label: 'recruiter',
  })
  const kiosk = await choosePort({
    explicit: process.env.PANELIST_KIOSK_PORT,
    remembered: remembered.kiosk,
    label: 'kiosk',
  })
  for (const notice of [recruiter.notice, kiosk.notice]) if (notice) say(notice)

  const host = spawn(process.execPath, [path.join(root, 'out/main/web-host.js')], {
    cwd: root,
    env: { ...process.env, PANELIST_PORT: String(recruiter.port), PANELIST_KIOSK_PORT: String(kiosk.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  readline.createInterface({ input: host.stderr }).on('line', (line) => {
    const shown = shownLogLine(line)
    if (shown !== null) complain(shown)
  })
  readline.createInterface({ input: host.stdout }).on('line', (line) => {
    let ready = null
    try {
      ready = JSON.parse(line)
    } catch {
      // Anything else the host prints is passed on.
    }
    if (!ready?.ready) {
      say(line)
      return
    }
    const ports = { recruiter: Number(new URL(ready.url).port), kiosk: Number(new URL(ready.kioskUrl).port) }
    rememberPorts(ready.dataDir ?? dataDir, ports)
    say(`Panelist is running at ${ready.url} (kiosk: ${ready.kioskUrl}). Press Ctrl+C to stop.`)
  })

  let stopping = false
  const terminate = () => {
    if (host.exitCode === null && host.signalCode === null) host.kill('SIGTERM')
  }
  const stop = (signal) => {
    if (stopping) return
    stopping = true
    // Ctrl+C in a terminal reaches the host too, and it closes the core and its servers itself (on
    // Windows a kill would end it without that): it gets a moment before being told to stop. A
    // SIGTERM sent to this script alone is passed on at once.
    if (signal === 'SIGINT') setTimeout(terminate, STOP_GRACE_MS)
    else terminate()
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
  host.on('exit', (code, signal) => {
    if (stopping) {
      say('Panelist stopped.')
      process.exit(0)
    }
    complain(`The Panelist web host stopped unexpectedly (${signal ?? `exit code ${code}`}).`)
    process.exit(code || 1)
  })
}

function parseFlags(args) {
  const known = new Set(['--rebuild', '--no-build'])
  const unknown = args.filter((arg) => !known.has(arg))
  if (unknown.length || (args.includes('--rebuild') && args.includes('--no-build'))) {
    complain('usage: npm run start:web [-- --rebuild | --no-build]')
    process.exit(2)
  }
  return { rebuild: args.includes('--rebuild'), noBuild: args.includes('--no-build') }
}

async function main(args) {
  const flags = parseFlags(args)
  requireNode()
  matchNativeModules()
  if (flags.rebuild) build('--rebuild')
  else if (!flags.noBuild) {
    const reason = staleReason(root)
    if (reason) build(reason)
  }
  await startHost()
}

main(process.argv.slice(2)).catch((error) => {
  complain(`Panelist: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
