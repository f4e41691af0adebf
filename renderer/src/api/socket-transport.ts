import type { Result } from '../../../shared/contract'
import type { Transport } from './transport'

type ServerMessage =
  { type: 'result'; id: number; result: Result<unknown> } | { type: 'event'; name: string; payload: unknown }

/**
 * The web host's transport: one WebSocket carrying request/result pairs and pushed events. It
 * reconnects after the host restarts and fails in-flight requests as `unavailable` meanwhile.
 */
export function socketTransport(url: string): Transport {
  let socket: WebSocket | null = null
  let nextId = 1
  let retryMs = 250
  const pending = new Map<number, (result: Result<unknown>) => void>()
  const queued: string[] = []
  const listeners = new Set<{ name: string; listener: (payload: unknown) => void }>()

  const connect = () => {
    const ws = new WebSocket(url)
    socket = ws
    ws.onopen = () => {
      retryMs = 250
      queued.splice(0).forEach((message) => ws.send(message))
    }
    ws.onmessage = (message) => {
      const data = JSON.parse(String(message.data)) as ServerMessage
      if (data.type === 'result') {
        pending.get(data.id)?.(data.result)
        pending.delete(data.id)
      } else
        listeners.forEach((entry) => {
          if (entry.name === data.name) entry.listener(data.payload)
        })
    }
    ws.onclose = () => {
      socket = null
      for (const [id, resolve] of pending) {
        resolve({ ok: false, error: { code: 'unavailable', message: 'Lost the connection to the studio; retrying.' } })
        pending.delete(id)
      }
      setTimeout(connect, retryMs)
      retryMs = Math.min(retryMs * 2, 4000)
    }
  }
  connect()

  return {
    invoke(name, input) {
      const id = nextId++
      const message = JSON.stringify({ type: 'invoke', id, name, input })
      return new Promise((resolve) => {
        pending.set(id, resolve)
        if (socket?.readyState === WebSocket.OPEN) socket.send(message)
        else queued.push(message)
      })
    },
    on(name, listener) {
      const entry = { name, listener }
      listeners.add(entry)
      return () => listeners.delete(entry)
    },
  }
}
