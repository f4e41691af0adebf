import { events } from '../../../shared/contract'
import type { StudioBridge } from '../../../shared/bridge'
import type { Transport } from './transport'

export function electronTransport(bridge: StudioBridge): Transport {
  return {
    invoke: (name, input) => bridge.invoke(name, input),
    on(listener) {
      const offs = Object.keys(events).map((name) => bridge.on(name, (payload) => listener(name, payload)))
      return () => offs.forEach((off) => off())
    },
  }
}
