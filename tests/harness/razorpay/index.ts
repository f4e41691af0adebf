import { createHmac, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

/**
 * A wire stub of Razorpay's subscriptions API for the real razorpay-node SDK (JSON bodies, HTTP
 * Basic auth with key id and secret): POST /v1/subscriptions and GET /v1/subscriptions/:id. It also
 * sends webhooks as Razorpay does: the raw JSON body signed with hex HMAC-SHA256 under the webhook
 * secret in X-Razorpay-Signature, and a unique x-razorpay-event-id. `deliver` can send any event
 * with its own event id, time, payment and signature (replays, forgeries, out of order).
 */

export interface RazorpayStubOptions {
  keyId: string
  keySecret: string
  webhookSecret: string
  /** Where webhooks go (the billing function's /webhook/razorpay), read at delivery time. */
  endpoint: () => string
}

export interface RazorpaySubscription {
  id: string
  entity: 'subscription'
  plan_id: string
  customer_id: string | null
  status: string
  current_start: number | null
  current_end: number | null
  quantity: number
  notes: Record<string, string>
  total_count: number
  paid_count: number
  customer_notify: boolean
  created_at: number
  short_url: string
}

export interface RazorpayDelivery {
  eventId: string
  status: number
  body: unknown
}

export interface RazorpayDeliverOptions {
  /** x-razorpay-event-id (default: a new one). */
  eventId?: string
  /** The event's created_at in seconds (default: now). */
  createdAt?: number
  /** subscription.charged's payment id (default: a new one). */
  paymentId?: string
  /** Signed with another secret (default: the webhook's). */
  secret?: string
  /** An X-Razorpay-Signature to send instead of the right one. */
  signature?: string
  /** A body to send instead of the one signed. */
  body?: string
}

export interface RazorpayStub {
  /** For RAZORPAY_API_URL. */
  url: string
  subscriptions: ReadonlyMap<string, RazorpaySubscription>
  requests: readonly { method: string; path: string; body: unknown }[]
  /** Delivers a subscription event about the stored subscription, its status moved as the event says. */
  deliver(type: string, subscriptionId: string, options?: RazorpayDeliverOptions): Promise<RazorpayDelivery>
  /** The customer pays at the subscription's short_url: authenticated, activated and charged are delivered. */
  completeCheckout(url: string): Promise<{ subscription: RazorpaySubscription; deliveries: RazorpayDelivery[] }>
  close(): Promise<void>
}

const newId = (prefix: string) => `${prefix}_${randomBytes(10).toString('base64url').replace(/[-_]/g, 'x')}`
const now = () => Math.floor(Date.now() / 1000)
const MONTH = 30 * 24 * 3600

/** The status Razorpay gives a subscription with each event. */
const STATUS_AFTER: Record<string, string> = {
  'subscription.authenticated': 'authenticated',
  'subscription.activated': 'active',
  'subscription.charged': 'active',
  'subscription.resumed': 'active',
  'subscription.pending': 'pending',
  'subscription.halted': 'halted',
  'subscription.cancelled': 'cancelled',
  'subscription.completed': 'completed',
  'subscription.paused': 'paused',
}

const badRequest = (description: string, status = 400) => ({
  status,
  body: { error: { code: 'BAD_REQUEST_ERROR', description, source: 'NA', step: 'NA', reason: 'NA' } },
})

export async function startRazorpayStub(options: RazorpayStubOptions): Promise<RazorpayStub> {
  const subscriptions = new Map<string, RazorpaySubscription>()
  const requests: { method: string; path: string; body: unknown }[] = []
  const sockets = new Set<Socket>()
  const basic = `Basic ${Buffer.from(`${options.keyId}:${options.keySecret}`).toString('base64')}`
  let url = ''

  function create(body: unknown) {
    const input = (body ?? {}) as Partial<Record<string, unknown>>
    if (typeof input.plan_id !== 'string' || !input.plan_id) return badRequest('The plan id field is required.')
    if (typeof input.total_count !== 'number' || input.total_count < 1)
      return badRequest('The total count field is required.')
    const id = newId('sub')
    const subscription: RazorpaySubscription = {
      id,
      entity: 'subscription',
      plan_id: input.plan_id,
      customer_id: null,
      status: 'created',
      current_start: null,
      current_end: null,
      quantity: typeof input.quantity === 'number' ? input.quantity : 1,
      notes: (input.notes as Record<string, string> | undefined) ?? {},
      total_count: input.total_count,
      paid_count: 0,
      customer_notify: input.customer_notify !== 0,
      created_at: now(),
      short_url: `${url}/i/${id}`,
    }
    subscriptions.set(id, subscription)
    return { status: 200, body: subscription }
  }

  function route(req: IncomingMessage, text: string): { status: number; body?: unknown; html?: string } {
    const target = new URL(req.url ?? '/', url)
    if (req.method === 'GET' && target.pathname.startsWith('/i/')) {
      const found = subscriptions.has(target.pathname.slice(3))
      return {
        status: found ? 200 : 404,
        html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Razorpay test subscription</title></head><body><main><h1>${found ? 'Razorpay test subscription' : 'Not found'}</h1></main></body></html>`,
      }
    }
    if (req.headers.authorization !== basic) return badRequest('Authentication failed', 401)
    let body: unknown
    try {
      body = text ? JSON.parse(text) : undefined
    } catch {
      return badRequest('The request body is not valid JSON.')
    }
    requests.push({ method: req.method ?? 'GET', path: target.pathname, body })
    if (req.method === 'POST' && target.pathname === '/v1/subscriptions') return create(body)
    const one = /^\/v1\/subscriptions\/([^/]+)$/.exec(target.pathname)
    if (req.method === 'GET' && one) {
      const found = subscriptions.get(decodeURIComponent(one[1]!))
      return found ? { status: 200, body: found } : badRequest('The id provided does not exist')
    }
    return badRequest('The requested URL was not found on the server.', 404)
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const parts: Buffer[] = []
    req.on('data', (part: Buffer) => parts.push(part))
    req.on('end', () => {
      const reply = route(req, Buffer.concat(parts).toString('utf8'))
      res.writeHead(reply.status, { 'content-type': reply.html ? 'text/html; charset=utf-8' : 'application/json' })
      res.end(reply.html ?? JSON.stringify(reply.body))
    })
  })
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  async function deliver(
    type: string,
    subscriptionId: string,
    deliverOptions: RazorpayDeliverOptions = {},
  ): Promise<RazorpayDelivery> {
    const subscription = subscriptions.get(subscriptionId)
    if (!subscription) throw new Error(`no Razorpay subscription ${subscriptionId}`)
    const createdAt = deliverOptions.createdAt ?? now()
    if (STATUS_AFTER[type]) subscription.status = STATUS_AFTER[type]!
    if (type === 'subscription.activated' || type === 'subscription.charged') {
      subscription.customer_id ??= newId('cust')
      subscription.current_start ??= createdAt
      subscription.current_end ??= createdAt + MONTH
    }
    if (type === 'subscription.charged') subscription.paid_count += 1
    const charged = type === 'subscription.charged'
    const payload = JSON.stringify({
      entity: 'event',
      account_id: 'acc_stubaccount01',
      event: type,
      contains: charged ? ['subscription', 'payment'] : ['subscription'],
      payload: {
        subscription: { entity: subscription },
        ...(charged
          ? {
              payment: {
                entity: {
                  id: deliverOptions.paymentId ?? newId('pay'),
                  entity: 'payment',
                  amount: 49900,
                  currency: 'INR',
                  status: 'captured',
                  customer_id: subscription.customer_id,
                  created_at: createdAt,
                },
              },
            }
          : {}),
      },
      created_at: createdAt,
    })
    const eventId = deliverOptions.eventId ?? newId('evt')
    const signature =
      deliverOptions.signature ??
      createHmac('sha256', deliverOptions.secret ?? options.webhookSecret)
        .update(payload)
        .digest('hex')
    const response = await fetch(options.endpoint(), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-razorpay-signature': signature,
        'x-razorpay-event-id': eventId,
      },
      body: deliverOptions.body ?? payload,
    })
    const text = await response.text()
    let body: unknown = text
    try {
      body = JSON.parse(text)
    } catch {
      // Not JSON: kept as text.
    }
    return { eventId, status: response.status, body }
  }

  async function completeCheckout(shortUrl: string) {
    const id = new URL(shortUrl).pathname.split('/').pop() ?? ''
    if (!subscriptions.has(id)) throw new Error(`no Razorpay subscription at ${shortUrl}`)
    const deliveries = []
    for (const type of ['subscription.authenticated', 'subscription.activated', 'subscription.charged'])
      deliveries.push(await deliver(type, id))
    return { subscription: structuredClone(subscriptions.get(id)!), deliveries }
  }

  return {
    url,
    subscriptions,
    requests,
    deliver,
    completeCheckout,
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
