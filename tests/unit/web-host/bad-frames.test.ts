import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clientFrame, hostSocket, pageToken, rawUpgrade } from '../../helpers/host-socket'
import { tempDir } from '../../helpers/temp-studio'
import { startWebHost, type RunningHost } from '../../helpers/web-host'

let host: RunningHost
let kioskToken: string
beforeAll(async () => {
  host = await startWebHost(tempDir('panelist-bad-frames-'))
  kioskToken = await pageToken(host.kioskUrl)
})
afterAll(() => host?.stop())

const TEXT = 0x1
/** A masked text frame header claiming 2^32 bytes (4 GiB) of payload, with none of it sent. */
const FOUR_GIB = Buffer.from([0x81, 0xff, 0, 0, 0, 1, 0, 0, 0, 0, 1, 2, 3, 4])

const badFrames: [string, Buffer][] = [
  ['a frame claiming a 4 GiB payload', FOUR_GIB],
  ['a text frame that is not UTF-8', clientFrame(TEXT, Buffer.from([0xc3, 0x28, 0xff, 0xfe]))],
  ['an unmasked frame', clientFrame(TEXT, Buffer.from('{"type":"invoke"}'), { masked: false })],
  ['a reserved opcode', clientFrame(0x3, Buffer.from('hi'))],
]

/** The host still answers a fresh socket of each audience. */
async function expectHostAnswers() {
  expect(host.process.exitCode, host.log()).toBeNull()
  for (const url of [host.url, host.kioskUrl]) {
    const socket = await hostSocket(url)
    const reply = await socket.request('app.reportError', { area: 'test', message: 'still here' })
    expect(reply).toEqual({ ok: true, value: { logged: true } })
    socket.close()
  }
}

describe('the web host and broken WebSocket frames', () => {
  it.each(badFrames)('closes a kiosk socket that sends %s, and keeps serving', async (_what, frame) => {
    const raw = await rawUpgrade(host.kioskUrl, { path: `/ws?token=${kioskToken}` })
    expect(raw.status).toBe(101)
    raw.socket.write(frame)
    await raw.closed
    await expectHostAnswers()
  })

  it('survives a refused handshake whose client resets the connection', async () => {
    const raw = await rawUpgrade(host.kioskUrl, { path: '/ws?token=wrong' })
    expect(raw.status).toBe(403)
    raw.socket.resetAndDestroy()
    await raw.closed
    await expectHostAnswers()
  })
})
