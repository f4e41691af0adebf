import type { EventName, EventPayload } from '../../shared/contract'

/** `target` is a CallContext connection: set, the event goes to that window or socket only. */
export type EventListener = <K extends EventName>(name: K, payload: EventPayload<K>, target?: string) => void

/** Fan-out of pushed events to the connected windows or sockets allowed to see them. */
export interface EventBus {
  emit<K extends EventName>(name: K, payload: EventPayload<K>, target?: string): void
  subscribe(listener: EventListener): () => void
}

export function createEventBus(): EventBus {
  const listeners = new Set<EventListener>()
  return {
    emit(name, payload, target) {
      for (const listener of listeners) listener(name, payload, target)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
