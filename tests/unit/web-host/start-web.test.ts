import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { BUILD_INPUTS, staleReason, writeStamp } from '../../../scripts/web/build-stamp.mjs'
import { choosePort, readRememberedPorts, rememberPorts } from '../../../scripts/web/remembered-ports.mjs'
import { tempDir } from '../../helpers/temp-studio'

/** A project tree with every build input and the outputs the host needs, all dated `at` (ms). */
function project(at: number): string {
  const root = tempDir('panelist-start-web-')
  const files = [
    'electron/core/studio.ts',
    'electron/web-host/web-host.ts',
    'renderer/src/main.tsx',
    'shared/contract/index.ts',
    'electron.vite.config.ts',
    'package-lock.json',
    'out/main/web-host.js',
    'out/main/core.js',
    'out/renderer/index.html',
  ]
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    fs.writeFileSync(path.join(root, file), '')
  }
  touchAll(root, at)
  return root
}

function touchAll(dir: string, at: number) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) touchAll(full, at)
    fs.utimesSync(full, at / 1000, at / 1000)
  }
}

const touch = (file: string, at: number) => fs.utimesSync(file, at / 1000, at / 1000)

describe('start:web reuses a build while its stamp is newer than every source', () => {
  const past = Date.parse('2026-01-01T00:00:00Z')
  const builtAt = past + 60_000

  it('builds when no build finished yet, reuses it once stamped', () => {
    const root = project(past)
    expect(staleReason(root)).toBe('no finished build found')
    writeStamp(root, builtAt)
    expect(staleReason(root)).toBeNull()
  })

  it.each(BUILD_INPUTS)('rebuilds after %s changes', (input) => {
    const root = project(past)
    writeStamp(root, builtAt)
    const target = path.join(root, input)
    const file = fs.statSync(target).isDirectory() ? path.join(target, fs.readdirSync(target)[0]!) : target
    touch(file, builtAt + 1000)
    expect(staleReason(root)).toBe('sources changed since the last build')
  })

  it('rebuilds after a source file is deleted (its folder changes)', () => {
    const root = project(past)
    writeStamp(root, builtAt)
    fs.rmSync(path.join(root, 'renderer/src/main.tsx'))
    expect(staleReason(root)).toBe('sources changed since the last build')
  })

  it('ignores changes outside the build inputs, and refuses a stamp whose outputs are gone', () => {
    const root = project(past)
    writeStamp(root, builtAt)
    fs.writeFileSync(path.join(root, 'README.md'), 'docs')
    expect(staleReason(root)).toBeNull()
    fs.rmSync(path.join(root, 'out/main/web-host.js'))
    expect(staleReason(root)).toBe('the last build is incomplete')
  })
})

describe('start:web remembers its ports in the data folder', () => {
  const servers: net.Server[] = []
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
  })

  const listen = (port = 0) =>
    new Promise<number>((resolve, reject) => {
      const server = net.createServer()
      servers.push(server)
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port))
    })

  /** A port that was free a moment ago: listened on, then released. */
  const freePort = async () => {
    const port = await listen()
    await new Promise((resolve) => servers.pop()!.close(resolve))
    return port
  }

  it('reads back what the last start saved, and nothing from a missing or damaged file', () => {
    const dataDir = path.join(tempDir(), 'not-yet-created')
    expect(readRememberedPorts(dataDir)).toEqual({ recruiter: undefined, kiosk: undefined })
    rememberPorts(dataDir, { recruiter: 41_234, kiosk: 41_235 })
    expect(readRememberedPorts(dataDir)).toEqual({ recruiter: 41_234, kiosk: 41_235 })
    fs.writeFileSync(path.join(dataDir, 'web-ports.json'), '{"recruiter": "x", "kiosk": 70000')
    expect(readRememberedPorts(dataDir)).toEqual({ recruiter: undefined, kiosk: undefined })
  })

  it('asks the host for the remembered port while it is free', async () => {
    const port = await freePort()
    expect(await choosePort({ explicit: undefined, remembered: port, label: 'recruiter' })).toEqual({
      port,
      notice: null,
    })
    expect(await choosePort({ explicit: undefined, remembered: undefined, label: 'recruiter' })).toEqual({
      port: 0,
      notice: null,
    })
  })

  it('falls back to any free port when the remembered one is taken, and says so', async () => {
    const taken = await listen()
    const chosen = await choosePort({ explicit: undefined, remembered: taken, label: 'kiosk' })
    expect(chosen.port).toBe(0)
    expect(chosen.notice).toBe(`Port ${taken} (the kiosk's last port) is taken; using a free one instead.`)
  })

  it('passes an explicit PANELIST_PORT through as given', async () => {
    const taken = await listen()
    expect(await choosePort({ explicit: '5173', remembered: taken, label: 'recruiter' })).toEqual({
      port: 5173,
      notice: null,
    })
  })
})
