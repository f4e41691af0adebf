import { events } from '../../../shared/contract'
import type { Bridge, Transport } from './transport'

export function electronTransport(bridge: Bridge): Transport {
  return {
    invoke: (name, input) => bridge.invoke(name, input),
    on(listener) {
      const offs = Object.keys(events).map((name) => bridge.on(name, (payload) => listener(name, payload)))
      return () => offs.forEach((off) => off())
    },
  }
}
