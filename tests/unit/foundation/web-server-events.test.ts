import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { createEventBus } from '@core/events'
import { startWebServer, type WebServer } from '@web-host/web-server'
import type { CallContext } from '@core/ipc/dispatcher'
import { silentLogger } from '@core/logger'
import { tempDir } from '../../helpers/temp-studio'

let server: WebServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

function rendererWithIndex(): string {
  const dir = tempDir()
  fs.writeFileSync(path.join(dir, 'index.html'), '<html><head></head><body></body></html>')
  return dir
}

async function connect(url: string) {
  const page = await (await fetch(url)).text()
  const token = /name="panelist-token" content="([0-9a-f]+)"/.exec(page)![1]!
  const origin = new URL(url).origin
  const ws = new WebSocket(`${origin.replace('http', 'ws')}/ws?token=${token}`, { origin })
  const received: string[] = []
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString())
    if (message.type === 'event') received.push(message.payload.text)
  })
  await new Promise((resolve, reject) => {
    ws.once('open', resolve)
    ws.once('error', reject)
  })
  const invoke = (id: number) =>
    new Promise<void>((resolve) => {
      ws.once('message', () => resolve())
      ws.send(JSON.stringify({ type: 'invoke', id, name: 'app.info', input: {} }))
    })
  return { ws, received, invoke }
}

describe('web host event routing', () => {
  it('delivers an event addressed to one connection to that socket alone', async () => {
    const events = createEventBus()
    const contexts: CallContext[] = []
    server = await startWebServer({
      studio: {
        events,
        dispatch: async (_name, _input, ctx) => {
          contexts.push(ctx)
          return { ok: true, value: {} }
        },
      },
      rendererDir: rendererWithIndex(),
      logger: silentLogger,
    })
    const first = await connect(server.kioskUrl)
    const second = await connect(server.kioskUrl)
    await first.invoke(1)
    await second.invoke(2)
    expect(contexts.map((c) => c.audience)).toEqual(['kiosk', 'kiosk'])
    const [a, b] = contexts.map((c) => c.connection!)
    expect(a).toBeTruthy()
    expect(a).not.toBe(b)

    events.emit('voice.caption', { streamId: 's', turnIndex: 0, text: 'for the first kiosk', final: true } as never, a)
    events.emit('voice.caption', { streamId: 's', turnIndex: 0, text: 'for every kiosk', final: true } as never)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(first.received).toEqual(['for the first kiosk', 'for every kiosk'])
    expect(second.received).toEqual(['for every kiosk'])
    first.ws.close()
    second.ws.close()
  })
})
