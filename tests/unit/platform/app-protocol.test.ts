import fs from 'node:fs'
import path from 'node:path'
import type { Session } from 'electron'
import { describe, expect, it } from 'vitest'
import { recordingMediaPath } from '@shared/contract/interviews/recordings'
import { registerAppScheme, serveRenderer } from '@main/platform/app-protocol'
import { tempDir } from '../../helpers/temp-studio'

type Handler = (request: Request) => Response | Promise<Response>

/** A built renderer folder, a recording beside it, and the app scheme's handler as a session would hold it. */
function served() {
  const root = tempDir('panelist-app-protocol-')
  const renderer = path.join(root, 'renderer')
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true })
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Panelist</title>')
  fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)')
  fs.writeFileSync(path.join(root, 'secret.txt'), 'not for the page')
  const recording = path.join(root, 'answer.webm')
  fs.writeFileSync(recording, Buffer.from('0123456789'))
  let handler: Handler | null = null
  const session = { protocol: { handle: (_scheme: string, h: Handler) => (handler = h) } } as unknown as Session
  serveRenderer(session, renderer, "default-src 'self'", {
    token: 'run-token',
    locate: async (id) => (id === 'rec-1' ? { absolutePath: recording, contentType: 'video/webm' } : null),
  })
  const get = async (url: string, init?: RequestInit) => handler!(new Request(url, init))
  return { get }
}

describe('the app scheme', () => {
  it('is declared standard and secure, so pages get an origin, fetch and getUserMedia', () => {
    const declared: unknown[] = []
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => void declared.push(...schemes) })
    expect(declared).toEqual([
      {
        scheme: 'panelist',
        privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
      },
    ])
  })

  it('serves the built renderer with its security headers', async () => {
    const { get } = served()
    const page = await get('panelist://app/')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<title>Panelist</title>')
    expect(Object.fromEntries(page.headers)).toMatchObject({
      'content-security-policy': "default-src 'self'",
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    })
    const script = await get('panelist://app/assets/app.js')
    expect(script.headers.get('content-type')).toMatch(/javascript/)
  })

  it('answers 404 outside the renderer folder, for other hosts and for writes', async () => {
    const { get } = served()
    for (const url of [
      'panelist://app/../secret.txt',
      'panelist://app/%2e%2e/secret.txt',
      'panelist://app/assets/..%2f..%2fsecret.txt',
      'panelist://other/index.html',
      'panelist://app/missing.js',
    ]) {
      const reply = await get(url)
      expect(reply.status, url).toBe(404)
      expect(await reply.text()).not.toContain('not for the page')
    }
    expect((await get('panelist://app/index.html', { method: 'POST', body: 'x' })).status).toBe(404)
  })

  it('plays a recording to the run token only, with byte ranges', async () => {
    const { get } = served()
    const url = `panelist://app${recordingMediaPath('rec-1')}`
    expect((await get(`${url}?token=wrong`)).status).toBe(403)
    expect((await get(`panelist://app${recordingMediaPath('rec-2')}?token=run-token`)).status).toBe(404)
    const part = await get(`${url}?token=run-token`, { headers: { range: 'bytes=2-5' } })
    expect(part.status).toBe(206)
    expect(await part.text()).toBe('2345')
  })
})
