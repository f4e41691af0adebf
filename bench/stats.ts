/** The nearest-rank percentile of the values; NaN when there are none. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

/** The median: the middle value, or the mean of the two middle ones; NaN when there are none. */
export function median(values: number[]): number {
  if (!values.length) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export const ms = (value: number) => (Number.isNaN(value) ? 'n/a' : `${Math.round(value)} ms`)

/**
 * What the voice benchmarks give the AI wire stub: speech-to-text final 150 ms after the end of
 * speech (OpenAI transcription 300 ms), chat 300 ms to the first token at 30 tokens/s, speech 150 ms
 * to the first byte.
 */
export const VOICE_PROVIDER_LATENCY = {
  sttFinalDelayMs: 150,
  firstTokenMs: 300,
  tokenIntervalMs: 33,
  firstAudioByteMs: 150,
  audioChunkIntervalMs: 40,
  responseMs: 300,
}
