import { z } from 'zod'
import {
  allows,
  isRequestName,
  requests,
  StudioError,
  type Audience,
  type ParsedInput,
  type RequestName,
  type RequestResult,
  type Result,
} from '../../../shared/contract'
import { isStorageFull, REQUEST_STORAGE_FULL } from '../data-folder/storage-full'
import type { Logger } from '../logger'
import { fieldIssuesOf, plainIssueMessage } from './field-issues'

export interface CallContext {
  audience: Audience
  /**
   * The calling window or socket, so a handler can address events to it alone (a kiosk's captions
   * and reply audio belong to that kiosk, not to every window).
   */
  connection?: string
}

export type Handler<K extends RequestName> = (
  input: ParsedInput<K>,
  ctx: CallContext,
) => Promise<RequestResult<K>> | RequestResult<K>

export type Handlers = { [K in RequestName]: Handler<K> }

/** The contract's requests under some name prefixes (`jobs` → `jobs.list`, `jobs.get`, …). */
export type RequestsIn<Prefix extends string> = Extract<RequestName, `${Prefix}.${string}`>

/**
 * What every domain's `app.ts` returns from `createApp`: a handler for each request under its
 * prefixes, named by the contract rather than listed again.
 */
export interface DomainApp<Prefix extends string> {
  handlers: { [K in RequestsIn<Prefix>]: Handler<K> }
}

export type Dispatch = (name: unknown, input: unknown, ctx: CallContext) => Promise<Result<unknown>>

/**
 * A request that has not settled by `warnAfterMs` is logged by name; by `failAfterMs` its caller
 * gets an error instead of waiting for ever (the handler may still finish; its result is dropped).
 * The hard limit sits above the longest legitimate request: a chat call's 45 s timeout with retries.
 */
export interface Watchdog {
  warnAfterMs: number
  failAfterMs: number
}

export const DEFAULT_WATCHDOG: Watchdog = { warnAfterMs: 15_000, failAfterMs: 150_000 }

const STUCK = Symbol('stuck')

function watch<T>(work: Promise<T>, name: string, watchdog: Watchdog, logger: Logger): Promise<T | typeof STUCK> {
  const started = Date.now()
  const timers: NodeJS.Timeout[] = []
  const stuck = new Promise<typeof STUCK>((resolve) => {
    timers.push(
      setTimeout(() => logger.warn('request still running', { name, ms: Date.now() - started }), watchdog.warnAfterMs),
      setTimeout(() => {
        logger.error('request stuck; its caller was given an error', { name, ms: Date.now() - started })
        resolve(STUCK)
      }, watchdog.failAfterMs),
    )
    for (const timer of timers) timer.unref?.()
  })
  return Promise.race([work, stuck]).finally(() => timers.forEach(clearTimeout))
}

const issuesOf = (error: z.ZodError) =>
  error.issues.map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`)

/** Names no request: the message may reach a person, the fields say what to fix. */
const invalidInput = (error: z.ZodError): Result<never> => ({
  ok: false,
  error: {
    code: 'invalid_input',
    message: 'Some of the details given are not valid',
    issues: issuesOf(error),
    fields: fieldIssuesOf(error),
  },
})

/**
 * The one gate every request passes: known name, allowed audience, schema-valid input. Handlers
 * never see unvalidated data, and nothing thrown inside crosses the bridge as an exception.
 */
export function createDispatcher(
  handlers: Handlers,
  logger: Logger,
  watchdog: Watchdog = DEFAULT_WATCHDOG,
  onStorageFull: () => void = () => undefined,
): Dispatch {
  return async (name, input, ctx) => {
    if (!isRequestName(name)) {
      return { ok: false, error: { code: 'unknown_request', message: `Unknown request ${String(name).slice(0, 80)}` } }
    }
    if (!allows(name, ctx.audience)) {
      return { ok: false, error: { code: 'forbidden', message: `${name} is not available here` } }
    }
    const parsed = (requests[name].input as z.ZodType).safeParse(input === undefined ? {} : input, {
      error: plainIssueMessage,
    })
    if (!parsed.success) return invalidInput(parsed.error)
    try {
      const handler = handlers[name] as Handler<RequestName>
      const value = await watch(Promise.resolve(handler(parsed.data as never, ctx)), name, watchdog, logger)
      if (value === STUCK) {
        return {
          ok: false,
          error: {
            code: 'unavailable',
            message: 'The studio did not finish this in time. Try again; if it keeps happening, restart the app.',
          },
        }
      }
      return { ok: true, value }
    } catch (error) {
      if (error instanceof StudioError) return { ok: false, error: error.toShape() }
      if (error instanceof z.ZodError) return invalidInput(error)
      if (isStorageFull(error)) {
        logger.error('a request could not be saved: the disk is full', { name })
        onStorageFull()
        return { ok: false, error: { code: 'unavailable', message: REQUEST_STORAGE_FULL } }
      }
      logger.error('request failed', { name, error: error instanceof Error ? error.stack : String(error) })
      return { ok: false, error: { code: 'internal', message: 'Something went wrong; the details are in the log.' } }
    }
  }
}
