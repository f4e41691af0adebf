import { performance } from 'node:perf_hooks'
import type { AiConnectionTestResult, AiSettings } from '../../../shared/contract/ai'
import { encodeWav } from '../audio/wav'
import { isAiError, PROVIDER_NAMES } from './errors'
import type { Capability, Chat, Embeddings, ProviderId, SpeechToText, TextToSpeech } from './types'

export interface ConnectionTestDeps {
  settings(): AiSettings
  capabilities: { chat: Chat; embeddings: Embeddings; stt: SpeechToText; tts: TextToSpeech }
  onSuccess(provider: ProviderId): void
}

/** Half a second of 16 kHz silence: the smallest real file a transcriber accepts. */
const silence = () => encodeWav(new Uint8Array(16_000), 16_000)

/**
 * "Test connection": the cheapest real call through the configured provider and model, so the
 * key, the model name and the network are all proven at once. It is billed and counted like any call.
 */
export function testConnection(deps: ConnectionTestDeps) {
  const probe = async (capability: Capability) => {
    const { chat, embeddings, stt, tts } = deps.capabilities
    switch (capability) {
      case 'chat':
        await chat.complete({ messages: [{ role: 'user', content: 'Reply with the single word: ok' }], maxTokens: 5 })
        return
      case 'embeddings':
        await embeddings.embed(['connection test'])
        return
      case 'stt':
        await stt.transcribe(silence(), 'audio/wav')
        return
      case 'tts': {
        let bytes = 0
        for await (const chunk of tts.stream({ text: 'Hello.', format: 'mp3' })) bytes += chunk.byteLength
        if (!bytes) throw new Error('no audio came back')
        return
      }
    }
  }

  return async (capability: Capability): Promise<AiConnectionTestResult> => {
    const { provider, model } = deps.settings()[capability]
    const started = performance.now()
    try {
      await probe(capability)
      const latencyMs = Math.round(performance.now() - started)
      deps.onSuccess(provider)
      return {
        capability,
        provider,
        model,
        ok: true,
        latencyMs,
        message: `${PROVIDER_NAMES[provider]} answered with ${model} in ${latencyMs} ms`,
      }
    } catch (error) {
      return {
        capability,
        provider,
        model,
        ok: false,
        latencyMs: Math.round(performance.now() - started),
        message: isAiError(error) ? error.message : `${PROVIDER_NAMES[provider]} test failed unexpectedly`,
      }
    }
  }
}
