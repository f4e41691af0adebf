/** Milliseconds of 16-bit mono PCM. */
export const pcmMs = (bytes: number, sampleRate: number) => (bytes / (sampleRate * 2)) * 1000

/**
 * The last few hundred milliseconds of microphone audio. When the candidate starts talking over
 * the interviewer, detection needs a moment of speech; this keeps that moment so the answer's
 * recording and transcript begin with its first word.
 */
export function createPreRoll(sampleRate: number, keepMs: number) {
  const limit = Math.round((sampleRate * 2 * keepMs) / 1000)
  let chunks: Uint8Array[] = []
  let bytes = 0
  return {
    push(pcm: Uint8Array) {
      chunks.push(pcm)
      bytes += pcm.byteLength
      while (chunks.length > 1 && bytes - chunks[0]!.byteLength >= limit) bytes -= chunks.shift()!.byteLength
    },
    /** Hands over what is kept and starts empty. */
    take(): Uint8Array[] {
      const out = chunks
      chunks = []
      bytes = 0
      return out
    },
    clear() {
      chunks = []
      bytes = 0
    },
  }
}
