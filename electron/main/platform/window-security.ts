import type { WebContents } from 'electron'
import type { Logger } from '../../core/logger'

export interface NavigationGuardOptions {
  /** Whether this web contents may hand the URL to the system browser (see external-links.ts). */
  mayOpenExternally(url: string): boolean
  openExternally(url: string): void
  logger: Logger
}

/**
 * Pages never navigate and never open windows: the app is one page with a hash router, so any
 * navigation is either a link to the outside world or an attack. Allowed links go to the system
 * browser; everything else is refused and logged.
 */
export function guardNavigation(contents: WebContents, options: NavigationGuardOptions): void {
  const divert = (url: string, how: string) => {
    if (options.mayOpenExternally(url)) {
      options.openExternally(url)
      return
    }
    options.logger.warn('blocked a navigation', { how, url: url.slice(0, 200) })
  }
  contents.on('will-navigate', (event) => {
    event.preventDefault()
    divert(event.url, 'navigate')
  })
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame) return
    event.preventDefault()
    options.logger.warn('blocked a frame navigation', { url: event.url.slice(0, 200) })
  })
  contents.on('will-redirect', (event) => {
    event.preventDefault()
    options.logger.warn('blocked a redirect', { url: event.url.slice(0, 200) })
  })
  contents.setWindowOpenHandler(({ url }) => {
    divert(url, 'window.open')
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    options.logger.warn('blocked a webview')
  })
}
