import fs from 'node:fs'
import type http from 'node:http'
import { replyForRecording, type RecordingAccess } from './recording-reply'

export type { LocateRecording } from './recording-reply'

/**
 * Serves one recording to the recruiter's page, with single byte ranges so the player can seek. The
 * page's own per-run token comes in the query, checked like the socket's: without it (another local
 * page, or the kiosk's page with its own token) the answer is 403 before anything is looked up.
 */
export async function serveRecording(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  headers: Record<string, string>,
  access: RecordingAccess,
): Promise<void> {
  const [pathname = '', query = ''] = (req.url ?? '').split('?')
  const reply = await replyForRecording(
    {
      pathname,
      token: new URLSearchParams(query).get('token'),
      range: req.headers.range,
      method: req.method ?? 'GET',
    },
    access,
  )
  res.writeHead(reply.status, { ...headers, ...reply.headers })
  if (!('body' in reply) || !reply.body) {
    res.end()
    return
  }
  const stream = fs.createReadStream(reply.body.file, { start: reply.body.start, end: reply.body.end })
  stream.on('error', () => res.destroy())
  stream.pipe(res)
}
