import type { Audience } from '../../../shared/contract'
import { isAppUrl } from './app-origin'

/** What Electron tells us about a permission request or check, reduced to what the decision needs. */
export interface PermissionQuery {
  permission: string
  /** The URL or origin of the frame asking. */
  requestingUrl: string | undefined
  isMainFrame: boolean
  /** For `media`: which devices; screen or window capture arrives under other names and is refused. */
  mediaTypes?: readonly string[]
  /** Which of our windows asks (from the window registry), if it is one of ours at all. */
  audience?: Audience
}

const CAPTURE_DEVICES = new Set(['audio', 'video'])

/**
 * Camera and microphone for our own pages' main frames; writing to the clipboard for the recruiter's
 * window (its Copy buttons: invitation codes, links); nothing else, for anyone. The kiosk never writes
 * the clipboard, which outlives the interview. Electron grants every permission when no handler is
 * set, so this is the whole policy.
 */
export function isPermissionAllowed(query: PermissionQuery, origins: readonly string[]): boolean {
  if (!query.isMainFrame || !query.requestingUrl || !isAppUrl(query.requestingUrl, origins)) return false
  if (query.permission === 'clipboard-sanitized-write') return query.audience === 'recruiter'
  if (query.permission !== 'media') return false
  return (query.mediaTypes ?? []).every((type) => CAPTURE_DEVICES.has(type))
}
