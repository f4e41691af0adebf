import type http from 'node:http'
import path from 'node:path'
import type { Audience } from '../../shared/contract'
import { RECORDING_MEDIA_PREFIX } from '../../shared/contract/interviews/recordings'
import { isOwnHost, securityHeaders } from './http-guard'
import { serveRecording, type LocateRecording } from './media-route'
import { contentType, readStatic, resolveStatic } from './static-files'

export interface Site {
  port: number
  audience: Audience
  token: string
  rendererDir: string
  /** The recruiter's site only: recordings for the review screen. The kiosk's site serves none. */
  locateRecording?: LocateRecording
}

/** GET of this audience's page at `/` (or `/index.html`), else one of the built renderer's files. */
export function serveHttp(req: http.IncomingMessage, res: http.ServerResponse, site: Site): void {
  const host = req.headers.host
  if (!isOwnHost(host, site.port)) {
    res.writeHead(403, { 'Content-Type': 'text/plain' }).end('Unknown host.')
    return
  }
  const headers = securityHeaders(host!)
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, headers).end()
    return
  }
  const pathname = (req.url ?? '/').split('?')[0]!
  if (pathname.startsWith(RECORDING_MEDIA_PREFIX) && site.locateRecording) {
    serveRecording(req, res, headers, { token: site.token, locate: site.locateRecording }).catch(() => res.destroy())
    return
  }
  if (pathname === '/' || pathname === '/index.html') {
    servePage(res, headers, site)
    return
  }
  const file = resolveStatic(site.rendererDir, pathname)
  const body = file ? readStatic(file) : null
  if (!file || !body) {
    res.writeHead(404, headers).end()
    return
  }
  res.writeHead(200, { ...headers, 'Content-Type': contentType(file) }).end(body)
}

function servePage(res: http.ServerResponse, headers: Record<string, string>, site: Site): void {
  const html = readStatic(path.join(site.rendererDir, 'index.html'))
  if (!html) {
    res
      .writeHead(503, { ...headers, 'Content-Type': 'text/plain' })
      .end('The renderer is not built: run `npm run build`.')
    return
  }
  const meta = `<meta name="panelist-token" content="${site.token}" /><meta name="panelist-audience" content="${site.audience}" />`
  res
    .writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
    .end(html.toString('utf8').replace('<head>', `<head>${meta}`))
}
