import type { Preferences } from '../../../shared/contract/foundation'

export interface GenericFeed {
  provider: 'generic'
  url: string
  /** electron-updater's channel file: `latest.yml` for stable, `beta.yml` for beta. */
  channel: 'latest' | 'beta'
}

export type FeedDecision = { enabled: true; feed: GenericFeed } | { enabled: false; reason: string }

export interface FeedInputs {
  /** PANELIST_UPDATE_URL. */
  url: string | undefined
  channel: Preferences['updateChannel']
  /** Only packaged builds update themselves; a dev run has nothing to replace. */
  packaged: boolean
}

/**
 * Where updates come from, or why there are none. The feed carries the checksums the updater
 * trusts, so it must be https: a plain-http or credential-bearing URL is refused, not used.
 */
export function decideUpdateFeed(inputs: FeedInputs): FeedDecision {
  if (!inputs.packaged) return { enabled: false, reason: 'not a packaged build' }
  const raw = inputs.url?.trim()
  if (!raw) return { enabled: false, reason: 'PANELIST_UPDATE_URL is not set' }
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { enabled: false, reason: 'PANELIST_UPDATE_URL is not a URL' }
  }
  if (url.protocol !== 'https:') return { enabled: false, reason: 'PANELIST_UPDATE_URL must use https' }
  if (url.username || url.password) return { enabled: false, reason: 'PANELIST_UPDATE_URL must not carry credentials' }
  return {
    enabled: true,
    feed: { provider: 'generic', url: url.toString(), channel: inputs.channel === 'beta' ? 'beta' : 'latest' },
  }
}

/**
 * Restarting installs the update and ends the session, so it never happens while a candidate is
 * in the kiosk; the download may still finish in the background.
 */
export function mayRestartToUpdate(state: { downloaded: boolean; kioskOpen: boolean }): boolean {
  return state.downloaded && !state.kioskOpen
}

export type UpdateStatus =
  | { state: 'disabled'; reason: string }
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'up-to-date'; version: string }
  | {
      state: 'downloading'
      version: string
      percent: number
      bytesPerSecond: number
      transferred: number
      total: number
    }
  | { state: 'downloaded'; version: string }
  | { state: 'error'; message: string }

/** One sentence for the recruiter about where updates stand. */
export function describeUpdateStatus(status: UpdateStatus): string {
  switch (status.state) {
    case 'disabled':
      return `Automatic updates are off: ${status.reason}.`
    case 'idle':
      return 'No update check has run yet.'
    case 'checking':
      return 'Checking for updates…'
    case 'up-to-date':
      return `Panelist is up to date (${status.version}).`
    case 'downloading':
      return `Downloading version ${status.version}: ${Math.floor(status.percent)}%.`
    case 'downloaded':
      return `Version ${status.version} is ready: choose Restart to Update to install it.`
    case 'error':
      return `The update check failed: ${status.message}`
  }
}
