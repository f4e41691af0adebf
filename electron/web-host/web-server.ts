import { kioskEventNames } from '../../shared/contract'
import type { Logger } from '../core/logger'
import type { Studio } from '../core/studio'
import { startAudienceServer, type AudienceServer } from './audience-server'

export interface WebServerOptions {
  studio: Pick<Studio, 'dispatch' | 'events'>
  rendererDir: string
  logger: Logger
  /** The recruiter's port (0: any free one). */
  port?: number
  /** The kiosk's port (0: any free one). */
  kioskPort?: number
}

export interface WebServer {
  url: string
  kioskUrl: string
  close(): Promise<void>
}

/**
 * Serves the built renderer and the studio's handlers over WebSockets on 127.0.0.1, each audience
 * on its own origin (its own port) with its own per-run token: the recruiter at `url`, the kiosk
 * at `kioskUrl`. A socket must present its server's token and come from that server's origin, so
 * neither other local pages nor the kiosk's page can drive the recruiter's requests.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const shared = { studio: options.studio, rendererDir: options.rendererDir, logger: options.logger }
  const recruiter = await startAudienceServer({ ...shared, audience: 'recruiter', port: options.port ?? 0 })
  const kiosk = await startAudienceServer({ ...shared, audience: 'kiosk', port: options.kioskPort ?? 0 }).catch(
    async (error: unknown) => {
      await recruiter.close()
      throw error
    },
  )
  const servers: AudienceServer[] = [recruiter, kiosk]

  const unsubscribe = options.studio.events.subscribe((name, payload, target) => {
    const text = JSON.stringify({ type: 'event', name, payload })
    for (const server of servers) {
      if (server.audience === 'kiosk' && !kioskEventNames.has(name)) continue
      server.push(text, target)
    }
  })

  return {
    url: `${recruiter.origin}/`,
    kioskUrl: `${kiosk.origin}/`,
    async close() {
      unsubscribe()
      await Promise.all(servers.map((server) => server.close()))
    },
  }
}
