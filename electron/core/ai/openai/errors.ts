import OpenAI from 'openai'
import { redact } from '../../logger'
import { AiError, messageFor, type AiErrorKind } from '../errors'
import { parseRetryAfter } from '../resilience/backoff'
import type { Capability } from '../types'

const NETWORK_HINTS =
  /fetch failed|terminated|socket|ECONNRESET|ECONNREFUSED|EPIPE|other side closed|premature close|network/i

function kindForStatus(status: number, code: string | null | undefined): AiErrorKind {
  if (status === 401 || status === 403) return 'auth'
  // An empty account is not a passing limit: retrying cannot help, the recruiter has to act.
  if (status === 429) return code === 'insufficient_quota' ? 'auth' : 'rate_limit'
  if (status === 408) return 'timeout'
  if (status === 409 || status >= 500) return 'server'
  return 'bad_request'
}

/** Maps what the openai SDK throws to an AiError; the provider's own text goes to `detail`, redacted. */
export function mapOpenAiError(error: unknown, capability: Capability, now: () => number): AiError {
  const provider = 'openai' as const
  const detail = redact(error instanceof Error ? error.message : String(error)).slice(0, 500)
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return new AiError({ kind: 'timeout', provider, capability, message: messageFor('timeout', provider), detail })
  }
  if (error instanceof OpenAI.APIUserAbortError) {
    return new AiError({ kind: 'cancelled', provider, capability, message: messageFor('cancelled', provider), detail })
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return new AiError({ kind: 'network', provider, capability, message: messageFor('network', provider), detail })
  }
  if (error instanceof OpenAI.APIError && typeof error.status === 'number') {
    const status = error.status
    const kind = kindForStatus(status, error.code)
    const message =
      error.code === 'insufficient_quota'
        ? 'OpenAI says this account has no credit left'
        : messageFor(kind, provider, { status })
    const retryAfterMs = error.headers ? parseRetryAfter((name) => error.headers?.get(name), now()) : undefined
    return new AiError({ kind, provider, capability, message, status, retryAfterMs, detail })
  }
  if (error instanceof SyntaxError) {
    return new AiError({ kind: 'server', provider, capability, message: messageFor('server', provider), detail })
  }
  const kind: AiErrorKind = NETWORK_HINTS.test(`${detail} ${(error as { cause?: unknown })?.cause ?? ''}`)
    ? 'network'
    : 'server'
  return new AiError({ kind, provider, capability, message: messageFor(kind, provider), detail })
}
