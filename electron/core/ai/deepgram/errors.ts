import { DeepgramApiError, DeepgramError, DeepgramUnknownError } from '@deepgram/sdk'
import { redact } from '../../logger'
import { AiError, messageFor, type AiErrorKind } from '../errors'
import { parseRetryAfter } from '../resilience/backoff'
import type { Capability } from '../types'

/**
 * What the last HTTP response (or refused WebSocket upgrade) said. The SDK keeps only a status and
 * a message in its errors, so our fetch wrapper and socket transport note the headers here.
 */
export interface ResponseNote {
  status?: number
  retryAfter?: (name: string) => string | null | undefined
}

function kindForStatus(status: number): AiErrorKind {
  // 402 is Deepgram's "out of credit": like a bad key, only the recruiter can fix it.
  if (status === 401 || status === 402 || status === 403) return 'auth'
  if (status === 429) return 'rate_limit'
  if (status === 408) return 'timeout'
  if (status >= 500) return 'server'
  return 'bad_request'
}

export function mapDeepgramError(
  error: unknown,
  capability: Capability,
  note: ResponseNote,
  now: () => number,
): AiError {
  const provider = 'deepgram' as const
  const original = error instanceof DeepgramUnknownError ? error.originalError : error
  const detail = redact(error instanceof Error ? error.message : String(error)).slice(0, 500)
  const status =
    error instanceof DeepgramApiError
      ? error.status
      : note.status !== undefined && note.status >= 400
        ? note.status
        : undefined
  if (status !== undefined) {
    const kind = kindForStatus(status)
    const message =
      status === 402 ? 'Deepgram says this account has no credit left' : messageFor(kind, provider, { status })
    const retryAfterMs = note.retryAfter ? parseRetryAfter(note.retryAfter, now()) : undefined
    return new AiError({ kind, provider, capability, message, status, retryAfterMs, detail })
  }
  if (original instanceof SyntaxError || (error instanceof DeepgramError && !(error instanceof DeepgramUnknownError))) {
    return new AiError({ kind: 'server', provider, capability, message: messageFor('server', provider), detail })
  }
  return new AiError({ kind: 'network', provider, capability, message: messageFor('network', provider), detail })
}
