import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pageToken, rawUpgrade } from '../../helpers/host-socket'
import { tempDir } from '../../helpers/temp-studio'
import { startWebHost, type RunningHost } from '../../helpers/web-host'

let host: RunningHost
let recruiterToken: string
let kioskToken: string
beforeAll(async () => {
  host = await startWebHost(tempDir('panelist-origins-'))
  recruiterToken = await pageToken(host.url)
  kioskToken = await pageToken(host.kioskUrl)
})
afterAll(() => host?.stop())

const recruiterOrigin = () => new URL(host.url).origin
const kioskOrigin = () => new URL(host.kioskUrl).origin

/** A GET with any Host header, which fetch() does not allow setting. */
function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        let body = ''
        res.setEncoding('utf8').on('data', (chunk) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }))
      })
      .on('error', reject)
  })
}

const upgradeStatus = async (url: string, token: string, headers: { host?: string; origin?: string } = {}) => {
  const raw = await rawUpgrade(url, { path: `/ws?token=${token}`, ...headers })
  raw.socket.destroy()
  return raw.status
}

describe('the web host serves each audience on its own origin', () => {
  it('gives the kiosk origin only the kiosk page and token, at every path', async () => {
    expect(kioskOrigin()).not.toBe(recruiterOrigin())
    expect(new URL(host.kioskUrl).hostname).toBe('127.0.0.1')
    for (const path of ['/', '/index.html', '/kiosk', '/?audience=recruiter', '/ws', '/%2e/index.html']) {
      const { body } = await get(kioskOrigin() + path)
      expect(body, path).not.toContain(recruiterToken)
      expect(body, path).not.toContain('content="recruiter"')
    }
    const page = await get(host.kioskUrl)
    expect(page.body).toContain('<meta name="panelist-audience" content="kiosk" />')
    expect(page.body).toContain(kioskToken)
  })

  it('lets no other origin read the recruiter page', async () => {
    const page = await get(host.url, { origin: kioskOrigin() })
    expect(page.body).toContain(recruiterToken)
    expect(page.headers['access-control-allow-origin']).toBeUndefined()
    expect(page.headers['cross-origin-resource-policy']).toBe('same-origin')
  })

  it('opens a socket only with its own origin and its own token', async () => {
    expect(await upgradeStatus(host.kioskUrl, kioskToken)).toBe(101)
    expect(await upgradeStatus(host.url, recruiterToken)).toBe(101)
    expect(await upgradeStatus(host.kioskUrl, recruiterToken)).toBe(403)
    expect(await upgradeStatus(host.url, kioskToken)).toBe(403)
    expect(await upgradeStatus(host.url, recruiterToken, { origin: kioskOrigin() })).toBe(403)
    expect(await upgradeStatus(host.kioskUrl, kioskToken, { origin: recruiterOrigin() })).toBe(403)
  })

  it('answers only requests addressed to 127.0.0.1 or localhost on its port, so DNS rebinding reads nothing', async () => {
    for (const url of [host.url, host.kioskUrl]) {
      const { port } = new URL(url)
      expect((await get(url, { host: `127.0.0.1:${port}` })).status).toBe(200)
      expect((await get(url, { host: `localhost:${port}` })).status).toBe(200)
      for (const host of [`attacker.example:${port}`, '127.0.0.1', `127.0.0.1:${Number(port) + 1}`]) {
        const refused = await get(url, { host })
        expect(refused.status, host).toBe(403)
        expect(refused.body).not.toMatch(/panelist-token/)
      }
    }
    const { port } = new URL(host.url)
    const rebound = `attacker.example:${port}`
    expect(await upgradeStatus(host.url, recruiterToken, { host: rebound })).toBe(403)
    expect(await upgradeStatus(host.url, recruiterToken, { host: rebound, origin: `http://${rebound}` })).toBe(403)
  })
})
