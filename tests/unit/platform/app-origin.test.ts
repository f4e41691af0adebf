import { describe, expect, it } from 'vitest'
import { APP_ORIGIN, appOrigins, entryUrl, isAppUrl, originOf } from '@main/platform/app-origin'

describe('app origin', () => {
  const packaged = appOrigins()
  const dev = appOrigins('http://localhost:5173/')

  it('recognises the app scheme and, in development only, the dev server', () => {
    expect(packaged).toEqual([APP_ORIGIN])
    expect(isAppUrl('panelist://app/index.html#/queue', packaged)).toBe(true)
    expect(isAppUrl('http://localhost:5173/', packaged)).toBe(false)
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true)
  })

  it('compares whole origins, so look-alike hosts and other ports are foreign', () => {
    for (const url of [
      'panelist://app.evil.example/index.html',
      'panelist://evil/index.html',
      'http://localhost:5173.evil.example/',
      'http://localhost:5174/',
      'https://localhost:5173/',
      'panelist://user:pass@app/index.html',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'about:blank',
      '',
      'not a url',
    ]) {
      expect(isAppUrl(url, dev), url).toBe(false)
    }
  })

  it('rebuilds the origin of the custom scheme, which Node reports as "null"', () => {
    expect(new URL('panelist://app/x').origin).toBe('null')
    expect(originOf('panelist://APP/x')).toBe('panelist://app')
    expect(originOf('blob:panelist://app/123')).toBeNull()
  })

  it('opens the kiosk on its own route and the recruiter on the root', () => {
    expect(entryUrl(`${APP_ORIGIN}/index.html`, 'kiosk')).toBe('panelist://app/index.html#/kiosk')
    expect(entryUrl('http://localhost:5173', 'recruiter')).toBe('http://localhost:5173/#/')
  })
})
