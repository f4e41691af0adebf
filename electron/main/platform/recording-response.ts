import crypto from 'node:crypto'
import fs from 'node:fs'
import { Readable } from 'node:stream'
import { RECORDING_MEDIA_PREFIX } from '../../../shared/contract/interviews/recordings'
import { parseByteRange } from '../../web-host/byte-range'
import type { LocateRecording } from '../../web-host/media-route'

/**
 * The desktop's media route: the recruiter window's page fetches `panelist://app/media/recordings/<id>`
 * with a per-run token only that window's address carries (the kiosk window's does not), the same
 * check the web host makes with its page token. Plain web Request and Response, so it is tested
 * without Electron.
 */
export const MEDIA_TOKEN_PARAM = 'media'

/** The recruiter window's address with the media token in its query (the router keeps to the hash). */
export function withMediaToken(url: string, token: string): string {
  const parsed = new URL(url)
  parsed.searchParams.set(MEDIA_TOKEN_PARAM, token)
  return parsed.toString()
}

export function isRecordingRequest(url: URL): boolean {
  return url.pathname.startsWith(RECORDING_MEDIA_PREFIX)
}

const sameToken = (given: string, expected: string) => {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && crypto.timingSafeEqual(a, b)
}

/** One recording for the recruiter window, with single byte ranges so its player can seek. */
export async function recordingResponse(
  request: Request,
  access: { token: string; locate: LocateRecording },
): Promise<Response> {
  const url = new URL(request.url)
  if (!sameToken(url.searchParams.get('token') ?? '', access.token)) return new Response(null, { status: 403 })
  let recordingId: string
  try {
    recordingId = decodeURIComponent(url.pathname.slice(RECORDING_MEDIA_PREFIX.length))
  } catch {
    return new Response(null, { status: 404 })
  }
  const file = await access.locate(recordingId)
  const size = file
    ? await fs.promises.stat(file.absolutePath).then(
        (s) => (s.isFile() ? s.size : null),
        () => null,
      )
    : null
  if (!file || size === null) return new Response(null, { status: 404 })
  const headers = {
    'Content-Type': file.contentType,
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  }
  const range = parseByteRange(request.headers.get('range') ?? undefined, size)
  if (range === 'unsatisfiable') {
    return new Response(null, { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}` } })
  }
  const { start, end } = range ?? { start: 0, end: size - 1 }
  const partHeaders = {
    ...headers,
    'Content-Length': String(size === 0 ? 0 : end - start + 1),
    ...(range ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
  }
  const status = range ? 206 : 200
  if (request.method === 'HEAD' || size === 0) return new Response(null, { status, headers: partHeaders })
  const body = Readable.toWeb(fs.createReadStream(file.absolutePath, { start, end }))
  return new Response(body as unknown as ConstructorParameters<typeof Response>[0], { status, headers: partHeaders })
}
