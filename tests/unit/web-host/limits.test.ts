import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_CAMERA_CHUNK_BASE64 } from '@shared/contract/kiosk'
import { hostSocket, nextHeard } from '../../helpers/host-socket'
import { budget } from '../../helpers/patience'
import { tempDir } from '../../helpers/temp-studio'
import { startWebHost, type RunningHost } from '../../helpers/web-host'

let host: RunningHost
beforeAll(async () => {
  host = await startWebHost(tempDir('panelist-limits-'))
})
afterAll(() => host?.stop())

const cameraChunk = (base64Chars: number) =>
  JSON.stringify({
    type: 'invoke',
    id: 1,
    name: 'interview.voiceCamera',
    input: { streamId: crypto.randomUUID(), turnIndex: 1000, seq: 1_000_000, data: 'A'.repeat(base64Chars) },
  })

/** Opens sockets until the host refuses one; returns those it accepted. */
async function openUntilRefused(url: string, atMost: number) {
  const open: Awaited<ReturnType<typeof hostSocket>>[] = []
  for (let i = 0; i < atMost; i++) {
    const socket = await hostSocket(url).catch((error: Error) => error)
    if (socket instanceof Error) {
      expect(socket.message).toMatch(/503/)
      return open
    }
    open.push(socket)
  }
  return open
}

/** The host lets a socket in again once one has gone (it sees the close after the client does). */
async function opensAgain(url: string) {
  const deadline = Date.now() + budget(10_000)
  for (;;) {
    const socket = await hostSocket(url).catch((error: Error) => error)
    if (!(socket instanceof Error)) return socket
    if (Date.now() > deadline) throw socket
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('the web host bounds what one client can make it hold', () => {
  it('takes the largest camera chunk a kiosk sends, and closes a kiosk socket whose message is bigger', async () => {
    const kiosk = await hostSocket(host.kioskUrl)
    const answer = nextHeard(kiosk.ws)
    kiosk.ws.send(cameraChunk(MAX_CAMERA_CHUNK_BASE64))
    expect(await answer).toMatchObject({ message: { type: 'result', id: 1, result: { ok: false } } })

    const refused = nextHeard(kiosk.ws)
    kiosk.ws.send(cameraChunk(MAX_CAMERA_CHUNK_BASE64 + 1024 * 1024))
    expect(await refused).toEqual({ closed: 1009 })
    const recruiter = await hostSocket(host.url)
    expect(await recruiter.request('kiosk.pinStatus', {})).toEqual({ ok: true, value: { pinSet: false } })
    recruiter.close()
  })

  it('answers a deeply nested message as malformed without passing it on', async () => {
    const kiosk = await hostSocket(host.kioskUrl)
    const depth = 100_000
    const nested = '['.repeat(depth) + ']'.repeat(depth)
    const answer = nextHeard(kiosk.ws)
    kiosk.ws.send(`{"type":"invoke","id":7,"name":"app.reportError","input":{"area":${nested},"message":"x"}}`)
    expect(await answer).toEqual({ message: { type: 'error', message: 'Malformed message' } })
    expect(await kiosk.request('app.reportError', { area: 'kiosk', message: 'after' })).toEqual({
      ok: true,
      value: { logged: true },
    })
    kiosk.close()
  })

  it('caps open sockets: four for the kiosk, sixteen for the recruiter', async () => {
    // A host of its own, so no socket of another test still counts.
    const fresh = await startWebHost(tempDir('panelist-socket-cap-'))
    try {
      for (const [url, cap] of [
        [fresh.kioskUrl, 4],
        [fresh.url, 16],
      ] as const) {
        const open = await openUntilRefused(url, cap + 4)
        expect(open).toHaveLength(cap)
        open.pop()!.close()
        const again = await opensAgain(url)
        for (const socket of [...open, again]) socket.close()
      }
    } finally {
      await fresh.stop()
    }
  })
})
