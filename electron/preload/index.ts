import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { StudioBridge } from '../../shared/bridge'
import { CHANNEL_EVENT, CHANNEL_INVOKE, isEventName } from '../../shared/contract'

/**
 * The whole surface the page gets: `invoke` and `on`. ipcRenderer itself, Electron's event objects
 * and Node never cross into the page; one listener on the event channel fans out to subscribers.
 */
const subscribers = new Map<string, Set<(payload: unknown) => void>>()

ipcRenderer.on(CHANNEL_EVENT, (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return
  for (const callback of subscribers.get(name) ?? []) {
    try {
      callback(payload)
    } catch (error) {
      // One failing subscriber must not starve the others of the event.
      console.error(error)
    }
  }
})

const studio: StudioBridge = {
  invoke(name, input) {
    if (typeof name !== 'string') {
      return Promise.resolve({
        ok: false,
        error: { code: 'unknown_request', message: 'A request name must be a string.' },
      })
    }
    return ipcRenderer.invoke(CHANNEL_INVOKE, name, input) as ReturnType<StudioBridge['invoke']>
  },
  on(event, callback) {
    if (!isEventName(event)) throw new TypeError(`Unknown event ${String(event).slice(0, 80)}`)
    if (typeof callback !== 'function') throw new TypeError('on() needs a callback')
    const set = subscribers.get(event) ?? new Set()
    set.add(callback)
    subscribers.set(event, set)
    return () => {
      set.delete(callback)
    }
  },
}

contextBridge.exposeInMainWorld('studio', studio)
