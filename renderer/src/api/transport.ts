import type { Result } from '../../../shared/contract'

/** How the renderer reaches main: the Electron bridge or the web host's socket. */
export interface Transport {
  invoke(name: string, input: unknown): Promise<Result<unknown>>
  on(listener: (name: string, payload: unknown) => void): () => void
}

/** The shape preload exposes as `window.studio`. */
export interface Bridge {
  invoke(name: string, input: unknown): Promise<Result<unknown>>
  on(event: string, callback: (payload: unknown) => void): () => void
}

declare global {
  interface Window {
    studio?: Bridge
  }
}
