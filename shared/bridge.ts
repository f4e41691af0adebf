import type { Result } from './contract'

/**
 * What preload exposes as `window.studio`, and nothing else. Main checks every call's sender and
 * input; `on` accepts only event names declared in the contract and returns the unsubscribe.
 */
export interface StudioBridge {
  invoke(name: string, input: unknown): Promise<Result<unknown>>
  on(event: string, callback: (payload: unknown) => void): () => void
}
