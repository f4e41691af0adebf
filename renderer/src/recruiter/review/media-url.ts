import { recordingMediaPath } from '../../../../shared/contract/interviews'

/**
 * Where this window can fetch a recording, or null where it cannot. The web host serves
 * recordings to the recruiter's page with the page's own token; the desktop window has no media
 * route yet, so it says where the file is instead.
 */
export function recordingUrl(recordingId: string): string | null {
  if (window.studio) return null
  const token = document.querySelector('meta[name="panelist-token"]')?.getAttribute('content') ?? ''
  return `${recordingMediaPath(recordingId)}?token=${encodeURIComponent(token)}`
}
