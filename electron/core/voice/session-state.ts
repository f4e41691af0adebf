import type { EventName, EventPayload } from '../../../shared/contract'
import type { VoicePhase } from '../../../shared/contract/kiosk'
import type { LiveTranscription, SpeechToText, TextToSpeech } from '../ai/types'
import type { Clock } from '../clock'
import type { InterviewEngine } from '../interviews/engine/engine'
import { toKioskTurn, type EngineTurn } from '../interviews/engine/turn-view'
import type { Logger } from '../logger'
import type { RecordingsStore, VideoRecording } from '../recording/recordings-store'
import type { AnswerCapture } from './answer-capture'
import type { BargeInDetector } from './barge-in'
import type { createPreRoll } from './pcm'
import type { TurnJudge } from './turn-judge'

export type VoiceEngine = Pick<
  InterviewEngine,
  'currentTurn' | 'submitAnswer' | 'continueAnswer' | 'repeatQuestion' | 'retake' | 'skip' | 'nextUtterance' | 'touch'
>

export type Emit = <K extends EventName>(name: K, payload: EventPayload<K>) => void

export interface VoiceOptions {
  /** Silence after which speech-to-text marks the end of speech (its speech_final). */
  endpointingMs: number
  /** Silence after which the provider reports the end of an utterance. */
  utteranceEndMs: number
  /** Microphone audio kept so an answer that starts over the interviewer keeps its first words. */
  preRollMs: number
  /** Extra time, beyond the audio's own length, before main stops waiting for the kiosk's "playback ended". */
  playbackGraceMs: number
  /** How long after an answer a late camera chunk is still appended. */
  videoGraceMs: number
  /**
   * Speech that resumes this soon after a pause ended an answer continues that answer (the reply
   * stops, the words are appended and rated again, then the next question is asked in full).
   */
  answerGraceMs: number
  bargeInSpeechMs?: number
}

export const DEFAULT_VOICE_OPTIONS: VoiceOptions = {
  endpointingMs: 150,
  utteranceEndMs: 1000,
  preRollMs: 600,
  playbackGraceMs: 4000,
  videoGraceMs: 4000,
  answerGraceMs: 3000,
}

export interface VoiceSessionDeps {
  engine: VoiceEngine
  /** Null when the capability has no key, no network or an open circuit. */
  stt(): SpeechToText | null
  tts(): TextToSpeech | null
  /** Reads an answer so far against its question in a pause; null when no model can. */
  turnJudge(question: string): TurnJudge | null
  recordings: RecordingsStore
  emit: Emit
  /** Tells the recruiter that an interview paused because the disk is full. */
  onStorageFull(): void
  /** Queues a recording for transcription when no provider heard the answer live. */
  enqueueTranscription(input: { answerId: string; sessionId: string; recordingPath: string }): Promise<void>
  clock: Clock
  logger: Logger
  options: VoiceOptions
}

export type Utterance = 'engine' | 'practice_prompt' | 'practice_close'

export interface Speaking {
  utteranceId: string
  kind: Utterance
  controller: AbortController
  /** Every piece and chunk of the utterance has gone out. */
  sent: boolean
  playbackEnded: boolean
  audioBytes: number
  browserChars: number
  seq: number
  timer: NodeJS.Timeout | null
  /** The turn as the engine sees it once this utterance's decision is made. */
  turnReady: Promise<void>
}

export interface OpenVideo {
  turnIndex: number
  recording: Promise<VideoRecording | null>
  closeTimer: NodeJS.Timeout | null
  lastSeq: number
}

/** An answer a pause ended: speech that resumes soon after continues it. */
export interface Graceable {
  answerId: string
  /** The turn as it was while the answer was given (the kiosk shows that question again). */
  turn: EngineTurn
  text: string
  decidedAt: number
  /** The end of the audio heard so far, on the answer's own timeline. */
  audioEndMs: number
}

/** One voice session's dependencies and where its loop stands. */
export interface VoiceSessionState {
  readonly deps: VoiceSessionDeps
  readonly streamId: string
  readonly sessionId: string
  readonly sampleRate: number
  readonly practice: boolean
  readonly bargeIn: BargeInDetector
  readonly preRoll: ReturnType<typeof createPreRoll>
  readonly videos: Map<number, OpenVideo>
  turn: EngineTurn
  phase: VoicePhase | 'idle'
  /** Moved on by each step that supersedes the others; a step that waited acts only if it has not. */
  epoch: number
  speaking: Speaking | null
  capture: AnswerCapture | null
  /** Audio held while the turn to answer is being settled after an interruption. */
  held: Uint8Array[] | null
  listenedFromQuestionEnd: boolean
  nextStt: Promise<LiveTranscription | null> | null
  submitting: Promise<void>
  graceable: Graceable | null
  /** The answer the capture in progress continues, when it does. */
  continuing: Graceable | null
  lastSeq: number
  lastMicAt: number
  lastTouchAt: number
  stopped: boolean
}

export const wallNow = (session: VoiceSessionState) => session.deps.clock.now()

export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error))

export function emitState(session: VoiceSessionState, interrupted = false, notice: string | null = null): void {
  const { streamId, phase, practice, turn } = session
  if (session.stopped || phase === 'idle') return
  session.deps.emit('voice.state', { streamId, phase, turn: practice ? null : toKioskTurn(turn), interrupted, notice })
}

export async function refreshTurn(session: VoiceSessionState): Promise<void> {
  session.turn = await session.deps.engine.currentTurn(session.sessionId)
}
