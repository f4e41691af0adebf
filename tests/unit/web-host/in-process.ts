import fs from 'node:fs'
import path from 'node:path'
import { createEventBus, type EventBus } from '@core/events'
import { silentLogger } from '@core/logger'
import { startWebServer, type WebServer } from '@web-host/web-server'
import { tempDir } from '../../helpers/temp-studio'

/**
 * The web server in the test's own process with a stand-in studio: every request answers
 * `{ ok: true }` and is recorded by name, and the test pushes events itself.
 */
export async function startStandInServer(): Promise<{ server: WebServer; events: EventBus; dispatched: string[] }> {
  const rendererDir = tempDir('panelist-renderer-')
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head></head><body></body></html>')
  const events = createEventBus()
  const dispatched: string[] = []
  const server = await startWebServer({
    studio: {
      events,
      dispatch: async (name) => {
        dispatched.push(String(name))
        return { ok: true, value: {} }
      },
    },
    rendererDir,
    logger: silentLogger,
  })
  return { server, events, dispatched }
}
