import { createEnergyVad } from '@core/audio/vad'
import type { WavInfo } from '@core/audio/wav'

/**
 * What the keyless demo "hears" when no test scripted a transcript. The stub cannot recognise
 * words, so it says so, numbered so that no two answers read the same.
 */
export function demoTranscript(turn: number): string {
  return `[Demo transcript ${turn + 1}] The demo provider cannot recognise speech; this line stands in for what the candidate said.`
}

export interface HeardWord {
  word: string
  start: number
  end: number
  confidence: number
}

/** Spreads a transcript's words evenly over a stretch of speech (seconds). */
export function wordsOver(text: string, start: number, end: number): HeardWord[] {
  const words = text.split(/\s+/).filter(Boolean)
  const step = words.length ? Math.max(0.05, (end - start) / words.length) : 0
  return words.map((word, i) => ({
    word,
    start: Math.round((start + i * step) * 1000) / 1000,
    end: Math.round((start + (i + 1) * step) * 1000) / 1000,
    confidence: 0.98,
  }))
}

/**
 * What the stub "hears" in a recorded file. It cannot recognise words, so the text is the next
 * scripted transcript; but it does listen: a WAV file with no speech in it (by energy) transcribes
 * to nothing, and word timings fall where the speech is.
 */
export function transcriptFor(
  audio: Uint8Array,
  wav: WavInfo | null,
  next: () => string,
): { text: string; words: HeardWord[]; durationSec: number } {
  if (!wav || wav.bitsPerSample !== 16) {
    const durationSec = audio.byteLength / 4000
    const text = next()
    return { text, words: wordsOver(text, 0, durationSec * 0.9), durationSec }
  }
  const vad = createEnergyVad({ sampleRate: wav.sampleRate * wav.channels })
  vad.push(audio.subarray(wav.dataOffset, wav.dataOffset + wav.dataBytes))
  if (vad.speechStartMs === null || vad.lastVoiceMs === null)
    return { text: '', words: [], durationSec: wav.durationSec }
  const text = next()
  return {
    text,
    words: wordsOver(text, vad.speechStartMs / 1000, vad.lastVoiceMs / 1000),
    durationSec: wav.durationSec,
  }
}
