import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, withContentSecurityPolicy } from '@main/platform/content-security-policy'

/** Parses a policy the way CSP3 does: directives split on ";", the name is the first token. */
function parse(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>()
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources)
  }
  return directives
}

const KNOWN = new Set([
  'default-src',
  'script-src',
  'style-src',
  'img-src',
  'media-src',
  'connect-src',
  'object-src',
  'base-uri',
  'form-action',
  'frame-src',
  'frame-ancestors',
])

describe('content security policy', () => {
  it('is made only of recognised directive names (no "default-src:" typos)', () => {
    const directives = parse(contentSecurityPolicy())
    for (const name of directives.keys()) expect(KNOWN.has(name), name).toBe(true)
    expect(directives.size).toBe(KNOWN.size)
  })

  it('allows scripts and connections only from the app itself in a built app', () => {
    const directives = parse(contentSecurityPolicy())
    expect(directives.get('default-src')).toEqual(["'self'"])
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(directives.get('connect-src')).toEqual(["'self'"])
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(directives.get('base-uri')).toEqual(["'none'"])
    expect(directives.get('frame-ancestors')).toEqual(["'none'"])
    expect(directives.get('media-src')).toEqual(["'self'", 'blob:', 'mediastream:'])
    expect(contentSecurityPolicy()).not.toContain('unsafe-eval')
  })

  it("loosens script-src and connect-src for the dev server's hot reload only", () => {
    const directives = parse(contentSecurityPolicy({ devServerOrigin: 'http://localhost:5173' }))
    expect(directives.get('script-src')).toEqual(["'self'", "'unsafe-inline'"])
    expect(directives.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173'])
    expect(directives.get('object-src')).toEqual(["'none'"])
  })

  it('replaces a policy the server sent, whatever the header case', () => {
    const headers = withContentSecurityPolicy(
      { 'content-security-policy': ['default-src *'], 'Content-Type': 'text/html' },
      "default-src 'self'",
    )
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ["default-src 'self'"] })
  })
})
