import crypto from 'node:crypto'
import fs from 'node:fs'
import type http from 'node:http'
import { RECORDING_MEDIA_PREFIX, type RecordingFile } from '../../shared/contract/interviews/recordings'
import { parseByteRange } from './byte-range'

/** Finds a recording's file for the recruiter's page; null when there is no such playable recording. */
export type LocateRecording = (recordingId: string) => Promise<RecordingFile | null>

/**
 * A media element cannot send headers, so the page's own per-run token comes in the query, checked
 * like the socket's. Without it (another local page, or the kiosk's page with its own token) the
 * answer is 403 before the recording is even looked up.
 */
function presentsToken(query: string, token: string): boolean {
  const given = Buffer.from(new URLSearchParams(query).get('token') ?? '')
  const expected = Buffer.from(token)
  return given.length === expected.length && crypto.timingSafeEqual(given, expected)
}

/** Serves one recording to the recruiter's page, with single byte ranges so the player can seek. */
export async function serveRecording(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  headers: Record<string, string>,
  access: { token: string; locate: LocateRecording },
): Promise<void> {
  const [pathname = '', query = ''] = (req.url ?? '').split('?')
  if (!presentsToken(query, access.token)) {
    res.writeHead(403, headers).end()
    return
  }
  let recordingId: string
  try {
    recordingId = decodeURIComponent(pathname.slice(RECORDING_MEDIA_PREFIX.length))
  } catch {
    res.writeHead(404, headers).end()
    return
  }
  const file = await access.locate(recordingId)
  const size = file
    ? await fs.promises.stat(file.absolutePath).then(
        (s) => (s.isFile() ? s.size : null),
        () => null,
      )
    : null
  if (!file || size === null) {
    res.writeHead(404, headers).end()
    return
  }
  const common = { ...headers, 'Content-Type': file.contentType, 'Accept-Ranges': 'bytes', 'Cache-Control': 'no-store' }
  const range = parseByteRange(req.headers.range, size)
  if (range === 'unsatisfiable') {
    res.writeHead(416, { ...common, 'Content-Range': `bytes */${size}` }).end()
    return
  }
  const { start, end } = range ?? { start: 0, end: size - 1 }
  res.writeHead(range ? 206 : 200, {
    ...common,
    'Content-Length': String(size === 0 ? 0 : end - start + 1),
    ...(range ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
  })
  if (req.method === 'HEAD' || size === 0) {
    res.end()
    return
  }
  const stream = fs.createReadStream(file.absolutePath, { start, end })
  stream.on('error', () => res.destroy())
  stream.pipe(res)
}
