import { StudioError, type Result } from '../../../shared/contract'
import { describeStartupFailure } from '../data-folder/storage-full'
import type { Logger } from '../logger'
import type { PreferenceStore, SecretStore } from '../settings/types'
import { createStudio, type Studio } from '../studio'
import {
  errorResult,
  type CoreConfig,
  type FromCore,
  type HostCallName,
  type HostCalls,
  type ToCore,
  type Wire,
} from './protocol'

type CallHost = <M extends HostCallName>(method: M, args: HostCalls[M]['args']) => Promise<HostCalls[M]['result']>

/** The host's secrets as the core sees them: read from a snapshot, written through the host, which persists first. */
export function hostSecretStore(snapshot: CoreConfig['secrets'], call: CallHost): SecretStore {
  let cache = { ...snapshot }
  return {
    get: (name) => cache[name],
    has: (name) => cache[name] !== undefined,
    values: () => Object.values(cache),
    async set(name, value) {
      await call('secrets.set', { name, value })
      cache = { ...cache, [name]: value }
    },
    async clear(name) {
      await call('secrets.clear', { name })
      const { [name]: _removed, ...rest } = cache
      cache = rest
    },
  }
}

/** Preferences read once from the host's snapshot; every write is the host's to persist. */
export function hostPreferenceStore(snapshot: unknown, call: CallHost): PreferenceStore {
  return {
    read: () => snapshot,
    write: (value) => call('preferences.write', { value }).then(() => undefined),
  }
}

const fromShape = (result: Result<unknown>) => {
  if (result.ok) return result.value
  const { code, message, issues, retryAfterMs } = result.error
  throw new StudioError(code, message, issues, retryAfterMs)
}

const CLOSING = errorResult({ code: 'unavailable', message: 'The studio is closing.' })
const STARTING = errorResult({ code: 'unavailable', message: 'The studio is still starting.' })

/**
 * The core's side of the protocol: builds the studio from the host's `start` message, answers
 * `dispatch` with results, forwards events, and on `stop` closes the studio (the queue drains its
 * leases) before saying `stopped`. `exit` ends the process; the entry passes process.exit.
 */
export function serveCore(
  wire: Wire<FromCore, ToCore>,
  options: {
    /** Builds the logger once the secrets are known, so their values are masked in every line. */
    logger: (knownSecrets: () => string[]) => Logger
    exit: (code: number) => void
  },
) {
  let studio: Studio | null = null
  let logger = options.logger(() => [])
  let closing = false
  let nextCall = 1
  const waiting = new Map<number, (result: Result<unknown>) => void>()

  const call: CallHost = (method, args) =>
    new Promise((resolve, reject) => {
      const id = nextCall++
      waiting.set(id, (result) => {
        try {
          resolve(fromShape(result) as never)
        } catch (error) {
          reject(error)
        }
      })
      wire.send({ type: 'call', id, method, args })
    })

  const start = async (config: CoreConfig) => {
    const secrets = hostSecretStore(config.secrets, call)
    logger = options.logger(() => secrets.values())
    try {
      const refused = (what: string) => () =>
        Promise.reject(new StudioError('unavailable', `This host cannot ${what}.`))
      studio = await createStudio({
        dataDir: config.dataDir,
        resourcesDir: config.resourcesDir,
        host: config.host,
        version: config.version,
        ai: config.ai,
        voice: config.voice,
        sync: config.sync ? { project: config.sync } : undefined,
        logger,
        secrets,
        preferenceStore: hostPreferenceStore(config.preferences, call),
        exitKiosk: () => void call('kiosk.exit', {}).catch(() => undefined),
        openKiosk: config.abilities.openKiosk ? () => call('kiosk.open', {}) : undefined,
        chooseResumePaths: config.abilities.chooseResumePaths
          ? (kind) => call('resumes.choose', { kind })
          : refused('open a file dialog'),
        saveReportPdf: config.abilities.savePdf ? (request) => call('report.savePdf', request) : undefined,
        updates: config.abilities.updates
          ? {
              get: () => call('updates.get', {}),
              check: () => call('updates.check', {}),
              restart: () => call('updates.restart', {}),
            }
          : undefined,
      })
      studio.events.subscribe((name, payload, target) => wire.send({ type: 'event', name, payload, target }))
      wire.send({ type: 'ready', info: studio.info() })
    } catch (error) {
      logger.error('the studio did not start', { error: error instanceof Error ? error.stack : String(error) })
      wire.send({ type: 'failed', message: describeStartupFailure(error, config.dataDir) })
      options.exit(1)
    }
  }

  const stop = async () => {
    closing = true
    try {
      await studio?.close()
    } catch (error) {
      logger.error('the studio did not close cleanly', { error: String(error) })
    }
    wire.send({ type: 'stopped' })
    options.exit(0)
  }

  wire.onMessage((message) => {
    switch (message.type) {
      case 'start':
        if (!studio) void start(message.config)
        return
      case 'dispatch': {
        const running = studio
        const settle = (result: Result<unknown>) => wire.send({ type: 'result', id: message.id, result })
        if (closing) settle(CLOSING)
        else if (!running) settle(STARTING)
        else void running.dispatch(message.name, message.input, message.ctx).then(settle)
        return
      }
      case 'reply':
        waiting.get(message.id)?.(message.result)
        waiting.delete(message.id)
        return
      case 'kiosk-signal':
        void studio?.recordKioskWindowSignal(message.connection, message.kind).catch((error: unknown) => {
          logger.error('could not record a kiosk signal', { error: String(error) })
        })
        return
      case 'open-files': {
        const paths = Array.isArray(message.paths)
          ? message.paths.filter((p): p is string => typeof p === 'string' && p.length > 0 && p.length <= 4096)
          : []
        void studio?.openFiles(paths).catch((error: unknown) => {
          logger.error('could not offer the opened files', { error: String(error) })
        })
        return
      }
      case 'stop':
        if (!closing) void stop()
        return
    }
  })
}
