import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { budget } from '../../helpers/patience'

export interface Received {
  headers: Record<string, string>
  body: string
  status: number
}

export interface Receiver {
  url: string
  received: Received[]
  /** The status answered once `statuses` is used up (200 at first). */
  answerWith(status: number): void
  /** Starts answering (again) on the same port. */
  listen(): Promise<void>
  close(): Promise<void>
}

/**
 * An ATS's webhook endpoint on 127.0.0.1: it keeps each request's headers and raw body, and answers
 * with the next status in `statuses`, then with `answerWith`'s (200 until changed). Created closed when `down`, so the port refuses
 * connections until `listen`.
 */
export async function startReceiver(options: { statuses?: number[]; down?: boolean } = {}): Promise<Receiver> {
  const statuses = [...(options.statuses ?? [])]
  const received: Received[] = []
  let fallback = 200
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const status = statuses.shift() ?? fallback
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]))
      received.push({ headers, body: Buffer.concat(chunks).toString('utf8'), status })
      res.writeHead(status, { 'content-type': 'text/plain' })
      res.end(status === 200 ? 'ok' : 'x'.repeat(10_000))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()))
  if (options.down) await close()
  return {
    url: `http://127.0.0.1:${port}/ats/hooks`,
    received,
    answerWith: (status) => {
      fallback = status
    },
    listen: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    close: () => (server.listening ? close() : Promise.resolve()),
  }
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs` (scaled for the machine's load). */
export async function eventually<T>(
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = budget(10_000),
): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > until) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
