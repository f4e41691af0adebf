import { StudioError, type Result } from '../../../shared/contract'
import type { AppInfo } from '../../../shared/contract/foundation'
import { createEventBus, type EventBus } from '../events'
import type { Dispatch } from '../ipc/dispatcher'
import type { Logger } from '../logger'
import type { HostCallHandlers } from './host-side'
import { errorResult, type CoreConfig, type FromCore, type HostCallName, type ToCore, type Wire } from './protocol'

/** A started core process as its host sees it: the wire, and how it ends. */
/** The studio did not start; the message says why, in words where the core knew them (a full disk). */
export class CoreStartFailed extends Error {
  constructor(readonly reason: string) {
    super(`The core did not start: ${reason}`)
  }
}

export interface CoreProcessHandle {
  pid: number | undefined
  wire: Wire<ToCore, FromCore>
  onExit(listener: (code: number | null) => void): void
  kill(): void
}

export interface CoreClientOptions {
  spawn: () => CoreProcessHandle
  /** Read at every start, so a restarted core gets the secrets and preferences as they are now. */
  config: () => CoreConfig
  calls: HostCallHandlers
  logger: Logger
  /** Restarts allowed within `windowMs` before the core is left down (default 3 in a minute). */
  restarts?: { max: number; windowMs: number }
  /** How long a stopping core may take to drain before it is killed (default 30 s). */
  stopTimeoutMs?: number
}

export interface CoreClient {
  dispatch: Dispatch
  /** The core's events, and `app.coreRestarted` when a crashed core came back. */
  events: EventBus
  info(): AppInfo
  recordKioskWindowSignal(connection: string, kind: string): void
  /** Resumes the operating system handed to the app, for the core to grant and offer for import. */
  openFiles(paths: readonly string[]): void
  /** Asks the core to close the studio (draining the queue) and waits for it to exit. */
  close(): Promise<void>
}

const GONE = errorResult({
  code: 'unavailable',
  message: 'The studio stopped while doing this and is starting again. Try again in a moment.',
})
const DOWN = errorResult({
  code: 'unavailable',
  message: 'The studio stopped repeatedly and was not restarted. Restart Panelist; the details are in the log.',
})

interface Running {
  handle: CoreProcessHandle
  ready: Promise<AppInfo>
  exited: Promise<number | null>
}

/**
 * Starts the core in its own process and speaks the protocol for a host: requests go out as
 * `dispatch` and come back as results; events are re-emitted on a local bus; the core's calls are
 * answered by the host's handlers. A core that dies is restarted (its callers get `unavailable`)
 * and the windows are told; one that keeps dying is left down rather than looping.
 */
export async function startCore(options: CoreClientOptions): Promise<CoreClient> {
  const { logger } = options
  const limit = options.restarts ?? { max: 3, windowMs: 60_000 }
  const events = createEventBus()
  const pending = new Map<number, (result: Result<unknown>) => void>()
  const crashes: number[] = []
  let nextId = 1
  let closing = false
  let down = false
  let info: AppInfo
  let current: Running

  const answer = async (wire: CoreProcessHandle['wire'], id: number, method: HostCallName, args: unknown) => {
    let result: Result<unknown>
    try {
      const handler = options.calls[method] as (args: unknown) => unknown
      result = { ok: true, value: await handler(args) }
    } catch (error) {
      if (error instanceof StudioError) result = { ok: false, error: error.toShape() }
      else {
        logger.error('a host call failed', { method, error: String(error) })
        result = errorResult({ code: 'internal', message: 'The host could not do this; the details are in the log.' })
      }
    }
    wire.send({ type: 'reply', id, result })
  }

  const launch = (): Running => {
    const handle = options.spawn()
    logger.info('the core process started', { pid: handle.pid })
    let settleReady!: { resolve: (info: AppInfo) => void; reject: (error: Error) => void }
    const ready = new Promise<AppInfo>((resolve, reject) => (settleReady = { resolve, reject }))
    const exited = new Promise<number | null>((resolve) => handle.onExit(resolve))
    handle.wire.onMessage((message) => {
      switch (message.type) {
        case 'ready':
          return settleReady.resolve(message.info)
        case 'failed':
          return settleReady.reject(new CoreStartFailed(message.message))
        case 'result':
          pending.get(message.id)?.(message.result)
          pending.delete(message.id)
          return
        case 'event':
          return events.emit(message.name, message.payload as never, message.target)
        case 'call':
          return void answer(handle.wire, message.id, message.method, message.args)
        case 'stopped':
          return
      }
    })
    void exited.then((code) => {
      settleReady.reject(new Error(`The core exited with ${code} before it was ready`))
      onExit(handle, code)
    })
    ready.catch(() => undefined)
    handle.wire.send({ type: 'start', config: options.config() })
    return { handle, ready, exited }
  }

  const onExit = (handle: CoreProcessHandle, code: number | null) => {
    if (handle !== current.handle) return
    for (const settle of pending.values()) settle(GONE)
    pending.clear()
    if (closing) return
    const now = Date.now()
    crashes.push(now)
    while (crashes.length && crashes[0]! < now - limit.windowMs) crashes.shift()
    if (crashes.length > limit.max) {
      down = true
      logger.error('the core process keeps exiting; it is left down', { code, crashes: crashes.length })
      events.emit('app.coreRestarted', { restarted: false, message: DOWN.error.message })
      return
    }
    logger.error('the core process exited; starting it again', { code })
    current = launch()
    current.ready.then(
      (fresh) => {
        info = fresh
        events.emit('app.coreRestarted', {
          restarted: true,
          message:
            'The studio stopped unexpectedly and has restarted. Anything still in progress may need doing again.',
        })
      },
      (error: unknown) => logger.error('the restarted core did not start', { error: String(error) }),
    )
  }

  current = launch()
  info = await current.ready.catch(async (error: unknown) => {
    closing = true
    current.handle.kill()
    throw error
  })

  const dispatch: Dispatch = async (name, input, ctx) => {
    if (down) return DOWN
    if (closing) return errorResult({ code: 'unavailable', message: 'The studio is closing.' })
    const running = current
    const started = await running.ready.then(
      () => true,
      () => false,
    )
    if (!started || running !== current) return GONE
    const id = nextId++
    return new Promise<Result<unknown>>((resolve) => {
      pending.set(id, resolve)
      running.handle.wire.send({ type: 'dispatch', id, name, input, ctx })
    })
  }

  return {
    dispatch,
    events,
    info: () => info,
    recordKioskWindowSignal(connection, kind) {
      if (!down && !closing) current.handle.wire.send({ type: 'kiosk-signal', connection, kind })
    },
    openFiles(paths) {
      if (!down && !closing) current.handle.wire.send({ type: 'open-files', paths: [...paths] })
    },
    async close() {
      if (closing) return
      closing = true
      const { handle, exited } = current
      if (down) return
      const timer = setTimeout(() => {
        logger.error('the core did not stop in time; ending it')
        handle.kill()
      }, options.stopTimeoutMs ?? 30_000)
      handle.wire.send({ type: 'stop' })
      await exited
      clearTimeout(timer)
    },
  }
}
