import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '@main/platform/content-security-policy'
import { launchChromium } from '../../helpers/browser'

/**
 * The policy's behaviour in Chromium (Electron's engine), not its spelling: a page served with it
 * tries inline script, an inline handler, eval, a script from another origin and a fetch to it.
 */
const PAGE = `<!doctype html><html><head>
<script src="/watch.js"></script>
<script>window.inlineRan = true</script>
<script src="OTHER/remote.js"></script>
<style>body { color: rgb(1, 2, 3) }</style>
</head><body>
<img src="/missing.png" onerror="window.handlerRan = true">
<script src="/probe.js"></script>
</body></html>`

const WATCH = `window.violations = []
document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.effectiveDirective))
window.selfScriptRan = true`

const PROBE = `try { eval('window.evalRan = true') } catch { window.evalBlocked = true }
fetch('OTHER/data').then(() => { window.fetchRan = true }, () => { window.fetchBlocked = true })`

let browser: Browser
let page: http.Server
let other: http.Server
const otherRequests: string[] = []

const listen = (server: http.Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  )

beforeAll(async () => {
  other = http.createServer((req, res) => {
    otherRequests.push(req.url ?? '')
    res
      .writeHead(200, { 'Content-Type': 'text/javascript', 'Access-Control-Allow-Origin': '*' })
      .end('window.remoteRan = true')
  })
  const otherUrl = await listen(other)
  page = http.createServer((req, res) => {
    const headers = { 'Content-Security-Policy': contentSecurityPolicy() }
    if (req.url === '/')
      res.writeHead(200, { ...headers, 'Content-Type': 'text/html' }).end(PAGE.replaceAll('OTHER', otherUrl))
    else if (req.url === '/watch.js') res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' }).end(WATCH)
    else if (req.url === '/probe.js')
      res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' }).end(PROBE.replaceAll('OTHER', otherUrl))
    else res.writeHead(404, headers).end()
  })
  const pageUrl = await listen(page)
  browser = await launchChromium()
  const tab = await browser.newPage()
  await tab.goto(pageUrl)
  await tab.waitForFunction(() => (window as unknown as { fetchBlocked?: boolean }).fetchBlocked === true)
  results = await tab.evaluate(() => {
    const w = window as unknown as Record<string, unknown>
    const keys = [
      'selfScriptRan',
      'inlineRan',
      'handlerRan',
      'remoteRan',
      'evalRan',
      'evalBlocked',
      'fetchRan',
      'fetchBlocked',
      'violations',
    ]
    return { ...Object.fromEntries(keys.map((k) => [k, w[k]])), color: getComputedStyle(document.body).color }
  })
})

let results: Record<string, unknown>

afterAll(async () => {
  await browser?.close()
  page?.close()
  other?.close()
})

describe('content security policy in Chromium', () => {
  it("runs the app's own scripts and inline styles", () => {
    expect(results.selfScriptRan).toBe(true)
    expect(results.color).toBe('rgb(1, 2, 3)')
  })

  it('blocks inline script, inline handlers and eval, and reports each', () => {
    expect(results.inlineRan).toBeUndefined()
    expect(results.handlerRan).toBeUndefined()
    expect(results.evalRan).toBeUndefined()
    expect(results.evalBlocked).toBe(true)
    expect(results.violations).toEqual(
      expect.arrayContaining(['script-src-elem', 'script-src-attr', 'script-src', 'connect-src']),
    )
  })

  it('never contacts another origin', () => {
    expect(results.remoteRan).toBeUndefined()
    expect(results.fetchRan).toBeUndefined()
    expect(otherRequests).toEqual([])
  })
})
