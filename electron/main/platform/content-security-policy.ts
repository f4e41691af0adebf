/**
 * The Content-Security-Policy every page of the app is served with. Kept as directives rather than
 * a string so a typo such as `default-src:` cannot slip in, and so tests can read it back.
 */
const PRODUCTION: ReadonlyArray<readonly [string, ...string[]]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'", "'unsafe-inline'"],
  ['img-src', "'self'", 'data:', 'blob:'],
  ['media-src', "'self'", 'blob:', 'mediastream:'],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-src', "'none'"],
  ['frame-ancestors', "'none'"],
]

export interface PolicyOptions {
  /**
   * The electron-vite dev server: React's fast-refresh preamble is an inline script and hot reload
   * talks over a WebSocket to the server. Never set for a built app.
   */
  devServerOrigin?: string
}

export function contentSecurityPolicy(options: PolicyOptions = {}): string {
  const dev = options.devServerOrigin
  return PRODUCTION.map(([name, ...sources]) => {
    if (dev && name === 'script-src') return [name, ...sources, "'unsafe-inline'"]
    if (dev && name === 'connect-src') return [name, ...sources, dev.replace(/^http/, 'ws')]
    return [name, ...sources]
  })
    .map((parts) => parts.join(' '))
    .join('; ')
}

/** Response headers with our policy replacing any the server sent (header names are case-insensitive). */
export function withContentSecurityPolicy(
  headers: Record<string, string | string[]> | undefined,
  policy: string,
): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue
    out[name] = Array.isArray(value) ? value : [value]
  }
  out['Content-Security-Policy'] = [policy]
  return out
}
