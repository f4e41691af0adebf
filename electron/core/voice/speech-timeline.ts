import { createEnergyVad } from '../audio/vad'

/** Silence shorter than this inside speech is a gap between words, not a pause. */
const RUN_GAP_MS = 250
/** A pause worth reporting (hesitation, thinking) is at least this long. */
export const REPORTED_PAUSE_MS = 1000

export interface SpeechRun {
  startMs: number
  endMs: number
}

export interface AnswerTiming {
  /** Audio time of the first and last voiced frames; null when nothing was said. */
  firstSpeechMs: number | null
  lastSpeechMs: number | null
  /** Voiced time: the sum of speech runs. */
  speechMs: number
  /** Silences of at least REPORTED_PAUSE_MS between the first and last speech. */
  pauses: { startMs: number; durationMs: number }[]
}

export interface SpeechTimeline {
  push(pcm: Uint8Array): void
  /** Audio received so far. */
  readonly positionMs: number
  /** Silence since the last speech (0 before any speech). */
  silenceMs(): number
  /** Voiced time in the run in progress (0 when silent). */
  currentRunMs(): number
  heardSpeech(): boolean
  summary(): AnswerTiming
}

/**
 * Speech runs of one answer, measured on its own audio with the energy VAD, in audio time from the
 * answer's first sample. The same measure works with and without a speech-to-text provider, so
 * response delay, speech duration and pauses mean the same thing in live and scripted interviews.
 */
export function createSpeechTimeline(sampleRate: number): SpeechTimeline {
  const vad = createEnergyVad({ sampleRate })
  const runs: SpeechRun[] = []

  const closeRunIfEnded = (force: boolean) => {
    if (vad.speechStartMs === null || vad.lastVoiceMs === null) return
    if (!force && vad.silenceMs() < RUN_GAP_MS) return
    runs.push({ startMs: vad.speechStartMs, endMs: vad.lastVoiceMs })
    vad.reset()
  }

  const allRuns = (): SpeechRun[] =>
    vad.speechStartMs !== null && vad.lastVoiceMs !== null
      ? [...runs, { startMs: vad.speechStartMs, endMs: vad.lastVoiceMs }]
      : runs

  return {
    push(pcm) {
      vad.push(pcm)
      closeRunIfEnded(false)
    },
    get positionMs() {
      return vad.positionMs
    },
    silenceMs() {
      const last = vad.lastVoiceMs ?? runs.at(-1)?.endMs
      return last === undefined ? 0 : vad.positionMs - last
    },
    currentRunMs() {
      return vad.speechStartMs !== null && vad.lastVoiceMs !== null ? vad.lastVoiceMs - vad.speechStartMs : 0
    },
    heardSpeech: () => allRuns().length > 0,
    summary() {
      const all = allRuns()
      const pauses: AnswerTiming['pauses'] = []
      for (let i = 1; i < all.length; i++) {
        const gap = all[i]!.startMs - all[i - 1]!.endMs
        if (gap >= REPORTED_PAUSE_MS) pauses.push({ startMs: all[i - 1]!.endMs, durationMs: gap })
      }
      return {
        firstSpeechMs: all[0]?.startMs ?? null,
        lastSpeechMs: all.at(-1)?.endMs ?? null,
        speechMs: all.reduce((sum, run) => sum + (run.endMs - run.startMs), 0),
        pauses,
      }
    },
  }
}
