import crypto from 'node:crypto'
import fs from 'node:fs'
import { RECORDING_MEDIA_PREFIX, type RecordingFile } from '../../shared/contract/interviews/recordings'
import { parseByteRange } from './byte-range'

/** Finds a recording's file for the recruiter's page; null when there is no such playable recording. */
export type LocateRecording = (recordingId: string) => Promise<RecordingFile | null>

export interface RecordingAccess {
  /** The recruiter page's per-run token; a media element cannot send headers, so it comes in the query. */
  token: string
  locate: LocateRecording
}

/** What to answer a recording request with; each host writes it in its own transport. */
export type RecordingReply =
  | { status: 403 | 404; headers: Record<string, string> }
  | { status: 416; headers: Record<string, string> }
  | { status: 200 | 206; headers: Record<string, string>; body: { file: string; start: number; end: number } | null }

const sameToken = (given: string, expected: string) => {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && crypto.timingSafeEqual(a, b)
}

async function sizeOf(file: string): Promise<number | null> {
  return fs.promises.stat(file).then(
    (s) => (s.isFile() ? s.size : null),
    () => null,
  )
}

/**
 * One recording for the recruiter's page, the same on the desktop and in the web host: refused (403)
 * without the page's token, before anything is looked up; 404 for an unknown, unfinished or
 * misplaced recording; otherwise the file, or the single byte range the player asks for to seek.
 */
export async function replyForRecording(
  request: { pathname: string; token: string | null; range: string | undefined; method: string },
  access: RecordingAccess,
): Promise<RecordingReply> {
  if (!sameToken(request.token ?? '', access.token)) return { status: 403, headers: {} }
  let recordingId: string
  try {
    recordingId = decodeURIComponent(request.pathname.slice(RECORDING_MEDIA_PREFIX.length))
  } catch {
    return { status: 404, headers: {} }
  }
  const file = await access.locate(recordingId)
  const size = file ? await sizeOf(file.absolutePath) : null
  if (!file || size === null) return { status: 404, headers: {} }
  const headers = {
    'Content-Type': file.contentType,
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  }
  const range = parseByteRange(request.range, size)
  if (range === 'unsatisfiable') return { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}` } }
  const { start, end } = range ?? { start: 0, end: size - 1 }
  return {
    status: range ? 206 : 200,
    headers: {
      ...headers,
      'Content-Length': String(size === 0 ? 0 : end - start + 1),
      ...(range ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
    },
    body: request.method === 'HEAD' || size === 0 ? null : { file: file.absolutePath, start, end },
  }
}
