import type { IncomingMessage, ServerResponse } from 'node:http'
import { performance } from 'node:perf_hooks'
import type { StubRequestLog } from './types'

export function readBody(req: IncomingMessage, limit = 64 * 1024 * 1024): Promise<Buffer> {
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

/** Waits, unless the client goes away first; resolves false then, so the caller stops writing. */
export function waitUnlessClosed(ms: number, res: ServerResponse): Promise<boolean> {
  if (res.destroyed || res.writableEnded) return Promise.resolve(false)
  if (ms <= 0) return Promise.resolve(true)
  return new Promise((resolve) => {
    const onClose = () => {
      clearTimeout(timer)
      resolve(false)
    }
    const timer = setTimeout(() => {
      res.off('close', onClose)
      resolve(!res.destroyed)
    }, ms)
    res.once('close', onClose)
  })
}

/** Writes a body chunk and stamps the log entry with the first byte's time. */
export function writeChunk(res: ServerResponse, entry: StubRequestLog, chunk: string | Uint8Array): boolean {
  if (res.destroyed) return false
  entry.firstByteAt ??= performance.now()
  res.write(chunk)
  return true
}

export function sendJson(
  res: ServerResponse,
  entry: StubRequestLog,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed) return
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers })
  entry.firstByteAt ??= performance.now()
  res.end(text)
}

/** Ends the response by destroying the socket mid-body, as a dropped connection looks to the client. */
export function dropConnection(res: ServerResponse): void {
  res.socket?.destroy()
  res.destroy()
}

/** Streams bytes in chunks with the stub's audio latency, or drops the connection after a few chunks. */
export async function streamBytes(
  res: ServerResponse,
  entry: StubRequestLog,
  bytes: Uint8Array,
  options: {
    contentType: string
    firstByteMs: number
    intervalMs: number
    chunkBytes: number
    dropAfterChunks?: number
  },
): Promise<void> {
  res.writeHead(200, { 'content-type': options.contentType, 'transfer-encoding': 'chunked' })
  res.flushHeaders()
  if (!(await waitUnlessClosed(options.firstByteMs, res))) return
  let sent = 0
  for (let at = 0; at < bytes.byteLength; at += options.chunkBytes) {
    if (options.dropAfterChunks !== undefined && sent >= options.dropAfterChunks) return dropConnection(res)
    if (sent > 0 && !(await waitUnlessClosed(options.intervalMs, res))) return
    if (!writeChunk(res, entry, bytes.subarray(at, at + options.chunkBytes))) return
    sent++
    // Yield between chunks so each goes out as its own write, as a real streaming server's would.
    if (options.intervalMs <= 0) await new Promise((resolve) => setImmediate(resolve))
  }
  res.end()
}
