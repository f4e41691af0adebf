import type { StudioBridge } from '../../../shared/bridge'
import type { Result } from '../../../shared/contract'

/** How the renderer reaches the core: the Electron bridge or the web host's socket. */
export interface Transport {
  invoke(name: string, input: unknown): Promise<Result<unknown>>
  /** Subscribes to one pushed event by name; returns the unsubscribe function. */
  on(name: string, listener: (payload: unknown) => void): () => void
}

declare global {
  interface Window {
    studio?: StudioBridge
  }
}
