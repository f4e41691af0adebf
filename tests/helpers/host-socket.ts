import crypto from 'node:crypto'
import net from 'node:net'
import WebSocket from 'ws'

export type Reply = { ok: boolean; value?: unknown; error?: { code: string; message: string } }

/** The per-run token a page of the web host carries for its audience. */
export async function pageToken(url: string): Promise<string> {
  const html = await (await fetch(url)).text()
  const token = /name="panelist-token" content="([0-9a-f]+)"/.exec(html)?.[1]
  if (!token) throw new Error(`No token in ${url}: is the renderer built (npm run build)?`)
  return token
}

/**
 * A client of the web host as its own page would be: it reads the per-run token from the page at
 * `url` (the recruiter's `url` or the kiosk's `kioskUrl`) and opens the socket with the page's origin.
 */
export async function hostSocket(url: string) {
  const token = await pageToken(url)
  const origin = new URL(url).origin
  const ws = new WebSocket(`${origin.replace('http', 'ws')}/ws?token=${token}`, { origin })
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
  let nextId = 1
  const pending = new Map<number, (result: Reply) => void>()
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString())
    if (message.type === 'result') {
      pending.get(message.id)?.(message.result)
      pending.delete(message.id)
    }
  })
  const request = (name: string, input: unknown) => {
    const id = nextId++
    return new Promise<Reply>((resolve) => {
      pending.set(id, resolve)
      ws.send(JSON.stringify({ type: 'invoke', id, name, input }))
    })
  }
  return {
    ws,
    /** The typed Result as the page gets it, failures included. */
    request,
    async call<T>(name: string, input: unknown): Promise<T> {
      const result = await request(name, input)
      if (!result.ok) throw new Error(`${name}: ${result.error!.message}`)
      return result.value as T
    },
    close: () => ws.close(),
  }
}

export interface RawUpgrade {
  /** The HTTP status the host answered the handshake with (101 when it became a WebSocket). */
  status: number
  socket: net.Socket
  /** Bytes the host sent after the handshake's head (frames). */
  received(): Buffer
  /** Resolves when the host has closed the connection. */
  closed: Promise<void>
}

/**
 * A WebSocket handshake written by hand over a plain TCP socket, so a test can send what no
 * well-behaved client would: any Host or Origin header, and afterwards raw bytes (broken frames).
 */
export async function rawUpgrade(
  url: string,
  { path = '/ws', host, origin }: { path?: string; host?: string; origin?: string },
): Promise<RawUpgrade> {
  const target = new URL(url)
  const socket = net.connect(Number(target.port), target.hostname)
  socket.on('error', () => {})
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
  let buffer = Buffer.alloc(0)
  const head = new Promise<Buffer>((resolve, reject) => {
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk])
      const end = buffer.indexOf('\r\n\r\n')
      if (end >= 0) resolve(buffer.subarray(0, end + 4))
    })
    void closed.then(() => reject(new Error('the host closed the connection without answering the handshake')))
  })
  const headers = [
    `GET ${path} HTTP/1.1`,
    `Host: ${host ?? target.host}`,
    `Origin: ${origin ?? target.origin}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${crypto.randomBytes(16).toString('base64')}`,
    'Sec-WebSocket-Version: 13',
  ]
  socket.write(headers.join('\r\n') + '\r\n\r\n')
  const answer = await head
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer.toString('latin1'))?.[1] ?? 0)
  return { status, socket, received: () => buffer.subarray(answer.length), closed }
}

/** A client frame: FIN set, the given opcode, masked unless told otherwise. */
export function clientFrame(opcode: number, payload: Buffer, { masked = true } = {}): Buffer {
  const length =
    payload.length < 126
      ? Buffer.from([payload.length | (masked ? 0x80 : 0)])
      : Buffer.from([126 | (masked ? 0x80 : 0), payload.length >> 8, payload.length & 0xff])
  if (!masked) return Buffer.concat([Buffer.from([0x80 | opcode]), length, payload])
  const mask = crypto.randomBytes(4)
  const body = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!))
  return Buffer.concat([Buffer.from([0x80 | opcode]), length, mask, body])
}

export type Heard = { message: unknown } | { closed: number }

/** What a socket hears next: a message, or the code it was closed with. */
export function nextHeard(ws: WebSocket): Promise<Heard> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => done({ message: JSON.parse(data.toString()) })
    const onClose = (code: number) => done({ closed: code })
    const done = (heard: Heard) => {
      ws.off('message', onMessage).off('close', onClose)
      resolve(heard)
    }
    ws.on('message', onMessage).on('close', onClose)
  })
}
