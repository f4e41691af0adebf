import type { WebSocket } from 'ws'
import type { Audience, Result } from '../../shared/contract'
import type { Logger } from '../core/logger'
import type { Studio } from '../core/studio'
import type { AudienceLimits } from './limits'
import { parseInvoke, type InvokeMessage } from './messages'

export interface RelayDeps {
  audience: Audience
  limits: AudienceLimits
  studio: Pick<Studio, 'dispatch'>
  logger: Logger
}

/** Sends to an open socket, and drops one that is too far behind on reading (see maxBufferedBytes). */
export function sendOrDrop(ws: WebSocket, text: string, deps: Omit<RelayDeps, 'studio'>): void {
  if (ws.readyState !== ws.OPEN) return
  if (ws.bufferedAmount > deps.limits.maxBufferedBytes) {
    deps.logger.warn('dropped a socket that stopped reading', { audience: deps.audience, buffered: ws.bufferedAmount })
    ws.terminate()
    return
  }
  ws.send(text)
}

/**
 * Relays an accepted socket's requests, each answered on it. A broken frame (over the size limit,
 * not UTF-8, unmasked, an unknown opcode) makes ws close this socket with the matching code; the
 * listener is what keeps that error from ending the process.
 */
export function relaySocket(ws: WebSocket, connection: string, deps: RelayDeps): void {
  ws.on('error', (error: Error & { code?: string }) =>
    deps.logger.warn('closed a socket that sent a broken frame', { audience: deps.audience, code: error.code }),
  )
  ws.on('message', (data, isBinary) => {
    void answer(ws, connection, isBinary ? null : parseInvoke(data.toString()), deps)
  })
}

async function answer(ws: WebSocket, connection: string, message: InvokeMessage | null, deps: RelayDeps) {
  if (!message) {
    sendOrDrop(ws, JSON.stringify({ type: 'error', message: 'Malformed message' }), deps)
    return
  }
  const result = await dispatch(message, connection, deps)
  sendOrDrop(ws, JSON.stringify({ type: 'result', id: message.id, result }), deps)
}

/** The core's answer; a request that cannot even be handed to the core fails alone instead of ending the host. */
async function dispatch(message: InvokeMessage, connection: string, deps: RelayDeps): Promise<Result<unknown>> {
  try {
    return await deps.studio.dispatch(message.name, message.input, { audience: deps.audience, connection })
  } catch (error) {
    deps.logger.error('could not pass a request to the core', { name: message.name, error: String(error) })
    return { ok: false, error: { code: 'internal', message: 'The request could not be passed to the studio.' } }
  }
}
