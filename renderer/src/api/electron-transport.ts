import type { StudioBridge } from '../../../shared/bridge'
import type { Transport } from './transport'

export function electronTransport(bridge: StudioBridge): Transport {
  return {
    invoke: (name, input) => bridge.invoke(name, input),
    on: (name, listener) => bridge.on(name, listener),
  }
}
