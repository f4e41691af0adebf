import type OpenAI from 'openai'
import { readBody } from '../async-queue'
import type { SpeechRequest } from '../types'

/** Raw PCM from OpenAI is 24 kHz, 16-bit little-endian, mono. */
export const OPENAI_PCM_SAMPLE_RATE = 24_000

/**
 * Opens a speech stream. Resolves once the provider has answered with headers; audio is handed on
 * chunk by chunk as it arrives from the socket.
 */
export async function openOpenAiSpeech(
  client: OpenAI,
  model: string,
  request: Pick<SpeechRequest, 'text' | 'voice' | 'format'>,
  signal: AbortSignal,
): Promise<AsyncIterator<Uint8Array>> {
  const response = await client.audio.speech.create(
    { model, input: request.text, voice: request.voice ?? 'alloy', response_format: request.format ?? 'mp3' },
    { signal },
  )
  if (!response.body) throw new SyntaxError('speech response without a body')
  return readBody(response.body as ReadableStream<Uint8Array>)
}
