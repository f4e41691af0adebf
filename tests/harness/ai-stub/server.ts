import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { performance } from 'node:perf_hooks'
import { WebSocketServer, type WebSocket } from 'ws'
import { demoQuestions } from './demo-questions'
import { exampleFor } from './json-example'
import { runLiveSession } from './deepgram-live'
import { listen, speak } from './deepgram-routes'
import { readBody, sendJson } from './http'
import { chatCompletions, embeddings, speech, transcriptions, type RouteCall } from './openai-routes'
import type { StubContext } from './stub-context'
import { demoTranscript } from './transcripts'
import {
  DEFAULT_LATENCY,
  type AiStubOptions,
  type ChatRequestBody,
  type ChatRule,
  type StubFault,
  type StubLatency,
  type StubRequestLog,
  type StubRoute,
  type StubScript,
} from './types'

export interface AiStub {
  /** http://127.0.0.1:PORT */
  url: string
  /** For the openai SDK's baseURL: http://127.0.0.1:PORT/v1 */
  openaiBaseUrl: string
  /** For @deepgram/sdk's base URL (it adds /v1/...): http://127.0.0.1:PORT */
  deepgramBaseUrl: string
  setScript(script: StubScript): void
  setLatency(latency: Partial<StubLatency>): void
  /** The next `times` requests to `route` ('*' for any) fail this way (default: until cleared). */
  setFault(route: StubRoute | '*', fault: StubFault, times?: number): void
  clearFaults(): void
  setAcceptedKeys(keys: string[] | null): void
  /** Every request so far, oldest first. */
  requests: StubRequestLog[]
  /** Open TCP connections (HTTP keep-alive and WebSockets both count). */
  openConnections(): number
  /** HTTP requests whose response has not finished or closed. */
  activeRequests(): number
  /** Live /v1/listen sockets still open. */
  liveSessions(): number
  close(): Promise<void>
}

const OPENAI_DEFAULT_REPLIES = [
  'Thank you, that is helpful. Could you walk me through a specific example where you did that?',
  'I see. What was the hardest part of that, and how did you handle it?',
  'Thanks. How would you approach the same problem if you had to start again today?',
]

const ROUTES: Record<string, StubRoute> = {
  'POST /v1/chat/completions': 'chat',
  'POST /v1/embeddings': 'embeddings',
  'POST /v1/audio/transcriptions': 'transcriptions',
  'POST /v1/audio/speech': 'speech',
  'POST /v1/listen': 'listen',
  'POST /v1/speak': 'speak',
}

const HANDLERS: Record<Exclude<StubRoute, 'listen-live'>, (call: RouteCall) => Promise<void>> = {
  chat: chatCompletions,
  embeddings,
  transcriptions,
  speech,
  listen,
  speak,
}

const isDeepgram = (route: StubRoute) => route === 'listen' || route === 'speak' || route === 'listen-live'

function lastUserText(body: ChatRequestBody): string {
  const last = [...body.messages].reverse().find((m) => m.role === 'user')
  return typeof last?.content === 'string' ? last.content : ''
}

function errorBody(route: StubRoute, status: number, message: string) {
  return isDeepgram(route)
    ? {
        err_code: status === 401 ? 'INVALID_AUTH' : status === 429 ? 'TOO_MANY_REQUESTS' : 'INTERNAL_SERVER_ERROR',
        err_msg: message,
        request_id: 'stub',
      }
    : {
        error: {
          message,
          type: status === 429 ? 'requests' : status === 401 ? 'invalid_request_error' : 'server_error',
          param: null,
          code: status === 401 ? 'invalid_api_key' : status === 429 ? 'rate_limit_exceeded' : null,
        },
      }
}

/** The key a request presented: "Bearer …" for OpenAI, "Token …" (or a browser's subprotocol) for Deepgram. */
function presentedKey(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization
  const match = header ? /^(?:Bearer|Token)\s+(.+)$/i.exec(header) : null
  if (match) return match[1]!.trim()
  const protocols = String(req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim())
  return protocols[0]?.toLowerCase() === 'token' ? protocols[1] : undefined
}

/**
 * One local server that speaks the OpenAI and Deepgram endpoints Panelist uses, so the real SDKs
 * can be pointed at it: scripted answers, latency knobs and faults on demand. Listens on 127.0.0.1.
 */
