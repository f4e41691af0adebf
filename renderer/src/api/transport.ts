import type { StudioBridge } from '../../../shared/bridge'
import type { Result } from '../../../shared/contract'

/** How the renderer reaches the core: the Electron bridge or the web host's socket. */
export interface Transport {
  invoke(name: string, input: unknown): Promise<Result<unknown>>
  on(listener: (name: string, payload: unknown) => void): () => void
}

declare global {
  interface Window {
    studio?: StudioBridge
  }
}
