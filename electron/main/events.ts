import type { EventName, EventPayload } from '../../shared/contract'

export type EventListener = <K extends EventName>(name: K, payload: EventPayload<K>) => void

/** Fan-out of pushed events to every connected window or socket. */
export interface EventBus {
  emit<K extends EventName>(name: K, payload: EventPayload<K>): void
  subscribe(listener: EventListener): () => void
}

export function createEventBus(): EventBus {
  const listeners = new Set<EventListener>()
  return {
    emit(name, payload) {
      for (const listener of listeners) listener(name, payload)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
