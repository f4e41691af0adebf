export interface VadOptions {
  sampleRate: number
  /** Analysis frame; 20 ms is what speech codecs and WebRTC's VAD use. */
  frameMs?: number
  /** A frame is voiced above this level and above the noise floor by `marginDb`. */
  thresholdDbfs?: number
  marginDb?: number
  /** Voiced audio needed before a run counts as speech, so clicks do not. */
  minSpeechMs?: number
}

/**
 * An energy-based voice-activity detector for 16-bit little-endian mono PCM. It tracks the noise
 * floor so a humming room does not count as speech, and reports positions in audio time (ms from
 * the first sample), which is what end-of-speech decisions are measured in.
 */
export interface EnergyVad {
  push(pcm: Uint8Array): void
  /** Audio consumed so far. */
  readonly positionMs: number
  /** Start of the current speech run, once confirmed; null before speech or after `reset()`. */
  readonly speechStartMs: number | null
  /** End of the last voiced frame in the current run. */
  readonly lastVoiceMs: number | null
  /** Silence since the current run's last voiced frame; 0 when no speech has been heard. */
  silenceMs(): number
  /** Forgets the current run (after the caller ended an utterance); the noise floor is kept. */
  reset(): void
}

export function createEnergyVad(options: VadOptions): EnergyVad {
  const frameMs = options.frameMs ?? 20
  const frameSamples = Math.max(1, Math.round((options.sampleRate * frameMs) / 1000))
  const threshold = options.thresholdDbfs ?? -42
  const margin = options.marginDb ?? 12
  const minSpeechFrames = Math.max(1, Math.round((options.minSpeechMs ?? 60) / frameMs))

  let leftover: number | null = null
  let sumSquares = 0
  let inFrame = 0
  let frames = 0
  let floorDb = -70
  let voicedRun = 0
  let runStartFrame = 0
  let speechStart: number | null = null
  let lastVoice: number | null = null

  const endFrame = () => {
    const rms = Math.sqrt(sumSquares / inFrame) / 32768
    const db = rms > 0 ? 20 * Math.log10(rms) : -120
    const voiced = db > Math.max(threshold, floorDb + margin)
    if (voiced) {
      if (voicedRun === 0) runStartFrame = frames
      voicedRun++
      if (voicedRun >= minSpeechFrames) {
        if (speechStart === null) speechStart = runStartFrame * frameMs
        lastVoice = (frames + 1) * frameMs
      } else if (speechStart !== null) {
        lastVoice = (frames + 1) * frameMs
      }
    } else {
      voicedRun = 0
      // The floor follows quiet frames slowly, so one loud breath does not raise it.
      floorDb = floorDb * 0.95 + db * 0.05
    }
    frames++
    sumSquares = 0
    inFrame = 0
  }

  const sample = (value: number) => {
    sumSquares += value * value
    if (++inFrame === frameSamples) endFrame()
  }

  return {
    push(pcm) {
      let at = 0
      if (leftover !== null && pcm.byteLength > 0) {
        sample((((pcm[0]! << 8) | leftover) << 16) >> 16)
        leftover = null
        at = 1
      }
      const view = new DataView(pcm.buffer, pcm.byteOffset, pcm.byteLength)
      for (; at + 1 < pcm.byteLength; at += 2) sample(view.getInt16(at, true))
      if (at < pcm.byteLength) leftover = pcm[at]!
    },
    get positionMs() {
      return frames * frameMs
    },
    get speechStartMs() {
      return speechStart
    },
    get lastVoiceMs() {
      return lastVoice
    },
    silenceMs() {
      return lastVoice === null ? 0 : frames * frameMs - lastVoice
    },
    reset() {
      speechStart = null
      lastVoice = null
      voicedRun = 0
    },
  }
}
