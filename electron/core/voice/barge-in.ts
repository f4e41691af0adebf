import { createEnergyVad, type EnergyVad } from '../audio/vad'

/** Voiced time that counts as the candidate talking over the interviewer; shorter is a cough or a click. */
export const BARGE_IN_SPEECH_MS = 200

export interface BargeInDetector {
  /** Feeds microphone audio heard while the interviewer speaks; true once the candidate is talking. */
  push(pcm: Uint8Array): boolean
  /** Starts listening afresh (a new utterance); the room's noise floor is kept. */
  reset(): void
}

/**
 * Detects speech in the microphone while the interviewer's reply plays. The kiosk captures with
 * echo cancellation, so what remains of the interviewer's own voice is quiet; the VAD's noise floor
 * and a minimum run keep that, and short noises, from cutting the interviewer off.
 */
export function createBargeInDetector(sampleRate: number, minSpeechMs = BARGE_IN_SPEECH_MS): BargeInDetector {
  const vad: EnergyVad = createEnergyVad({ sampleRate })
  let fired = false
  return {
    push(pcm) {
      if (fired) return true
      vad.push(pcm)
      const start = vad.speechStartMs
      const last = vad.lastVoiceMs
      if (start === null || last === null) return false
      // A run that went quiet again before it was long enough was a noise: forget it.
      if (vad.silenceMs() > 150 && last - start < minSpeechMs) {
        vad.reset()
        return false
      }
      fired = last - start >= minSpeechMs
      return fired
    },
    reset() {
      fired = false
      vad.reset()
    },
  }
}
