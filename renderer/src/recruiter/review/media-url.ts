import { recordingMediaPath } from '../../../../shared/contract/interviews'

/**
 * The token that lets this page fetch recordings: the web host puts its page token in a meta tag,
 * the desktop app puts a media token in the recruiter window's address. The kiosk has neither.
 */
function mediaToken(): string | null {
  if (window.studio) return new URLSearchParams(location.search).get('media')
  return document.querySelector('meta[name="panelist-token"]')?.getAttribute('content') ?? null
}

/** Where this page fetches a recording (its own origin serves them), or null when it has no token to. */
export function recordingUrl(recordingId: string): string | null {
  const token = mediaToken()
  return token ? `${recordingMediaPath(recordingId)}?token=${encodeURIComponent(token)}` : null
}
