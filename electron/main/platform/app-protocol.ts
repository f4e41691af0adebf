import path from 'node:path'
import type { Protocol, Session } from 'electron'
import { contentType, readStatic, resolveStatic } from '../../web-host/static-files'
import { APP_HOST, APP_SCHEME, isAppUrl } from './app-origin'
import { withContentSecurityPolicy } from './content-security-policy'
import { isRecordingRequest, recordingResponse } from './recording-response'
import type { RecordingAccess } from '../../web-host/recording-reply'

/**
 * Declares the app scheme as standard and secure (so it has an origin, a secure context for
 * getUserMedia, and fetch). Must run before the app is ready.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
    },
  ])
}

/**
 * Serves the built renderer on `panelist://app/`, only files inside rendererDir, each response
 * carrying the Content-Security-Policy; and, to the recruiter window's token, interview recordings.
 */
export function serveRenderer(
  session: Session,
  rendererDir: string,
  policy: string,
  recordings: RecordingAccess,
): void {
  const root = path.resolve(rendererDir)
  session.protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url)
    if (url.host !== APP_HOST || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return new Response(null, { status: 404 })
    }
    if (isRecordingRequest(url)) return recordingResponse(request, recordings)
    const file = resolveStatic(root, url.pathname === '/' ? '/index.html' : url.pathname)
    const body = file ? readStatic(file) : null
    if (!file || !body) return new Response(null, { status: 404 })
    return new Response(new Uint8Array(body), {
      headers: {
        'Content-Type': contentType(file),
        'Content-Security-Policy': policy,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      },
    })
  })
}

/**
 * Puts the policy on every response from our own origins as the browser receives it, which is
 * what covers the dev server (the app scheme already sets it above).
 */
export function enforceContentSecurityPolicy(session: Session, origins: readonly string[], policy: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url, origins)) {
      callback({})
      return
    }
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) })
  })
}
