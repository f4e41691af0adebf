import { base64ToBytes, bytesToBase64 } from '../../../../shared/base64'
import type { MIC_SAMPLE_RATES, VoiceStart, VoiceStateEvent } from '../../../../shared/contract/kiosk'
import { call, on, StudioRequestError } from '../../api/client'
import type { MicCapture } from '../audio/mic-capture'
import { ReplyPlayer } from '../audio/reply-player'
import { noteAnswerEnded, noteMicLevel } from '../audio/speech-marks'

/** Mic chunks allowed in flight; beyond this (a stalled connection) chunks are dropped, not queued without end. */
const MAX_IN_FLIGHT = 25

export interface VoiceLinkHandlers {
  onStarted(start: VoiceStart): void
  onState(state: VoiceStateEvent): void
  /** The candidate's words as heard so far. */
  onCaption(text: string, final: boolean, turnIndex: number | null): void
  /** A piece of what the interviewer says (text on screen); `fresh` starts a new utterance. */
  onInterviewerWords(text: string, fresh: boolean): void
  onSpeaking(speaking: boolean): void
  /** The connection to the studio is down or the stream was lost; the link starts a new stream once it can. */
  onConnection(ok: boolean): void
  /** The studio no longer accepts this interview's token: the candidate enters the code again. */
  onTokenRejected(): void
}

export interface VoiceLink {
  readonly streamId: string
  interrupt(): Promise<void>
  endAnswer(): Promise<void>
  typing(on: boolean): Promise<void>
  repeat(): Promise<void>
  retake(): Promise<void>
  textAnswer(input: { turnIndex: number; text: string; typingMs: number; pastedChars: number }): Promise<void>
  camera(turnIndex: number, seq: number, data: string): void
  close(): Promise<void>
}

const isLost = (error: unknown) =>
  error instanceof StudioRequestError && (error.code === 'not_found' || error.code === 'unavailable')

/**
 * The kiosk's end of the voice loop: streams microphone chunks to the studio, plays what comes
 * back, and reports playback. If the studio loses the stream (it restarted) the link opens a new
 * one, and the interview continues where the studio says it stands.
 */
export function openVoiceLink(options: {
  token: string
  practice: boolean
  mic: MicCapture
  handlers: VoiceLinkHandlers
}): VoiceLink {
  const { mic, handlers } = options
  let streamId = crypto.randomUUID()
  let started = false
  let closed = false
  let seq = 0
  let inFlight = 0
  let restarting: Promise<void> | null = null
  let lastUtterance: string | null = null

  const player = new ReplyPlayer(mic.context, {
    onStarted: () => handlers.onSpeaking(true),
    onEnded(utteranceId) {
      handlers.onSpeaking(false)
      void call('interview.voicePlayback', { streamId, utteranceId, event: 'ended' }).catch(() => undefined)
    },
  })

  const mine = (payload: { streamId: string }) => payload.streamId === streamId && !closed
  const unsubscribers = [
    on('voice.state', (state) => {
      if (!mine(state)) return
      if (state.phase === 'thinking') noteAnswerEnded()
      handlers.onState(state)
    }),
    on('voice.caption', (caption) => {
      if (mine(caption)) handlers.onCaption(caption.text, caption.final, caption.turnIndex)
    }),
    on('voice.reply', (reply) => {
      if (!mine(reply)) return
      if (reply.done) return player.finish(reply.utteranceId)
      handlers.onInterviewerWords(reply.segment, reply.utteranceId !== lastUtterance)
      lastUtterance = reply.utteranceId
      if (reply.speech === 'browser') player.say(reply.utteranceId, reply.segment)
    }),
    on('voice.speech', (speech) => {
      if (mine(speech)) player.pcm(speech.utteranceId, speech.sampleRate, base64ToBytes(speech.pcm))
    }),
    on('voice.stopPlayback', (stop) => {
      if (!mine(stop)) return
      player.stop(stop.utteranceId)
      handlers.onSpeaking(false)
    }),
  ]

  const start = async () => {
    started = false
    const result = await call('interview.voiceStart', {
      token: options.token,
      streamId,
      sampleRate: mic.sampleRate as (typeof MIC_SAMPLE_RATES)[number],
      practice: options.practice,
    })
    if (closed) return
    started = true
    handlers.onConnection(true)
    handlers.onStarted(result)
  }

  /** A new stream after the old one was lost; retried until the studio answers. */
  const restart = () => {
    restarting ??= (async () => {
      handlers.onConnection(false)
      player.stop()
      handlers.onSpeaking(false)
      for (let delay = 250; !closed; delay = Math.min(delay * 2, 2000)) {
        streamId = crypto.randomUUID()
        try {
          await start()
          return
        } catch (error) {
          if (error instanceof StudioRequestError && error.code === 'forbidden') return handlers.onTokenRejected()
          await new Promise((resolve) => setTimeout(resolve, delay))
        }
      }
    })().finally(() => (restarting = null))
  }

  const stopListening = mic.onChunk((chunk) => {
    noteMicLevel(chunk.rms, chunk.at)
    if (!started || closed || inFlight >= MAX_IN_FLIGHT) return
    inFlight++
    call('interview.voiceMic', { streamId, seq: seq++, pcm: bytesToBase64(chunk.pcm) })
      .catch((error: unknown) => {
        if (isLost(error) && !restarting) restart()
      })
      .finally(() => inFlight--)
  })

  const control = async (run: () => Promise<unknown>) => {
    try {
      await run()
    } catch (error) {
      if (isLost(error)) restart()
      else throw error
    }
  }

  start().catch((error: unknown) => {
    if (error instanceof StudioRequestError && error.code === 'forbidden') handlers.onTokenRejected()
    else restart()
  })

  return {
    get streamId() {
      return streamId
    },
    interrupt: () =>
      control(() => {
        player.stop()
        handlers.onSpeaking(false)
        return call('interview.voiceInterrupt', { streamId })
      }),
    endAnswer: () => control(() => call('interview.voiceEndAnswer', { streamId })),
    typing: (on) => control(() => call('interview.voiceTyping', { streamId, typing: on })),
    repeat: () => control(() => call('interview.voiceRepeat', { streamId })),
    retake: () => control(() => call('interview.voiceRetake', { streamId })),
    textAnswer: (input) => control(() => call('interview.voiceTextAnswer', { streamId, ...input })),
    camera(turnIndex, chunkSeq, data) {
      if (started)
        void call('interview.voiceCamera', { streamId, turnIndex, seq: chunkSeq, data }).catch(() => undefined)
    },
    async close() {
      if (closed) return
      closed = true
      stopListening()
      unsubscribers.forEach((unsubscribe) => unsubscribe())
      player.stop()
      await call('interview.voiceStop', { streamId }).catch(() => undefined)
    },
  }
}
