import type { AiSettings } from '../../../../shared/contract/ai'
import type { Clock } from '../../clock'
import type { createOpenAiClients } from '../openai/client'
import type { PromptLibrary } from '../prompts/library'
import type { CallRunner } from '../resilience/call-runner'
import type { Capability, LiveTranscription, ProviderId } from '../types'

/** What every capability needs: the runner that makes calls safe, the settings, keys and clients. */
export interface CapabilityContext {
  runner: CallRunner
  settings(): AiSettings
  /** The provider's key, or an AiError('not_configured'); read per call so a new key applies at once. */
  key(provider: ProviderId, capability: Capability): string
  openai: ReturnType<typeof createOpenAiClients>
  /** Deepgram's base URL when not the real API (http…; the live socket uses the ws… twin). */
  deepgramBaseUrl?: string
  prompts: PromptLibrary
  clock: Clock
  timeoutsMs: Record<Capability, number>
  embeddingBatchSize: number
  /** Registers an open live session so closing the studio closes it; returns the unregister. */
  track(session: LiveTranscription): () => void
}
