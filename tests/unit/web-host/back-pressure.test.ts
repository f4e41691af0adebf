import { afterEach, describe, expect, it } from 'vitest'
import type { WebServer } from '@web-host/web-server'
import { hostSocket, pageToken, rawUpgrade } from '../../helpers/host-socket'
import { budget } from '../../helpers/patience'
import { startStandInServer } from './in-process'

let server: WebServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const MIB = 1024 * 1024
const EVENTS = 64

describe('a socket that stops reading', () => {
  it('is dropped once too much waits for it, while a socket that reads gets every event', async () => {
    const standIn = await startStandInServer()
    server = standIn.server
    const stalled = await rawUpgrade(server.kioskUrl, { path: `/ws?token=${await pageToken(server.kioskUrl)}` })
    expect(stalled.status).toBe(101)
    stalled.socket.pause()
    const reader = await hostSocket(server.kioskUrl)
    let heard = 0
    let onHeard = () => {}
    reader.ws.on('message', () => {
      heard++
      onHeard()
    })

    // One event at a time, each after the reading socket has taken the last: it is never behind.
    for (let i = 0; i < EVENTS; i++) {
      const taken = new Promise<void>((resolve) => (onHeard = resolve))
      standIn.events.emit('voice.caption', { streamId: 's', turnIndex: 0, text: 'x'.repeat(MIB), final: false })
      await taken
    }
    expect(heard).toBe(EVENTS)

    stalled.socket.resume()
    const outcome = await Promise.race([
      stalled.closed.then(() => 'dropped'),
      new Promise((resolve) => setTimeout(() => resolve('still open'), budget(10_000))),
    ])
    expect(outcome).toBe('dropped')
    expect(stalled.received().length).toBeLessThan(EVENTS * MIB)
    reader.close()
  })
})
