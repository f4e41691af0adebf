import type {
  ErrorCode,
  EventName,
  FieldIssue,
  EventPayload,
  RequestInput,
  RequestName,
  RequestResult,
} from '../../../shared/contract'
import { electronTransport } from './electron-transport'
import { socketTransport } from './socket-transport'
import type { Transport } from './transport'

export class StudioRequestError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: string[] = [],
    /** Set when the refusal lifts by itself after this long (a lockout). */
    readonly retryAfterMs: number | null = null,
    /** For invalid input: each problem with the field it belongs to. */
    readonly fields: FieldIssue[] = [],
  ) {
    super(message)
    this.name = 'StudioRequestError'
  }
}

function pickTransport(): Transport {
  if (window.studio) return electronTransport(window.studio)
  const token = document.querySelector('meta[name="panelist-token"]')?.getAttribute('content') ?? ''
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  return socketTransport(`${scheme}://${location.host}/ws?token=${encodeURIComponent(token)}`)
}

let transport: Transport | null = null
const get = () => (transport ??= pickTransport())

/** Calls a request by name with typed input and result; failures throw StudioRequestError. */
export async function call<K extends RequestName>(name: K, input: RequestInput<K>): Promise<RequestResult<K>> {
  const result = await get().invoke(name, input)
  if (!result.ok) {
    const { code, message, issues, retryAfterMs, fields } = result.error
    throw new StudioRequestError(code, message, issues, retryAfterMs ?? null, fields)
  }
  return result.value as RequestResult<K>
}

/** Subscribes to one pushed event; returns the unsubscribe function. */
export function on<K extends EventName>(name: K, callback: (payload: EventPayload<K>) => void): () => void {
  return get().on(name, (payload) => callback(payload as EventPayload<K>))
}

/**
 * What the person sees for codes whose messages are written for developers (they name the
 * request); every other code's message is written for the person already.
 */
const GENERIC: Partial<Record<ErrorCode, string>> = {
  forbidden: 'This cannot be done from here.',
  unknown_request: 'This version of Panelist cannot do that; restart it and try again.',
}

/**
 * A message fit for the user from any thrown value, naming no request: invalid input gives its
 * problems themselves (a form shows them beside their fields instead, see field-errors.ts).
 */
export function describeError(error: unknown): string {
  if (error instanceof StudioRequestError) {
    const generic = GENERIC[error.code]
    if (generic) return generic
    if (error.fields.length) return error.fields.map((field) => field.message).join('. ')
    return error.issues.length ? `${error.message}: ${error.issues.join('; ')}` : error.message
  }
  return error instanceof Error ? error.message : String(error)
}
