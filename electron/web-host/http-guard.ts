import crypto from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/**
 * What a request must say about where it is going and where it comes from. A page on another
 * site can have its name resolve to 127.0.0.1 (DNS rebinding): its requests then reach us with
 * its own name in Host, so only our own names are answered.
 */
export function isOwnHost(host: string | undefined, port: number): boolean {
  const name = host?.toLowerCase()
  return name === `127.0.0.1:${port}` || name === `localhost:${port}`
}

/** A socket must be opened by a page this server itself served. */
export function isOwnOrigin(origin: string | undefined, port: number): boolean {
  return !!origin?.startsWith('http://') && isOwnHost(origin.slice('http://'.length), port)
}

/**
 * Headers on every answer. No CORS header is ever sent, and Cross-Origin-Resource-Policy keeps
 * even opaque reads out: the kiosk's origin is another port of the same host, which the browser
 * treats as the same site but a different origin.
 */
export function securityHeaders(host: string): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Content-Security-Policy': `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob: mediastream:; connect-src 'self' ws://${host}; object-src 'none'; base-uri 'none'; frame-ancestors 'none'`,
  }
}

/** Why a socket handshake is refused (403 not ours, 503 too many open), or null to accept it. */
export function upgradeRefusal(
  req: IncomingMessage,
  own: { port: number; token: string; open: number; max: number },
): 403 | 503 | null {
  if (!isOwnHost(req.headers.host, own.port) || !isOwnOrigin(req.headers.origin, own.port)) return 403
  if (!presentsToken(req.url, own.token)) return 403
  return own.open >= own.max ? 503 : null
}

function presentsToken(url: string | undefined, token: string): boolean {
  const [pathname, query = ''] = (url ?? '').split('?')
  const given = Buffer.from(new URLSearchParams(query).get('token') ?? '')
  const expected = Buffer.from(token)
  return pathname === '/ws' && given.length === expected.length && crypto.timingSafeEqual(given, expected)
}
