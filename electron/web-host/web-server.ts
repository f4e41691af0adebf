import crypto from 'node:crypto'
import http from 'node:http'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import { kioskEventNames, type Audience } from '../../shared/contract'
import type { Logger } from '../core/logger'
import type { Studio } from '../core/studio'
import { contentType, readStatic, resolveStatic } from './static-files'

export interface WebServerOptions {
  studio: Pick<Studio, 'dispatch' | 'events'>
  rendererDir: string
  logger: Logger
  port?: number
  /** Largest message a client may send (file uploads travel as base64 inside requests). */
  maxMessageBytes?: number
}

export interface WebServer {
  url: string
  kioskUrl: string
  close(): Promise<void>
}

interface InvokeMessage {
  type: 'invoke'
  id: number
  name: string
  input: unknown
}

function parseInvoke(raw: string): InvokeMessage | null {
  try {
    const data = JSON.parse(raw) as Partial<InvokeMessage>
    if (data.type !== 'invoke' || typeof data.id !== 'number' || typeof data.name !== 'string') return null
    return data as InvokeMessage
  } catch {
    return null
  }
}

/**
 * Serves the built renderer and the studio's handlers over a WebSocket on 127.0.0.1. Each page is
 * served with a per-run token for its audience (recruiter at /, kiosk at /kiosk); a socket must
 * present one and come from this server's own origin, so other local pages and processes cannot drive it.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { studio, logger } = options
  const rendererDir = path.resolve(options.rendererDir)
  const tokens = new Map<string, Audience>([
    [crypto.randomBytes(24).toString('hex'), 'recruiter'],
    [crypto.randomBytes(24).toString('hex'), 'kiosk'],
  ])
  const tokenFor = (audience: Audience) => [...tokens].find(([, a]) => a === audience)![0]
  let origin = ''

  const page = (audience: Audience): Buffer | null => {
    const html = readStatic(path.join(rendererDir, 'index.html'))
    if (!html) return null
    const meta = `<meta name="panelist-token" content="${tokenFor(audience)}" /><meta name="panelist-audience" content="${audience}" />`
    return Buffer.from(html.toString('utf8').replace('<head>', `<head>${meta}`))
  }

  const server = http.createServer((req, res) => {
    const url = req.url ?? '/'
    const headers: Record<string, string> = {
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Content-Security-Policy': `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob: mediastream:; connect-src 'self' ${origin.replace('http', 'ws')}; object-src 'none'; base-uri 'none'; frame-ancestors 'none'`,
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers).end()
      return
    }
    const pathname = url.split('?')[0]!
    const audience: Audience | null =
      pathname === '/' || pathname === '/index.html' ? 'recruiter' : pathname === '/kiosk' ? 'kiosk' : null
    if (audience) {
      const body = page(audience)
      if (!body) {
        res
          .writeHead(503, { ...headers, 'Content-Type': 'text/plain' })
          .end('The renderer is not built: run `npm run build`.')
        return
      }
      res
        .writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
        .end(body)
      return
    }
    const file = resolveStatic(rendererDir, pathname)
    const body = file ? readStatic(file) : null
    if (!file || !body) {
      res.writeHead(404, headers).end()
      return
    }
    res.writeHead(200, { ...headers, 'Content-Type': contentType(file) }).end(body)
  })

  const sockets = new Map<WebSocket, { audience: Audience; connection: string }>()
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes ?? 64 * 1024 * 1024 })

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin)
    const audience = url.pathname === '/ws' ? tokens.get(url.searchParams.get('token') ?? '') : undefined
    if (!audience || req.headers.origin !== origin) {
      logger.warn('refused a socket', { origin: req.headers.origin ?? null, path: url.pathname })
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n')
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const connection = crypto.randomUUID()
      sockets.set(ws, { audience, connection })
      ws.on('close', () => sockets.delete(ws))
      ws.on('message', async (data) => {
        const message = parseInvoke(data.toString())
        if (!message) {
          ws.send(JSON.stringify({ type: 'error', message: 'Malformed message' }))
          return
        }
        const result = await studio.dispatch(message.name, message.input, { audience, connection })
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'result', id: message.id, result }))
      })
    })
  })

  const unsubscribe = studio.events.subscribe((name, payload, target) => {
    const text = JSON.stringify({ type: 'event', name, payload })
    for (const [ws, { audience, connection }] of sockets) {
      if (target !== undefined && target !== connection) continue
      if (audience === 'kiosk' && !kioskEventNames.has(name)) continue
      if (ws.readyState === ws.OPEN) ws.send(text)
    }
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`

  return {
    url: `${origin}/`,
    kioskUrl: `${origin}/kiosk`,
    async close() {
      unsubscribe()
      for (const ws of sockets.keys()) ws.terminate()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
