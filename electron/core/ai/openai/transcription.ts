import type OpenAI from 'openai'
import { toFile } from 'openai'
import { z } from 'zod'
import { parseWav } from '../../audio/wav'
import type { Transcript } from '../types'

const wordSchema = z.object({ word: z.string(), start: z.number().nonnegative(), end: z.number().nonnegative() })

const responseSchema = z.object({
  text: z.string(),
  duration: z.number().nonnegative().optional(),
  words: z.array(wordSchema).optional(),
  usage: z
    .union([
      z.object({ type: z.literal('duration'), seconds: z.number().nonnegative() }),
      z.object({
        type: z.literal('tokens'),
        input_tokens: z.number().int().nonnegative(),
        output_tokens: z.number().int().nonnegative(),
      }),
    ])
    .optional(),
})

export interface TranscriptionResult {
  transcript: Transcript
  audioSeconds: number
  inputTokens: number
  outputTokens: number
}

const EXTENSIONS: Record<string, string> = {
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/wave': 'wav',
  'audio/webm': 'webm',
  'audio/ogg': 'ogg',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/flac': 'flac',
}

/** whisper-1 is the OpenAI model that returns word timings; the gpt-4o transcribers return text only. */
const wordsSupported = (model: string) => model.startsWith('whisper')

export async function transcribeWithOpenAi(
  client: OpenAI,
  model: string,
  audio: Uint8Array,
  mimeType: string,
  signal: AbortSignal,
): Promise<TranscriptionResult> {
  const type = mimeType.split(';')[0]!.trim().toLowerCase()
  const file = await toFile(
    Buffer.from(audio.buffer, audio.byteOffset, audio.byteLength),
    `answer.${EXTENSIONS[type] ?? 'bin'}`,
    { type },
  )
  const raw: unknown = wordsSupported(model)
    ? await client.audio.transcriptions.create(
        { file, model, response_format: 'verbose_json', timestamp_granularities: ['word'] },
        { signal },
      )
    : await client.audio.transcriptions.create({ file, model, response_format: 'json' }, { signal })
  const parsed = responseSchema.safeParse(raw)
  if (!parsed.success) throw new SyntaxError(`transcription response: ${parsed.error.issues[0]?.message ?? 'invalid'}`)
  const response = parsed.data
  const audioSeconds =
    response.duration ??
    (response.usage?.type === 'duration' ? response.usage.seconds : undefined) ??
    parseWav(audio)?.durationSec ??
    0
  return {
    transcript: {
      text: response.text.trim(),
      words: (response.words ?? []).map((w) => ({ word: w.word, start: w.start, end: Math.max(w.start, w.end) })),
      durationSec: audioSeconds,
    },
    audioSeconds,
    inputTokens: response.usage?.type === 'tokens' ? response.usage.input_tokens : 0,
    outputTokens: response.usage?.type === 'tokens' ? response.usage.output_tokens : 0,
  }
}
