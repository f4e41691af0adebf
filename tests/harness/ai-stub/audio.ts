import { createHash } from 'node:crypto'
import { encodeWav } from '@core/audio/wav'

/**
 * Speech-like test audio: a voiced tone (a fundamental and two harmonics) in syllable-sized bursts,
 * about 60 ms per character of text, so playback, level meters and VAD see something like speech.
 */
export function syntheticSpeech(text: string, sampleRate: number): Uint8Array {
  const seconds = Math.max(0.4, text.length * 0.06)
  const samples = Math.round(seconds * sampleRate)
  const pcm = new Uint8Array(samples * 2)
  const view = new DataView(pcm.buffer)
  const syllable = 0.25
  for (let i = 0; i < samples; i++) {
    const t = i / sampleRate
    const phase = (t % syllable) / syllable
    // 180 ms voiced, 70 ms quiet, with soft edges so there are no clicks.
    const envelope = phase < 0.72 ? Math.sin((Math.PI * phase) / 0.72) : 0
    const pitch = 150 + 30 * Math.sin(2 * Math.PI * 0.7 * t)
    const wave =
      Math.sin(2 * Math.PI * pitch * t) +
      0.5 * Math.sin(4 * Math.PI * pitch * t) +
      0.25 * Math.sin(6 * Math.PI * pitch * t)
    view.setInt16(i * 2, Math.round(envelope * wave * 0.3 * 32767 * 0.57), true)
  }
  return pcm
}

/** The bytes a speech endpoint sends: raw PCM, or a WAV file (also for mp3/opus requests; the stub cannot encode those). */
export function speechBytes(
  text: string,
  sampleRate: number,
  container: 'pcm' | 'wav',
): { bytes: Uint8Array; contentType: string } {
  const pcm = syntheticSpeech(text, sampleRate)
  return container === 'pcm'
    ? { bytes: pcm, contentType: 'audio/pcm' }
    : { bytes: encodeWav(pcm, sampleRate), contentType: 'audio/wav' }
}

/** Deterministic unit vectors: the same text always gets the same embedding. */
export function embeddingFor(text: string, dimensions: number): number[] {
  const out: number[] = []
  let block = createHash('sha256').update(text).digest()
  let counter = 0
  while (out.length < dimensions) {
    for (let i = 0; i + 1 < block.length && out.length < dimensions; i += 2)
      out.push(block.readUInt16LE(i) / 32767.5 - 1)
    block = createHash('sha256').update(block).update(String(++counter)).digest()
  }
  const norm = Math.sqrt(out.reduce((s, v) => s + v * v, 0)) || 1
  return out.map((v) => v / norm)
}
