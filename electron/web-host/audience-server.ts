import crypto from 'node:crypto'
import http from 'node:http'
import path from 'node:path'
import type { Duplex } from 'node:stream'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import type { Audience } from '../../shared/contract'
import type { RecordingFile } from '../../shared/contract/interviews/recordings'
import type { Logger } from '../core/logger'
import type { Studio } from '../core/studio'
import { upgradeRefusal } from './http-guard'
import { serveHttp } from './http-routes'
import { AUDIENCE_LIMITS } from './limits'
import { relaySocket, sendOrDrop, type RelayDeps } from './socket-relay'

export interface AudienceServerOptions {
  audience: Audience
  studio: Pick<Studio, 'dispatch'>
  rendererDir: string
  logger: Logger
  port: number
}

export interface AudienceServer {
  audience: Audience
  /** http://127.0.0.1:<port>, where this audience's page is served at `/`. */
  origin: string
  /** Sends a pushed event to every socket, or to the one whose connection is `target`. */
  push(text: string, target?: string): void
  close(): Promise<void>
}

/**
 * One audience's own server on its own port: its page with its token at `/`, the built renderer's
 * assets, and its sockets. It knows no other audience's page or token, so a kiosk page, being on
 * another origin, can neither read the recruiter's page nor open a recruiter socket.
 */
export async function startAudienceServer(options: AudienceServerOptions): Promise<AudienceServer> {
  const { audience, logger } = options
  const deps: RelayDeps = { audience, limits: AUDIENCE_LIMITS[audience], studio: options.studio, logger }
  const token = crypto.randomBytes(24).toString('hex')
  const rendererDir = path.resolve(options.rendererDir)
  const sockets = new Map<WebSocket, string>()
  // ws only grows its buffer to maxPayload: a bigger message closes the socket (1009) before it is held.
  const wss = new WebSocketServer({ noServer: true, maxPayload: deps.limits.maxMessageBytes, perMessageDeflate: false })
  let port = 0

  // Recordings are recruiter data: only the recruiter's site can locate them, and as the recruiter.
  const locateRecording =
    audience === 'recruiter'
      ? async (recordingId: string) => {
          const found = await options.studio.dispatch('assessments.recordingFile', { recordingId }, { audience })
          return found.ok ? (found.value as RecordingFile) : null
        }
      : undefined
  const server = http.createServer((req, res) => {
    req.on('error', () => {})
    res.on('error', () => {})
    serveHttp(req, res, { port, audience, token, rendererDir, locateRecording })
  })
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node's http server stops watching a socket once it is handed over here.
    socket.on('error', () => {})
    const refusal = upgradeRefusal(req, { port, token, open: sockets.size, max: deps.limits.maxSockets })
    if (refusal) {
      logger.warn('refused a socket', { audience, status: refusal, origin: req.headers.origin ?? null })
      socket.end(`HTTP/1.1 ${refusal} ${http.STATUS_CODES[refusal]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const connection = crypto.randomUUID()
      sockets.set(ws, connection)
      ws.on('close', () => sockets.delete(ws))
      relaySocket(ws, connection, deps)
    })
  })
  port = await listen(server, options.port)
  server.on('error', (error) => logger.error('the web server failed', { audience, error: String(error) }))

  return {
    audience,
    origin: `http://127.0.0.1:${port}`,
    push(text, target) {
      for (const [ws, connection] of sockets)
        if (target === undefined || target === connection) sendOrDrop(ws, text, deps)
    },
    async close() {
      for (const ws of sockets.keys()) ws.terminate()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve((server.address() as AddressInfo).port)
    })
  })
}
