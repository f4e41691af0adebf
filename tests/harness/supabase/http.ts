import type { IncomingMessage, ServerResponse } from 'node:http'

export interface Reply {
  status: number
  body?: unknown
  /** A body sent as is (an Edge Function's page, a stored file), instead of `body` as JSON. */
  raw?: string | Buffer
  headers?: Record<string, string>
}

export function readBody(req: IncomingMessage, limit = 16 * 1024 * 1024): Promise<string> {
  return readBytes(req, limit).then((bytes) => bytes.toString('utf8'))
}

export function readBytes(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = []
    let size = 0
    req.on('data', (part: Buffer) => {
      size += part.length
      if (size > limit) {
        reject(new Error('body too large'))
        req.destroy()
        return
      }
      parts.push(part)
    })
    req.on('end', () => resolve(Buffer.concat(parts)))
    req.on('error', reject)
  })
}

/** JSON.parse that answers undefined instead of throwing, for bodies the caller validates next. */
export function parseJson(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text)
  } catch {
    return undefined
  }
}

export function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return
  const text = reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body))
  res.writeHead(reply.status, {
    ...(text && reply.raw === undefined ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    'content-length': String(Buffer.byteLength(text)),
    ...reply.headers,
  })
  res.end(text)
}

export function bearerToken(req: IncomingMessage): string | null {
  const match = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')
  return match ? match[1]!.trim() : null
}
