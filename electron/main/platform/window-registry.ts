import type { BrowserWindow, WebContents } from 'electron'
import { CHANNEL_EVENT, type Audience } from '../../../shared/contract'
import { eventAllowedFor } from './event-routing'

/** Our windows and who each one speaks for; a window's audience is fixed when it is created. */
export interface WindowRegistry {
  add(win: BrowserWindow, audience: Audience): void
  audienceOf(contents: WebContents): Audience | undefined
  /** Sends a pushed event to every live window allowed to receive it. */
  /** To every window allowed the event, or with `target` (a webContents id) to that window alone. */
  broadcast(name: string, payload: unknown, target?: string): void
}

export function createWindowRegistry(): WindowRegistry {
  const windows = new Map<number, { contents: WebContents; audience: Audience }>()
  return {
    add(win, audience) {
      const contents = win.webContents
      const id = contents.id
      windows.set(id, { contents, audience })
      contents.once('destroyed', () => windows.delete(id))
    },
    audienceOf: (contents) => windows.get(contents.id)?.audience,
    broadcast(name, payload, target) {
      for (const { contents, audience } of windows.values()) {
        if (target !== undefined && target !== String(contents.id)) continue
        if (contents.isDestroyed() || !eventAllowedFor(audience, name)) continue
        contents.send(CHANNEL_EVENT, name, payload)
      }
    },
  }
}
