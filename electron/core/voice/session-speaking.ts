import { bytesToBase64 } from '../../../shared/base64'
import { pcmMs } from './pcm'
import { PRACTICE_CLOSE, PRACTICE_PROMPT, sayOnce } from './practice'
import {
  emitState,
  errorText,
  refreshTurn,
  type Speaking,
  type Utterance,
  type VoiceSessionState,
} from './session-state'
import { TTS_SAMPLE_RATE, type SpokenUtterance, type UtteranceSink } from './utterance-speaker'

/** Approximate speaking rate of the kiosk's own speech synthesis, for the wait before giving up on it. */
const BROWSER_SPEECH_MS_PER_CHAR = 90

/**
 * Passes the interviewer's words through and calls `onStarted` once the first arrive (or none
 * will). Reading the turn earlier would settle the pending answer before the engine has read it,
 * and the interviewer would skip its acknowledgement; after the first words, the engine's own
 * decision is queued first and the read returns the turn it decided.
 */
export async function* readingTurnAfterFirstWords(
  text: AsyncIterable<string>,
  onStarted: () => void,
): AsyncGenerator<string> {
  try {
    for await (const delta of text) {
      onStarted()
      yield delta
    }
  } finally {
    onStarted()
  }
}

/** Stops the utterance in progress: its generation and speech are aborted and the kiosk stops playing it. */
export function cancelSpeaking(session: VoiceSessionState): Speaking | null {
  const current = session.speaking
  if (!current) return null
  session.speaking = null
  current.controller.abort()
  if (current.timer) clearTimeout(current.timer)
  session.deps.emit('voice.stopPlayback', { streamId: session.streamId, utteranceId: current.utteranceId })
  return current
}

/** Tells the kiosk the utterance is complete, with how long its parts took to arrive. */
export function emitReplyDone(session: VoiceSessionState, current: Speaking, spoken: SpokenUtterance): void {
  session.deps.emit('voice.reply', {
    streamId: session.streamId,
    utteranceId: current.utteranceId,
    segment: '',
    speech: current.browserChars > 0 ? 'browser' : 'server',
    done: true,
    timing: {
      firstSegmentMs: spoken.firstSegmentMs,
      firstAudioMs: spoken.firstAudioMs,
      textDoneMs: spoken.textDoneMs,
    },
  })
}

/** How long the kiosk should take to play the utterance, whether from our audio or with its own voice. */
export const expectedPlaybackMs = (current: Speaking) =>
  pcmMs(current.audioBytes, TTS_SAMPLE_RATE) + current.browserChars * BROWSER_SPEECH_MS_PER_CHAR

export function wordsOf(session: VoiceSessionState, kind: Utterance, signal: AbortSignal): AsyncIterable<string> {
  if (kind === 'practice_prompt') return sayOnce(PRACTICE_PROMPT)
  if (kind === 'practice_close') return sayOnce(PRACTICE_CLOSE)
  return session.deps.engine.nextUtterance(session.sessionId, { signal })
}

/** While the interviewer still speaks, the kiosk switches to the question the engine has just decided on. */
export function showDecidedTurn(session: VoiceSessionState, my: number): Promise<void> {
  return refreshTurn(session).then(
    () => {
      if (my === session.epoch && session.phase === 'speaking') emitState(session)
    },
    (error: unknown) =>
      session.deps.logger.warn('could not read the interview turn', {
        sessionId: session.sessionId,
        error: errorText(error),
      }),
  )
}

export function kioskSink(session: VoiceSessionState, current: Speaking): UtteranceSink {
  const { deps, streamId } = session
  return {
    segment(segment, speech) {
      if (speech === 'browser') current.browserChars += segment.length
      deps.emit('voice.reply', {
        streamId,
        utteranceId: current.utteranceId,
        segment,
        speech,
        done: false,
        timing: null,
      })
    },
    audio(pcm) {
      current.audioBytes += pcm.byteLength
      deps.emit('voice.speech', {
        streamId,
        utteranceId: current.utteranceId,
        seq: current.seq++,
        sampleRate: TTS_SAMPLE_RATE,
        pcm: bytesToBase64(pcm),
      })
    },
  }
}
