import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import Stripe from 'stripe'
import { parseStripeForm } from './form'

/**
 * A wire stub of the parts of Stripe's API the billing function uses, for the real stripe-node SDK
 * (form-encoded requests, Bearer secret key): POST /v1/checkout/sessions, GET /v1/subscriptions/:id,
 * POST /v1/billing_portal/sessions. Like Stripe it also plays the customer and the webhook sender:
 * `completeCheckout` pays a session (a customer and an active subscription appear) and delivers
 * checkout.session.completed and customer.subscription.created, signed with the real algorithm
 * (`Stripe.webhooks.generateTestHeaderString`); `deliver` sends any event with its own times, for
 * out-of-order, stale and forged deliveries. The pages the URLs point at are plain HTML here.
 */

export interface StripeStubOptions {
  secretKey: string
  webhookSecret: string
  /** Where webhooks go (the billing function's /webhook/stripe), read at delivery time. */
  endpoint: () => string
}

export interface StripeCheckoutSession {
  id: string
  object: 'checkout.session'
  mode: string
  status: 'open' | 'complete'
  url: string
  client_reference_id: string | null
  customer: string | null
  customer_email: string | null
  subscription: string | null
  metadata: Record<string, string>
  success_url: string
  cancel_url: string
  price: string
  subscription_metadata: Record<string, string>
  created: number
}

export interface StripeSubscription {
  id: string
  object: 'subscription'
  customer: string
  status: Stripe.Subscription.Status
  metadata: Record<string, string>
  created: number
  items: {
    object: 'list'
    data: {
      id: string
      object: 'subscription_item'
      price: { id: string; object: 'price' }
      quantity: number
      current_period_start: number
      current_period_end: number
    }[]
  }
}

export interface Delivery {
  status: number
  body: unknown
}

export interface DeliverOptions {
  /** Signed with another secret (default: the endpoint's). */
  secret?: string
  /** The signature's timestamp in seconds (default: now). */
  timestamp?: number
  /** A Stripe-Signature header to send instead of a correct one. */
  header?: string
  /** A body to send instead of the one signed (a modified body). */
  body?: string
}

export interface StripeEventInit {
  /** Default: a new evt_ id. */
  id?: string
  /** event.created, in seconds (default: now). */
  created?: number
}

export interface StripeStub {
  /** The API's base URL, for STRIPE_API_URL. */
  url: string
  sessions: ReadonlyMap<string, StripeCheckoutSession>
  subscriptions: ReadonlyMap<string, StripeSubscription>
  /** API requests received, in order ("POST /v1/checkout/sessions"), for tests of what the function asked. */
  requests: readonly { method: string; path: string; body: Record<string, unknown> }[]
  /** An event as Stripe would send it. */
  event(type: string, object: object, init?: StripeEventInit): Stripe.Event
  /** Signs and POSTs an event to the endpoint. */
  deliver(event: Stripe.Event | string, options?: DeliverOptions): Promise<Delivery>
  /**
   * The customer pays the session at `url`: a customer and an active subscription are created and
   * checkout.session.completed then customer.subscription.created are delivered, in that order.
   */
  completeCheckout(url: string): Promise<{ subscription: StripeSubscription; deliveries: Delivery[] }>
  /** Stores an active subscription as Stripe would create it (for events built by a test). */
  createSubscription(init: { price: string; metadata: Record<string, string>; customer?: string }): StripeSubscription
  /** Changes a stored subscription as a dashboard or portal action would, without delivering anything. */
  updateSubscription(id: string, change: { status?: Stripe.Subscription.Status; price?: string }): StripeSubscription
  close(): Promise<void>
}

const newId = (prefix: string) => `${prefix}_test_${randomBytes(12).toString('base64url')}`
const now = () => Math.floor(Date.now() / 1000)
const MONTH = 30 * 24 * 3600

function stripeError(status: number, message: string, param?: string) {
  return { status, body: { error: { type: 'invalid_request_error', message, ...(param ? { param } : {}) } } }
}

