import type { z } from 'zod'

/**
 * The capabilities the studio uses from cloud AI, each behind a small interface so interviews,
 * question generation, screening and assessment never depend on a vendor SDK.
 */

export type ProviderId = 'openai' | 'deepgram'
export type Capability = 'chat' | 'embeddings' | 'stt' | 'tts'

/** Who a call is billed to; totals are kept per interview, per job and per month. */
export interface UsageScope {
  interviewId?: string
  jobId?: string
}

export interface CallOptions {
  signal?: AbortSignal
  scope?: UsageScope
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant'
  content: string
}

export interface ChatRequest extends CallOptions {
  messages: ChatMessage[]
  temperature?: number
  maxTokens?: number
}

export interface Chat {
  /** Streams text deltas as they arrive. */
  stream(request: ChatRequest): AsyncIterable<string>
  complete(request: ChatRequest): Promise<string>
  /** JSON output validated by the schema; one repair retry, then a clear error. */
  structured<T>(request: ChatRequest & { schema: z.ZodType<T>; schemaName: string }): Promise<T>
}

export interface Embeddings {
  embed(texts: string[], options?: CallOptions): Promise<number[][]>
}

export interface TranscriptWord {
  word: string
  start: number
  end: number
  confidence?: number
}

export interface Transcript {
  text: string
  words: TranscriptWord[]
  durationSec: number
}

export interface LiveTranscriptEvent {
  type: 'interim' | 'final' | 'utterance_end'
  text: string
  words?: TranscriptWord[]
  /** On a final: the provider heard the speaker stop (Deepgram's speech_final). The earliest end-of-answer signal. */
  speechFinal?: boolean
}

export interface LiveTranscription {
  /** Raw audio in the encoding given at open time. */
  send(chunk: Uint8Array): void
  /** Flushes and closes; resolves once the provider has sent its last results. */
  finish(): Promise<void>
  close(): void
  events: AsyncIterable<LiveTranscriptEvent>
}

export interface LiveTranscriptionOptions extends CallOptions {
  encoding: 'linear16' | 'opus' | 'webm'
  sampleRate: number
  /** Silence after speech that ends an utterance. */
  utteranceEndMs?: number
  /** Silence after which the provider finalises what it heard and marks it speechFinal (default 300). */
  endpointingMs?: number
}

export interface SpeechToText {
  transcribe(audio: Uint8Array, mimeType: string, options?: CallOptions): Promise<Transcript>
  live(options: LiveTranscriptionOptions): Promise<LiveTranscription>
}

export interface SpeechRequest extends CallOptions {
  text: string
  voice?: string
  /** Container of the chunks: mp3 plays anywhere, pcm for lowest latency (24 kHz, 16-bit little-endian, mono, from either provider). */
  format?: 'mp3' | 'pcm' | 'wav'
}

export interface TextToSpeech {
  /** Streams encoded audio chunks as the provider produces them. */
  stream(request: SpeechRequest): AsyncIterable<Uint8Array>
}

/** What the composition root hands to interviews, screening and assessment. */
export interface AiCapabilities {
  chat(): Chat
  embeddings(): Embeddings
  stt(): SpeechToText
  tts(): TextToSpeech
  /** True when the capability has a key and its provider's circuit is not open. */
  available(capability: Capability): boolean
}
