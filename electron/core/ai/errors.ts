import type { Capability, ProviderId } from './types'

/**
 * What went wrong with an AI call, as a value other code can branch on. `message` is written for a
 * recruiter; `detail` is for the log (already redacted, never a key).
 */
export type AiErrorKind =
  | 'auth'
  | 'bad_request'
  | 'rate_limit'
  | 'server'
  | 'network'
  | 'timeout'
  | 'cancelled'
  | 'invalid_output'
  | 'budget'
  | 'circuit_open'
  | 'not_configured'
  | 'unsupported'

const RETRYABLE: ReadonlySet<AiErrorKind> = new Set(['rate_limit', 'server', 'network', 'timeout'])

export const PROVIDER_NAMES: Record<ProviderId, string> = { openai: 'OpenAI', deepgram: 'Deepgram' }

export class AiError extends Error {
  readonly kind: AiErrorKind
  readonly provider: ProviderId
  readonly capability: Capability
  readonly status: number | undefined
  /** From the provider's Retry-After header, when it sent one. */
  readonly retryAfterMs: number | undefined
  readonly detail: string | undefined

  constructor(fields: {
    kind: AiErrorKind
    provider: ProviderId
    capability: Capability
    message: string
    status?: number
    retryAfterMs?: number
    detail?: string
  }) {
    super(fields.message)
    this.name = 'AiError'
    this.kind = fields.kind
    this.provider = fields.provider
    this.capability = fields.capability
    this.status = fields.status
    this.retryAfterMs = fields.retryAfterMs
    this.detail = fields.detail
  }

  /** 429, 5xx, network trouble and timeouts are worth another try; 400/401/403 never are. */
  get retryable(): boolean {
    return RETRYABLE.has(this.kind)
  }

  /** Failures that say the provider is unhealthy, as opposed to our request or our key being wrong. */
  get countsAgainstProvider(): boolean {
    return RETRYABLE.has(this.kind)
  }
}

export function isAiError(error: unknown): error is AiError {
  return error instanceof AiError
}

const seconds = (ms: number) => `${Math.max(1, Math.round(ms / 1000))} s`

/** The recruiter-facing sentence for each kind; providers' own wording goes to `detail`. */
export function messageFor(
  kind: AiErrorKind,
  provider: ProviderId,
  extra: { status?: number; timeoutMs?: number } = {},
): string {
  const name = PROVIDER_NAMES[provider]
  switch (kind) {
    case 'auth':
      return extra.status === 403
        ? `${name} refused access with this key (check its permissions and the model)`
        : `${name} rejected the key`
    case 'bad_request':
      return `${name} could not process the request${extra.status ? ` (error ${extra.status})` : ''}`
    case 'rate_limit':
      return `${name} is rate limiting us`
    case 'server':
      return extra.status ? `${name} is having problems (error ${extra.status})` : `${name} sent a malformed response`
    case 'network':
      return `Could not reach ${name}, or the connection dropped`
    case 'timeout':
      return `${name} did not answer within ${seconds(extra.timeoutMs ?? 0)}`
    case 'cancelled':
      return 'The AI call was cancelled'
    case 'invalid_output':
      return `${name}'s answer was not in the expected form`
    case 'budget':
      return 'This interview has used its AI budget'
    case 'circuit_open':
      return `${name} keeps failing, so calls are paused for a moment`
    case 'not_configured':
      return `No ${name} key is set (Settings → AI)`
    case 'unsupported':
      return `${name} cannot do this with the chosen settings`
  }
}

/** "rate limited, retrying in 4 s" — what the recruiter sees while a retry waits. */
export function retryNotice(error: AiError, delayMs: number): string {
  const name = PROVIDER_NAMES[error.provider]
  const when = `retrying in ${seconds(delayMs)}`
  switch (error.kind) {
    case 'rate_limit':
      return `${name} rate limited, ${when}`
    case 'timeout':
      return `${name} is slow to answer, ${when}`
    case 'network':
      return `${name} connection trouble, ${when}`
    default:
      return `${name} error${error.status ? ` ${error.status}` : ''}, ${when}`
  }
}
