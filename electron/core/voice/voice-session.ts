import type { TypedAnswerInput } from '../interviews/engine/answer-input'
import type { EngineTurn } from '../interviews/engine/turn-view'
import { createBargeInDetector } from './barge-in'
import { createPreRoll } from './pcm'
import {
  playbackEvent,
  receiveMic,
  repeatQuestion,
  retakeAnswer,
  stopSession,
  submitTextAnswer,
} from './session-commands'
import { finishAnswer, interrupt, speak } from './session-loop'
import type { VoiceSessionDeps, VoiceSessionState } from './session-state'
import { receiveCamera } from './session-video'
import { pauseSession } from './session-pause'

export {
  DEFAULT_VOICE_OPTIONS,
  type Emit,
  type VoiceEngine,
  type VoiceOptions,
  type VoiceSessionDeps,
} from './session-state'

export interface VoiceSessionInit {
  streamId: string
  sessionId: string
  sampleRate: number
  practice: boolean
  turn: EngineTurn
}

export interface VoiceSession {
  readonly streamId: string
  readonly sessionId: string
  readonly practice: boolean
  readonly lastMicAt: number
  /** Starts speaking: the practice prompt, or whatever the interviewer says next. */
  begin(): void
  mic(seq: number, pcm: Uint8Array): void
  camera(turnIndex: number, seq: number, data: Uint8Array): void
  playback(utteranceId: string, event: 'started' | 'ended'): void
  interrupt(): void
  endAnswer(): void
  /** The candidate opened (or closed) the box to type their answer. */
  typing(on: boolean): void
  repeat(): Promise<void>
  /** Starts the current answer again; refused (conflict) when the question has no retakes left. */
  retake(): Promise<void>
  textAnswer(input: TypedAnswerInput): Promise<void>
  /** Holds the interview at this question, telling the candidate why (see pauseSession). */
  pause(notice: string): Promise<void>
  /** Stops everything; an answer in progress keeps its recording but is not submitted. */
  stop(): Promise<void>
}

/**
 * One kiosk's live voice loop for one interview: speak, listen, decide, speak again. The
 * interviewer's words stream from the engine through sentence cutting and text-to-speech to the
 * kiosk; the candidate's microphone streams into an answer capture (recording, captions, end of
 * answer). Speaking over the interviewer stops the reply and cancels what is still being made.
 *
 * Every step that waits (the engine, the providers) checks an epoch when it resumes, so a step
 * overtaken by the candidate (an interruption, a repeat, a text answer) never acts on stale state.
 */
export function createVoiceSession(deps: VoiceSessionDeps, init: VoiceSessionInit): VoiceSession {
  const { streamId, sessionId, sampleRate, practice } = init
  const session: VoiceSessionState = {
    deps,
    streamId,
    sessionId,
    sampleRate,
    practice,
    bargeIn: createBargeInDetector(sampleRate, deps.options.bargeInSpeechMs),
    preRoll: createPreRoll(sampleRate, deps.options.preRollMs),
    videos: new Map(),
    turn: init.turn,
    phase: 'idle',
    epoch: 0,
    speaking: null,
    capture: null,
    held: null,
    listenedFromQuestionEnd: false,
    nextStt: null,
    submitting: Promise.resolve(),
    graceable: null,
    continuing: null,
    lastSeq: -1,
    lastMicAt: deps.clock.now(),
    lastTouchAt: 0,
    stopped: false,
  }
  return {
    streamId,
    sessionId,
    practice,
    get lastMicAt() {
      return session.lastMicAt
    },
    begin: () => speak(session, practice ? 'practice_prompt' : 'engine'),
    mic: (seq, pcm) => receiveMic(session, seq, pcm),
    camera: (turnIndex, seq, data) => receiveCamera(session, turnIndex, seq, data),
    playback: (utteranceId, event) => playbackEvent(session, utteranceId, event),
    interrupt: () => interrupt(session),
    typing: (on) => session.capture?.hold(on),
    endAnswer() {
      if (session.capture) void finishAnswer(session, 'candidate')
    },
    repeat: () => repeatQuestion(session),
    retake: () => retakeAnswer(session),
    textAnswer: (input) => submitTextAnswer(session, input),
    pause: (notice) => pauseSession(session, notice),
    stop: () => stopSession(session),
  }
}
