import type { Preferences } from '../../../shared/contract/foundation'
import type { UpdateStatus } from '../../../shared/contract/updates'

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
  return restartRefusal(state) === null
}

/** Why a restart to update cannot happen now, in the recruiter's words; null when it can. */
export function restartRefusal(state: { downloaded: boolean; kioskOpen: boolean }): string | null {
  if (!state.downloaded) return 'No update has been downloaded yet.'
  if (state.kioskOpen) return 'Close the candidate kiosk before restarting to update: an interview may be running.'
  return null
}

const MAX_NOTES = 4_000

/**
 * Release notes as plain text: the feed may carry HTML (GitHub-style notes) or one note per version,
 * and the screen shows text only, so tags are dropped rather than trusted.
 */
export function releaseNotesText(
  notes: string | readonly { version: string; note: string | null }[] | null | undefined,
): string | null {
  const joined =
    typeof notes === 'string' ? notes : (notes ?? []).map((entry) => `${entry.version}: ${entry.note ?? ''}`).join('\n')
  const text = joined
    .replace(/<br\s*\/?>|<\/(?:p|li|h\d)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim()
  return text ? text.slice(0, MAX_NOTES) : null
}

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
