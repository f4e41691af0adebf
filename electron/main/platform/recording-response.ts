import fs from 'node:fs'
import { Readable } from 'node:stream'
import { RECORDING_MEDIA_PREFIX } from '../../../shared/contract/interviews/recordings'
import { replyForRecording, type RecordingAccess } from '../../web-host/recording-reply'

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

/** One recording for the recruiter window, with single byte ranges so its player can seek. */
export async function recordingResponse(request: Request, access: RecordingAccess): Promise<Response> {
  const url = new URL(request.url)
  const reply = await replyForRecording(
    {
      pathname: url.pathname,
      token: url.searchParams.get('token'),
      range: request.headers.get('range') ?? undefined,
      method: request.method,
    },
    access,
  )
  const body =
    'body' in reply && reply.body
      ? Readable.toWeb(fs.createReadStream(reply.body.file, { start: reply.body.start, end: reply.body.end }))
      : null
  return new Response(body as unknown as ConstructorParameters<typeof Response>[0], {
    status: reply.status,
    headers: reply.headers,
  })
}
