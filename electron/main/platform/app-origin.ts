/**
 * The app's own origin. The built renderer is served from a privileged custom scheme rather than
 * file://, so it has a real origin that CSP, permission and IPC checks can compare exactly, and no
 * other file on disk can share it. In development the renderer comes from electron-vite's server.
 */
export const APP_SCHEME = 'panelist'
export const APP_HOST = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/** Schemes whose URLs carry a host we can compare; anything else never counts as ours. */
const ORIGIN_SCHEMES = new Set([`${APP_SCHEME}:`, 'http:', 'https:'])

/**
 * `scheme://host[:port]` of a URL, or null when it has none. Node's URL reports "null" as the
 * origin of non-special schemes such as ours, so the origin is rebuilt from its parts.
 */
export function originOf(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (!ORIGIN_SCHEMES.has(parsed.protocol) || !parsed.host || parsed.username || parsed.password) return null
  return `${parsed.protocol}//${parsed.host}`.toLowerCase()
}

/** The origins this run trusts: the app scheme, plus the dev server when one is in use. */
export function appOrigins(devServerUrl?: string): readonly string[] {
  const dev = devServerUrl ? originOf(devServerUrl) : null
  return dev ? [APP_ORIGIN, dev] : [APP_ORIGIN]
}

/** Exact origin comparison: `panelist://app.evil` or `http://localhost:5173.evil.com` are not ours. */
export function isAppUrl(url: string, origins: readonly string[]): boolean {
  const origin = originOf(url)
  return origin !== null && origins.includes(origin)
}

/** Where a window of the given audience starts: the kiosk opens straight on its own route. */
export function entryUrl(base: string, audience: 'recruiter' | 'kiosk'): string {
  const url = new URL(base)
  url.hash = audience === 'kiosk' ? '/kiosk' : '/'
  return url.toString()
}
