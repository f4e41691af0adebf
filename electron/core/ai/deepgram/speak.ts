import type { SpeakSchema } from '@deepgram/sdk'
import { readBody } from '../async-queue'
import type { SpeechRequest } from '../types'
import type { ResponseNote } from './errors'
import { AbortableSpeakClient, deepgramOptions } from './rest'

/** Matches OpenAI's raw PCM so callers play both providers the same way. */
export const DEEPGRAM_PCM_SAMPLE_RATE = 24_000

function encodingFor(format: SpeechRequest['format']): SpeakSchema {
  switch (format) {
    case 'pcm':
      return { encoding: 'linear16', sample_rate: DEEPGRAM_PCM_SAMPLE_RATE, container: 'none' }
    case 'wav':
      return { encoding: 'linear16', sample_rate: DEEPGRAM_PCM_SAMPLE_RATE, container: 'wav' }
    default:
      return { encoding: 'mp3' }
  }
}

/** Opens Deepgram's /v1/speak; resolves at the response headers, then hands on audio as it arrives. */
export async function openDeepgramSpeech(
  key: string,
  baseUrl: string | undefined,
  model: string,
  request: Pick<SpeechRequest, 'text' | 'format'>,
  signal: AbortSignal,
  note: ResponseNote,
): Promise<AsyncIterator<Uint8Array>> {
  const client = new AbortableSpeakClient(deepgramOptions(key, baseUrl), signal, note)
  await client.request({ text: request.text }, { model, ...encodingFor(request.format) })
  const body = await client.getStream()
  if (!body) throw new SyntaxError('speak response without a body')
  return readBody(body)
}
