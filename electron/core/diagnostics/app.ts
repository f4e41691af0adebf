import type { AppInfo } from '../../../shared/contract/foundation'
import type { DomainApp } from '../ipc/dispatcher'
import type { Logger } from '../logger'

export interface DiagnosticsDeps {
  info: () => AppInfo
  logger: Logger
}

export type DiagnosticsApp = DomainApp<'app'>

/** What the app is (version, host, data folder, start-up notices) and where a window's errors go. */
export function createApp(deps: DiagnosticsDeps): DiagnosticsApp {
  return {
    handlers: {
      'app.info': () => deps.info(),
      'app.reportError': (report, ctx) => {
        deps.logger.error('renderer error', { audience: ctx.audience, ...report })
        return { logged: true }
      },
    },
  }
}
