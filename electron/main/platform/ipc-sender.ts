import type { Audience } from '../../../shared/contract'
import { isAppUrl } from './app-origin'

/** What main knows about the frame behind an IPC message (Electron's `event.senderFrame`). */
export interface SenderFrame {
  url: string
  /** True when the frame has no parent: iframes never speak for a window. */
  isMainFrame: boolean
  /** Set once the frame has navigated away or been destroyed (Electron PR #43473). */
  detached: boolean
}

export type SenderVerdict = { ok: true; audience: Audience } | { ok: false; reason: string }

/**
 * Decides whether an IPC message may reach the studio, and as whom. The audience comes from which
 * of our windows sent it, never from anything the page says. Fails closed: a missing frame, a
 * detached one, a subframe, a foreign origin or a window that is not ours are all refused.
 */
export function verifySender(
  frame: SenderFrame | null,
  windowAudience: Audience | undefined,
  origins: readonly string[],
): SenderVerdict {
  if (!windowAudience) return { ok: false, reason: 'not one of our windows' }
  if (!frame) return { ok: false, reason: 'sender frame is gone' }
  if (frame.detached) return { ok: false, reason: 'sender frame is detached' }
  if (!frame.isMainFrame) return { ok: false, reason: 'sender is a subframe' }
  if (!isAppUrl(frame.url, origins)) return { ok: false, reason: 'sender is not on the app origin' }
  return { ok: true, audience: windowAudience }
}
