import { z } from 'zod'
import type { Transcript } from '../types'
import type { ResponseNote } from './errors'
import { AbortableListenClient, deepgramOptions } from './rest'

const wordSchema = z.object({
  word: z.string(),
  punctuated_word: z.string().optional(),
  start: z.number().nonnegative(),
  end: z.number().nonnegative(),
  confidence: z.number().min(0).max(1).optional(),
})

export const deepgramAlternativeSchema = z.object({
  transcript: z.string(),
  words: z.array(wordSchema).default([]),
})

const responseSchema = z.object({
  metadata: z.object({ duration: z.number().nonnegative() }),
  results: z.object({
    channels: z.array(z.object({ alternatives: z.array(deepgramAlternativeSchema).min(1) })).min(1),
  }),
})

export const toWords = (words: z.infer<typeof wordSchema>[]) =>
  words.map((w) => ({
    word: w.punctuated_word ?? w.word,
    start: w.start,
    end: Math.max(w.start, w.end),
    confidence: w.confidence,
  }))

/** Sends a recorded file to Deepgram's /v1/listen and checks the answer before anyone uses it. */
export async function transcribeWithDeepgram(
  key: string,
  baseUrl: string | undefined,
  model: string,
  audio: Uint8Array,
  signal: AbortSignal,
  note: ResponseNote,
): Promise<Transcript> {
  const client = new AbortableListenClient(deepgramOptions(key, baseUrl), signal, note)
  const { result, error } = await client.transcribeFile(Buffer.from(audio.buffer, audio.byteOffset, audio.byteLength), {
    model,
    smart_format: true,
    punctuate: true,
  })
  if (error) throw error
  const parsed = responseSchema.safeParse(result)
  if (!parsed.success) throw new SyntaxError(`listen response: ${parsed.error.issues[0]?.message ?? 'invalid'}`)
  const best = parsed.data.results.channels[0]!.alternatives[0]!
  return { text: best.transcript.trim(), words: toWords(best.words), durationSec: parsed.data.metadata.duration }
}
