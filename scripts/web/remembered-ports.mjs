/**
 * The recruiter's and the kiosk's ports, kept in the data folder between starts so open tabs keep
 * working after a restart. A remembered port that something else now holds is given up for a free
 * one, and the caller says so.
 */
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

const FILE = 'web-ports.json'

/** The data folder exactly as the web host resolves it (electron/web-host/web-host.ts). */
export function dataDirFrom(env) {
  return path.resolve(env.PANELIST_DATA_DIR ?? path.join(os.homedir(), '.panelist'))
}

const validPort = (value) => (Number.isInteger(value) && value > 0 && value < 65536 ? value : undefined)

/** `{ recruiter, kiosk }` from the last start; a missing or damaged file remembers nothing. */
export function readRememberedPorts(dataDir) {
  try {
    const saved = JSON.parse(fs.readFileSync(path.join(dataDir, FILE), 'utf8'))
    return { recruiter: validPort(saved.recruiter), kiosk: validPort(saved.kiosk) }
  } catch {
    return { recruiter: undefined, kiosk: undefined }
  }
}

export function rememberPorts(dataDir, ports) {
  fs.mkdirSync(dataDir, { recursive: true })
  fs.writeFileSync(path.join(dataDir, FILE), JSON.stringify(ports) + '\n')
}

/** True when nothing listens on 127.0.0.1:port (the address the web host binds). */
export function isPortFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer()
    probe.once('error', () => resolve(false))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
  })
}

/**
 * The port to ask the host for: an explicit one (PANELIST_PORT / PANELIST_KIOSK_PORT) as given,
 * else the remembered one while it is free, else 0 (any free port) with a notice saying why.
 */
export async function choosePort({ explicit, remembered, label }) {
  if (explicit !== undefined && explicit !== '') return { port: Number(explicit), notice: null }
  if (remembered === undefined) return { port: 0, notice: null }
  if (await isPortFree(remembered)) return { port: remembered, notice: null }
  return { port: 0, notice: `Port ${remembered} (the ${label}'s last port) is taken; using a free one instead.` }
}