const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1><p>${text}</p></main></body></html>`

export async function startStripeStub(options: StripeStubOptions): Promise<StripeStub> {
  const sessions = new Map<string, StripeCheckoutSession>()
  const subscriptions = new Map<string, StripeSubscription>()
  const requests: { method: string; path: string; body: Record<string, unknown> }[] = []
  const sockets = new Set<Socket>()
  let url = ''

  const publicSession = (s: StripeCheckoutSession) => {
    const { price: _price, subscription_metadata: _metadata, ...rest } = s
    return rest
  }

  function createSession(body: Record<string, unknown>) {
    for (const param of ['mode', 'success_url', 'cancel_url'])
      if (typeof body[param] !== 'string') return stripeError(400, `Missing required param: ${param}.`, param)
    if (body.mode !== 'subscription') return stripeError(400, 'This stub sells subscriptions only.', 'mode')
    const items = body.line_items as { price?: string; quantity?: string }[] | undefined
    const price = items?.[0]?.price
    if (!price) return stripeError(400, 'Missing required param: line_items[0][price].', 'line_items')
    const id = newId('cs')
    const session: StripeCheckoutSession = {
      id,
      object: 'checkout.session',
      mode: 'subscription',
      status: 'open',
      url: `${url}/c/pay/${id}`,
      client_reference_id: (body.client_reference_id as string | undefined) ?? null,
      customer: (body.customer as string | undefined) ?? null,
      customer_email: (body.customer_email as string | undefined) ?? null,
      subscription: null,
      metadata: (body.metadata as Record<string, string> | undefined) ?? {},
      success_url: body.success_url as string,
      cancel_url: body.cancel_url as string,
      price,
      subscription_metadata:
        (body.subscription_data as { metadata?: Record<string, string> } | undefined)?.metadata ?? {},
      created: now(),
    }
    sessions.set(id, session)
    return { status: 200, body: publicSession(session) }
  }

  function api(method: string, path: string, body: Record<string, unknown>): { status: number; body: unknown } {
    if (method === 'POST' && path === '/v1/checkout/sessions') return createSession(body)
    const subscription = /^\/v1\/subscriptions\/([^/]+)$/.exec(path)
    if (method === 'GET' && subscription) {
      const found = subscriptions.get(decodeURIComponent(subscription[1]!))
      return found ? { status: 200, body: found } : stripeError(404, `No such subscription: '${subscription[1]}'`, 'id')
    }
    if (method === 'POST' && path === '/v1/billing_portal/sessions') {
      if (typeof body.customer !== 'string') return stripeError(400, 'Missing required param: customer.', 'customer')
      const id = newId('bps')
      return {
        status: 200,
        body: {
          id,
          object: 'billing_portal.session',
          customer: body.customer,
          return_url: body.return_url ?? null,
          url: `${url}/p/session/${id}`,
        },
      }
    }
    return stripeError(404, `Unrecognized request URL (${method}: ${path}).`)
  }

  async function route(req: IncomingMessage, text: string): Promise<{ status: number; body?: unknown; html?: string }> {
    const target = new URL(req.url ?? '/', url)
    if (req.method === 'GET' && target.pathname.startsWith('/c/pay/')) {
      const session = sessions.get(target.pathname.slice('/c/pay/'.length))
      return session
        ? {
            status: 200,
            html: page('Stripe test checkout', `Pay for ${session.price}. This page stands in for Stripe's.`),
          }
        : { status: 404, html: page('Not found', 'No such checkout session.') }
    }
    if (req.method === 'GET' && target.pathname.startsWith('/p/session/'))
      return { status: 200, html: page('Stripe test billing portal', 'Invoices and payment methods would be here.') }
    if (!target.pathname.startsWith('/v1/')) return { status: 404, html: page('Not found', 'Nothing here.') }
    if (req.headers.authorization !== `Bearer ${options.secretKey}`)
      return stripeError(401, 'Invalid API Key provided.')
    const body = parseStripeForm(req.method === 'GET' ? target.search.slice(1) : text)
    requests.push({ method: req.method ?? 'GET', path: target.pathname, body })
    return api(req.method ?? 'GET', target.pathname, body)
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const parts: Buffer[] = []
    req.on('data', (part: Buffer) => parts.push(part))
    req.on('end', () => {
      route(req, Buffer.concat(parts).toString('utf8')).then(
        (reply) => {
          const text = reply.html ?? JSON.stringify(reply.body)
          res.writeHead(reply.status, {
            'content-type': reply.html ? 'text/html; charset=utf-8' : 'application/json',
            'request-id': newId('req'),
          })
          res.end(text)
        },
        (error: unknown) => {
          res.writeHead(500, { 'content-type': 'application/json' })
          res.end(JSON.stringify({ error: { type: 'api_error', message: String(error) } }))
        },
      )
    })
  })
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const event = (type: string, object: object, init: StripeEventInit = {}): Stripe.Event =>
    ({
      id: init.id ?? newId('evt'),
      object: 'event',
      api_version: Stripe.API_VERSION,
      created: init.created ?? now(),
      type,
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object: structuredClone(object) },
    }) as unknown as Stripe.Event

  async function deliver(e: Stripe.Event | string, deliverOptions: DeliverOptions = {}): Promise<Delivery> {
    const payload = typeof e === 'string' ? e : JSON.stringify(e, null, 2)
    const header =
      deliverOptions.header ??
      Stripe.webhooks.generateTestHeaderString({
        payload,
        secret: deliverOptions.secret ?? options.webhookSecret,
        timestamp: deliverOptions.timestamp ?? now(),
      })
    const response = await fetch(options.endpoint(), {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': header },
      body: deliverOptions.body ?? payload,
    })
    const text = await response.text()
    let body: unknown = text
    try {
      body = JSON.parse(text)
    } catch {
      // Not JSON: kept as text for the test to show.
    }
    return { status: response.status, body }
  }

  async function completeCheckout(checkoutUrl: string) {
    const id = new URL(checkoutUrl).pathname.split('/').pop() ?? ''
    const session = sessions.get(id)
    if (!session) throw new Error(`no open Stripe checkout session at ${checkoutUrl}`)
    if (session.status !== 'open') throw new Error(`checkout session ${id} is already ${session.status}`)
    const subscription = createSubscription({
      price: session.price,
      metadata: session.subscription_metadata,
      ...(session.customer ? { customer: session.customer } : {}),
    })
    Object.assign(session, { status: 'complete', customer: subscription.customer, subscription: subscription.id })
    const deliveries = [
      await deliver(event('checkout.session.completed', publicSession(session), { created: subscription.created })),
      await deliver(event('customer.subscription.created', subscription, { created: subscription.created })),
    ]
    return { subscription, deliveries }
  }

  function createSubscription(init: { price: string; metadata: Record<string, string>; customer?: string }) {
    const started = now()
    const subscription: StripeSubscription = {
      id: newId('sub'),
      object: 'subscription',
      customer: init.customer ?? newId('cus'),
      status: 'active',
      metadata: { ...init.metadata },
      created: started,
      items: {
        object: 'list',
        data: [
          {
            id: newId('si'),
            object: 'subscription_item',
            price: { id: init.price, object: 'price' },
            quantity: 1,
            current_period_start: started,
            current_period_end: started + MONTH,
          },
        ],
      },
    }
    subscriptions.set(subscription.id, subscription)
    return structuredClone(subscription)
  }

  function updateSubscription(id: string, change: { status?: Stripe.Subscription.Status; price?: string }) {
    const subscription = subscriptions.get(id)
    if (!subscription) throw new Error(`no Stripe subscription ${id}`)
    if (change.status) subscription.status = change.status
    if (change.price) subscription.items.data[0]!.price.id = change.price
    return structuredClone(subscription)
  }

  return {
    url,
    sessions,
    subscriptions,
    requests,
    event,
    deliver,
    completeCheckout,
    createSubscription,
    updateSubscription,
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
