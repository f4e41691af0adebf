import { Webhook } from 'standardwebhooks'

export interface SignedDelivery {
  url: string
  /** The webhook-id: the event's id, identical on every attempt. */
  messageId: string
  body: string
  /** The endpoint's current secret first, then one still honoured after a rotation. */
  secrets: string[]
  sentAt: Date
}

export interface AttemptOutcome {
  ok: boolean
  statusCode: number | null
  error: string | null
  durationMs: number
  responseExcerpt: string | null
}

export interface SendOptions {
  timeoutMs: number
  /** The job's signal: a cancelled job or a closing studio stops waiting for the receiver. */
  signal?: AbortSignal
  fetch?: typeof fetch
}

/** Enough of an answer to tell a proxy's error page from the receiver's; nothing more is kept. */
export const EXCERPT_BYTES = 256

/** One signature per secret, space-separated, as the spec allows while a secret is rolled. */
export function signatureHeader(delivery: Pick<SignedDelivery, 'messageId' | 'body' | 'secrets' | 'sentAt'>): string {
  return delivery.secrets
    .map((secret) => new Webhook(secret).sign(delivery.messageId, delivery.sentAt, delivery.body))
    .join(' ')
}

async function excerptOf(response: Response): Promise<string | null> {
  if (!response.body) return null
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    while (size < EXCERPT_BYTES) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      size += value.byteLength
    }
  } finally {
    // The rest of a large answer is never read, let alone stored.
    await reader.cancel().catch(() => {})
  }
  const text = Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8')
  return text || null
}

/**
 * One attempt: a POST with the Standard Webhooks headers. A 2xx is success; anything else, a
 * redirect (never followed: the signature was made for this URL's receiver), a timeout or a refused
 * connection is a failure the queue retries with backoff.
 */
export async function sendSigned(delivery: SignedDelivery, options: SendOptions): Promise<AttemptOutcome> {
  const started = Date.now()
  const elapsed = () => Date.now() - started
  try {
    const response = await (options.fetch ?? fetch)(delivery.url, {
      method: 'POST',
      redirect: 'manual',
      signal: options.signal
        ? AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)])
        : AbortSignal.timeout(options.timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Panelist-Webhooks/1',
        'webhook-id': delivery.messageId,
        'webhook-timestamp': String(Math.floor(delivery.sentAt.getTime() / 1000)),
        'webhook-signature': signatureHeader(delivery),
      },
      body: delivery.body,
    })
    const responseExcerpt = await excerptOf(response)
    const ok = response.status >= 200 && response.status < 300
    const error = ok
      ? null
      : response.status >= 300 && response.status < 400
        ? `Redirected (HTTP ${response.status}); redirects are not followed`
        : `HTTP ${response.status}`
    return { ok, statusCode: response.status, error, durationMs: elapsed(), responseExcerpt }
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError'
    const message = timedOut
      ? `No answer within ${options.timeoutMs} ms`
      : String((error as { cause?: unknown }).cause ?? error)
    return { ok: false, statusCode: null, error: message.slice(0, 500), durationMs: elapsed(), responseExcerpt: null }
  }
}