export async function startAiStub(options: AiStubOptions = {}): Promise<AiStub> {
  let latency: StubLatency = { ...DEFAULT_LATENCY, ...options.latency }
  let script: StubScript = options.script ?? {}
  let ruleUses = new Map<ChatRule, number>()
  let transcriptTurn = 0
  let faults: { route: StubRoute | '*'; fault: StubFault; remaining: number }[] = []
  let acceptedKeys: Set<string> | null = options.acceptedKeys ? new Set(options.acceptedKeys) : null
  let replyTurn = 0
  const requests: StubRequestLog[] = []
  const sockets = new Set<Socket>()
  const active = new Set<ServerResponse>()
  const live = new Set<WebSocket>()

  const ctx: StubContext = {
    latency: () => latency,
    script: () => script,
    nextTranscript() {
      const turn = transcriptTurn++
      const list = script.transcripts
      return list?.length ? list[turn % list.length]! : demoTranscript(turn)
    },
    chatReply(body, headers) {
      const wantsJson = body.response_format?.type === 'json_schema' || body.response_format?.type === 'json_object'
      const lastUser = lastUserText(body)
      const system = body.messages
        .filter((m) => m.role === 'system')
        .map((m) => String(m.content))
        .join('\n')
      for (const rule of script.chat ?? []) {
        const used = ruleUses.get(rule) ?? 0
        if (rule.times !== undefined && used >= rule.times) continue
        const w = rule.when ?? {}
        if (w.lastUserIncludes !== undefined && !lastUser.includes(w.lastUserIncludes)) continue
        if (w.systemIncludes !== undefined && !system.includes(w.systemIncludes)) continue
        if (w.model !== undefined && body.model !== w.model) continue
        if (w.json !== undefined && w.json !== wantsJson) continue
        if (w.header && headers[w.header.name.toLowerCase()] !== w.header.value) continue
        ruleUses.set(rule, used + 1)
        return typeof rule.reply === 'function' ? rule.reply(body) : rule.reply
      }
      const generated = wantsJson ? demoQuestions(lastUser) : null
      if (generated) return JSON.stringify(generated)
      if (body.response_format?.type === 'json_schema')
        return JSON.stringify(exampleFor(body.response_format.json_schema?.schema ?? {}))
      if (wantsJson) return '{}'
      return OPENAI_DEFAULT_REPLIES[replyTurn++ % OPENAI_DEFAULT_REPLIES.length]!
    },
  }

  const takeFault = (route: StubRoute): StubFault | undefined => {
    const found = faults.find((f) => (f.route === route || f.route === '*') && f.remaining > 0)
    if (!found) return undefined
    found.remaining--
    faults = faults.filter((f) => f.remaining > 0)
    return found.fault
  }

  const logEntry = (req: IncomingMessage, route: StubRoute, url: URL): StubRequestLog => {
    const entry: StubRequestLog = {
      route,
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]),
      ),
      bytes: 0,
      startedAt: performance.now(),
    }
    requests.push(entry)
    return entry
  }

  /** A fault answered with a status, or null when the route itself plays the fault out. */
  const statusFor = (
    fault: StubFault | undefined,
    key: string | undefined,
  ): { status: number; headers: Record<string, string>; message: string } | null => {
    if (!key || (acceptedKeys && !acceptedKeys.has(key)) || fault?.kind === 'unauthorized') {
      return { status: 401, headers: {}, message: 'Incorrect API key provided.' }
    }
    if (fault?.kind === 'rate_limit') {
      return {
        status: 429,
        headers: { 'retry-after': String(fault.retryAfterSec ?? 1) },
        message: 'Rate limit reached. Please try again later.',
      }
    }
    if (fault?.kind === 'server_error')
      return {
        status: fault.status ?? 500,
        headers: {},
        message: 'The server had an error while processing your request.',
      }
    return null
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const route = ROUTES[`${req.method} ${url.pathname}`]
    if (!route) {
      res.writeHead(404, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ error: { message: `The stub does not serve ${req.method} ${url.pathname}` } }))
      return
    }
    active.add(res)
    res.once('close', () => active.delete(res))
    const entry = logEntry(req, route, url)
    res.once('close', () => (entry.endedAt ??= performance.now()))
    let body: Buffer
    try {
      body = await readBody(req)
    } catch {
      return
    }
    entry.bytes = body.length
    if ((req.headers['content-type'] ?? '').includes('application/json')) {
      try {
        entry.json = JSON.parse(body.toString('utf8'))
      } catch {
        return sendJson(res, entry, 400, errorBody(route, 400, 'We could not parse the JSON body of your request.'))
      }
    }
    const fault = takeFault(route)
    entry.fault = fault?.kind
    const refusal = statusFor(fault, presentedKey(req))
    if (refusal)
      return sendJson(res, entry, refusal.status, errorBody(route, refusal.status, refusal.message), refusal.headers)
    // A hang accepts the request and never answers; the client's deadline or our close() ends it.
    if (fault?.kind === 'hang') return
    try {
      await HANDLERS[route as Exclude<StubRoute, 'listen-live'>]({ req, res, body, entry, fault, ctx })
    } catch (error) {
      if (!res.headersSent) sendJson(res, entry, 500, errorBody(route, 500, `stub error: ${String(error)}`))
      else res.destroy()
    }
  })
  server.keepAliveTimeout = 5_000

  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => (protocols.has('token') ? 'token' : false),
  })
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname !== '/v1/listen') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n')
      return
    }
    const entry = logEntry(req, 'listen-live', url)
    const fault = takeFault('listen-live')
    entry.fault = fault?.kind
    const refusal = statusFor(fault, presentedKey(req))
    if (refusal) {
      const text = JSON.stringify(errorBody('listen-live', refusal.status, refusal.message))
      const extra = Object.entries(refusal.headers)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('')
      socket.end(
        `HTTP/1.1 ${refusal.status} Refused\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\n${extra}Connection: close\r\n\r\n${text}`,
      )
      entry.endedAt = performance.now()
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      live.add(ws)
      ws.once('close', () => live.delete(ws))
      runLiveSession(ws, entry, ctx, fault)
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url,
    openaiBaseUrl: `${url}/v1`,
    deepgramBaseUrl: url,
    setScript(next) {
      script = next
      ruleUses = new Map()
      transcriptTurn = 0
      replyTurn = 0
    },
    setLatency(next) {
      latency = { ...latency, ...next }
    },
    setFault(route, fault, times = Number.POSITIVE_INFINITY) {
      faults.push({ route, fault, remaining: times })
    },
    clearFaults() {
      faults = []
    },
    setAcceptedKeys(keys) {
      acceptedKeys = keys ? new Set(keys) : null
    },
    requests,
    openConnections: () => sockets.size,
    activeRequests: () => active.size,
    liveSessions: () => live.size,
    async close() {
      for (const ws of live) ws.terminate()
      wss.close()
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      for (const socket of sockets) socket.destroy()
      await closed
    },
  }
}
