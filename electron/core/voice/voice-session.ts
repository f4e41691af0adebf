import { randomUUID } from 'node:crypto'
import { StudioError, type EventName, type EventPayload } from '../../../shared/contract'
import type { VoicePhase } from '../../../shared/contract/kiosk'
import type { LiveTranscription, SpeechToText, TextToSpeech } from '../ai/types'
import type { Clock } from '../clock'
import { typedAnswer, type TypedAnswerInput } from '../interviews/engine/answer-input'
import type { InterviewEngine } from '../interviews/engine/engine'
import { toKioskTurn, type EngineTurn } from '../interviews/engine/turn-view'
import type { Logger } from '../logger'
import type { RecordingsStore, VideoRecording } from '../recording/recordings-store'
import { createAnswerCapture, type AnswerCapture, type CapturedAnswer } from './answer-capture'
import type { EndReason } from './answer-endpoint'
import { createBargeInDetector } from './barge-in'
import { base64FromBytes, createPreRoll, pcmMs } from './pcm'
import { PRACTICE_CLOSE, PRACTICE_LIMIT_MS, PRACTICE_PROMPT, sayOnce } from './practice'
import type { TurnJudge } from './turn-judge'
import { speakUtterance, TTS_SAMPLE_RATE } from './utterance-speaker'

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
  /** Queues a recording for transcription when no provider heard the answer live. */
  enqueueTranscription(input: { answerId: string; sessionId: string; recordingPath: string }): Promise<void>
  clock: Clock
  logger: Logger
  options: VoiceOptions
}

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
  /** Stops everything; an answer in progress keeps its recording but is not submitted. */
  stop(): Promise<void>
}

type Utterance = 'engine' | 'practice_prompt' | 'practice_close'

interface Speaking {
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

interface OpenVideo {
  turnIndex: number
  recording: Promise<VideoRecording | null>
  closeTimer: NodeJS.Timeout | null
  lastSeq: number
}

/** Approximate speaking rate of the kiosk's own speech synthesis, for the wait before giving up on it. */
const BROWSER_SPEECH_MS_PER_CHAR = 90
/** The engine is told the candidate is active at most this often while they speak. */
const TOUCH_EVERY_MS = 15_000

/**
 * Passes the interviewer's words through and calls `onStarted` once the first arrive (or none
 * will). Reading the turn earlier would settle the pending answer before the engine has read it,
 * and the interviewer would skip its acknowledgement; after the first words, the engine's own
 * decision is queued first and the read returns the turn it decided.
 */
async function* readingTurnAfterFirstWords(text: AsyncIterable<string>, onStarted: () => void): AsyncGenerator<string> {
  try {
    for await (const delta of text) {
      onStarted()
      yield delta
    }
  } finally {
    onStarted()
  }
}

/** An answer a pause ended: speech that resumes soon after continues it. */
interface Graceable {
  answerId: string
  /** The turn as it was while the answer was given (the kiosk shows that question again). */
  turn: EngineTurn
  text: string
  decidedAt: number
  /** The end of the audio heard so far, on the answer's own timeline. */
  audioEndMs: number
}

/** A continuation starts after the answer's audio so far and the gap before the candidate spoke again. */
const continuationOffsetMs = (continues: Graceable, answer: CapturedAnswer) =>
  Math.round(continues.audioEndMs + Math.max(0, answer.startedAt - continues.decidedAt))

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error))

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
  const { engine, logger, options } = deps
  const { streamId, sessionId, sampleRate, practice } = init
  const wallNow = () => deps.clock.now()
  const bargeIn = createBargeInDetector(sampleRate, options.bargeInSpeechMs)
  const preRoll = createPreRoll(sampleRate, options.preRollMs)
  const videos = new Map<number, OpenVideo>()

  let turn: EngineTurn = init.turn
  let phase: VoicePhase | 'idle' = 'idle'
  let epoch = 0
  let speaking: Speaking | null = null
  let capture: AnswerCapture | null = null
  /** Audio held while the turn to answer is being settled after an interruption. */
  let held: Uint8Array[] | null = null
  let listenedFromQuestionEnd = false
  let nextStt: Promise<LiveTranscription | null> | null = null
  let submitting: Promise<void> = Promise.resolve()
  let graceable: Graceable | null = null
  /** The answer the capture in progress continues, when it does. */
  let continuing: Graceable | null = null
  let lastSeq = -1
  let lastMicAt = wallNow()
  let lastTouchAt = 0
  let stopped = false

  const emitState = (interrupted = false, notice: string | null = null) => {
    if (stopped || phase === 'idle') return
    deps.emit('voice.state', { streamId, phase, turn: practice ? null : toKioskTurn(turn), interrupted, notice })
  }

  const prewarmStt = () => {
    if (nextStt) return
    const stt = deps.stt()
    nextStt = stt
      ? stt
          .live({
            encoding: 'linear16',
            sampleRate,
            endpointingMs: options.endpointingMs,
            utteranceEndMs: options.utteranceEndMs,
            scope: { interviewId: sessionId },
          })
          .catch((error: unknown) => {
            logger.warn('live transcription could not open; answers are recorded and transcribed later', {
              error: errorText(error),
            })
            return null
          })
      : Promise.resolve(null)
  }

  const takeStt = () => {
    prewarmStt()
    const taken = nextStt!
    nextStt = null
    return taken
  }

  const refreshTurn = async () => {
    turn = await engine.currentTurn(sessionId)
  }

  /** Stops the utterance in progress: its generation and speech are aborted and the kiosk stops playing it. */
  const cancelSpeaking = () => {
    const current = speaking
    if (!current) return null
    speaking = null
    current.controller.abort()
    if (current.timer) clearTimeout(current.timer)
    deps.emit('voice.stopPlayback', { streamId, utteranceId: current.utteranceId })
    return current
  }

  /** Ends the answer in progress without submitting it (its recording is kept). */
  const dropCapture = async () => {
    held = null
    continuing = null
    const dropped = capture
    capture = null
    if (!dropped) return
    const answer = await dropped.end('candidate')
    scheduleVideoClose(answer.turnIndex)
    await answer.recordingDone
  }

  // ---- speaking ------------------------------------------------------------------------------

  const speak = (kind: Utterance) => {
    const my = ++epoch
    cancelSpeaking()
    phase = 'speaking'
    bargeIn.reset()
    const controller = new AbortController()
    let turnRead: (() => void) | null = null
    const turnReady = new Promise<void>((resolve) => (turnRead = resolve)).then(() =>
      kind === 'engine'
        ? refreshTurn().then(
            () => {
              if (my === epoch && phase === 'speaking') emitState()
            },
            (error: unknown) =>
              logger.warn('could not read the interview turn', { sessionId, error: errorText(error) }),
          )
        : undefined,
    )
    const current: Speaking = {
      utteranceId: randomUUID(),
      kind,
      controller,
      sent: false,
      playbackEnded: false,
      audioBytes: 0,
      browserChars: 0,
      seq: 0,
      timer: null,
      turnReady,
    }
    speaking = current
    emitState()
    prewarmStt()
    const text = readingTurnAfterFirstWords(
      kind === 'practice_prompt'
        ? sayOnce(PRACTICE_PROMPT)
        : kind === 'practice_close'
          ? sayOnce(PRACTICE_CLOSE)
          : engine.nextUtterance(sessionId, { signal: controller.signal }),
      () => turnRead?.(),
    )
    void speakUtterance({
      text,
      tts: deps.tts(),
      signal: controller.signal,
      scope: practice ? undefined : { interviewId: sessionId },
      logger,
      sink: {
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
            pcm: base64FromBytes(pcm),
          })
        },
      },
    }).then(
      (spoken) => {
        if (spoken.aborted || speaking !== current) return
        deps.emit('voice.reply', {
          streamId,
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
        current.sent = true
        const expectedMs =
          pcmMs(current.audioBytes, TTS_SAMPLE_RATE) + current.browserChars * BROWSER_SPEECH_MS_PER_CHAR
        // The kiosk says when playback ends; if it never does (a closed window), carry on anyway.
        current.timer = setTimeout(() => void afterSpeaking(current), expectedMs + options.playbackGraceMs)
        if (current.playbackEnded) void afterSpeaking(current)
      },
      (error: unknown) => {
        if (speaking !== current) return
        logger.warn('the interviewer could not speak', { sessionId, error: errorText(error) })
        current.sent = true
        current.playbackEnded = true
        void afterSpeaking(current)
      },
    )
  }

  const afterSpeaking = async (current: Speaking) => {
    if (speaking !== current) return
    speaking = null
    if (current.timer) clearTimeout(current.timer)
    const my = epoch
    await current.turnReady
    if (my !== epoch || stopped) return
    if (current.kind === 'practice_prompt') return startListening([], false)
    if (current.kind === 'practice_close') {
      phase = 'practice_done'
      emitState()
      return
    }
    if (turn.status !== 'in_progress' || !turn.question) return finishInterview()
    startListening([], false)
  }

  const finishInterview = () => {
    phase = 'done'
    emitState()
    void closeProviders()
  }

  // ---- listening -----------------------------------------------------------------------------

  const startListening = (audio: Uint8Array[], interrupted: boolean, continues: Graceable | null = null) => {
    const my = ++epoch
    phase = 'listening'
    listenedFromQuestionEnd = !interrupted
    continuing = continues
    graceable = null
    const heldMs = audio.reduce((sum, chunk) => sum + pcmMs(chunk.byteLength, sampleRate), 0)
    const question = practice ? null : turn.question
    const turnIndex = question?.turnIndex ?? 0
    // A continued answer is shown whole: what was said before the pause, then what is said now.
    const said = (text: string) => [continues?.text, text].filter(Boolean).join(' ')
    let providerLost = false
    capture = createAnswerCapture({
      sessionId,
      turnIndex,
      sampleRate,
      record: !practice,
      stt: takeStt(),
      recordings: deps.recordings,
      timeLimitMs: question ? (question.timeLimitSec + question.prepTimeSec) * 1000 : PRACTICE_LIMIT_MS,
      endpoint: { silenceEndMs: turn.answerSilenceMs, advancedSilenceEndMs: turn.answerSilenceMs + 1000 },
      advanced: question?.stage === 'advanced',
      judge: question ? deps.turnJudge(question.text) : null,
      wallNow,
      startedAt: wallNow() - heldMs,
      logger,
      onCaption(text, final) {
        if (my !== epoch) return
        deps.emit('voice.caption', { streamId, turnIndex: question ? turnIndex : null, text: said(text), final })
      },
      onEndDecided(reason) {
        if (my === epoch) void finishAnswer(reason)
      },
      onProviderLost() {
        if (my !== epoch || providerLost) return
        providerLost = true
        emitState(interrupted, 'Live captions are unavailable right now. Your answer is still recorded.')
      },
    })
    for (const chunk of audio) capture.push(chunk)
    emitState(interrupted)
    if (continues) deps.emit('voice.caption', { streamId, turnIndex, text: continues.text, final: true })
  }

  /** Saves a spoken answer (durable when this returns); its id, or null when it was skipped or already saved. */
  const saveVoiceAnswer = async (answer: CapturedAnswer): Promise<string | null> => {
    const said = answer.text.trim().length > 0 || answer.timing.firstSpeechMs !== null
    if (!said) {
      // Nothing was heard before the clock ran out: the question counts as skipped.
      await engine.skip(sessionId, answer.turnIndex)
      return null
    }
    const firstSpeech = answer.timing.firstSpeechMs ?? 0
    const receipt = await engine.submitAnswer(sessionId, {
      turnIndex: answer.turnIndex,
      text: answer.text,
      inputMode: 'voice',
      transcriptWords: answer.words,
      audioPath: answer.recording?.relativePath ?? null,
      startedAt: answer.startedAt,
      endedAt: answer.endedAt,
      responseDelayMs: listenedFromQuestionEnd ? Math.round(firstSpeech) : 0,
      speechMs: Math.round(answer.timing.speechMs),
      pauses: answer.timing.pauses.map((p) => ({
        startMs: Math.round(p.startMs),
        durationMs: Math.round(p.durationMs),
      })),
    })
    return receipt.duplicate ? null : receipt.answerId
  }

  /** Files an answer's recordings with it, and queues the transcription of one no provider heard live. */
  const fileRecordings = async (answer: CapturedAnswer, answerId: string, continued: boolean) => {
    const videoIds = continued ? [] : await videoIdsFor(answer.turnIndex)
    const recordingIds = [answer.recording?.id, ...videoIds].filter((id): id is string => !!id)
    await deps.recordings.attachAnswer(recordingIds, answerId)
    if (answer.transcribed || !answer.recording) return
    if (continued) {
      // One transcription per answer: a continuation heard by no provider keeps only its recording.
      logger.warn('speech after the pause was not transcribed live; its recording is kept with the answer', {
        sessionId,
      })
      return
    }
    await deps.enqueueTranscription({ answerId, sessionId, recordingPath: answer.recording.relativePath })
  }

  /** Appends the words said after the pause to the answer they continue. */
  const continueVoiceAnswer = async (continues: Graceable, answer: CapturedAnswer) => {
    if (!answer.text.trim()) return continues.answerId
    await engine.continueAnswer(sessionId, continues.answerId, {
      text: answer.text,
      transcriptWords: answer.words,
      offsetMs: continuationOffsetMs(continues, answer),
      endedAt: answer.endedAt,
      speechMs: Math.round(answer.timing.speechMs),
      pauses: answer.timing.pauses.map((p) => ({
        startMs: Math.round(p.startMs),
        durationMs: Math.round(p.durationMs),
      })),
    })
    return continues.answerId
  }

  const finishAnswer = async (reason: EndReason) => {
    const current = capture
    if (!current) return
    capture = null
    const continues = continuing
    continuing = null
    const answeredTurn = turn
    const my = ++epoch
    phase = 'thinking'
    emitState()
    let resolveSubmitted!: () => void
    submitting = new Promise<void>((resolve) => (resolveSubmitted = resolve))
    let replied = false
    const reply = () => {
      if (replied || my !== epoch || stopped) return
      replied = true
      speak('engine')
    }
    try {
      const answer = await current.end(reason)
      const whole = [continues?.text, answer.text].filter(Boolean).join(' ')
      deps.emit('voice.caption', { streamId, turnIndex: practice ? null : answer.turnIndex, text: whole, final: true })
      scheduleVideoClose(answer.turnIndex)
      if (practice) {
        if (my === epoch) speak('practice_close')
        return
      }
      let answerId: string | null = null
      try {
        answerId = continues ? await continueVoiceAnswer(continues, answer) : await saveVoiceAnswer(answer)
        // Only a pause can have ended an answer too early; the button, a closing phrase and the clock are meant.
        graceable =
          answerId && (reason === 'silence' || reason === 'agreed')
            ? {
                answerId,
                turn: answeredTurn,
                text: whole,
                decidedAt: answer.endedAt,
                audioEndMs: (continues ? continuationOffsetMs(continues, answer) : 0) + answer.audioMs,
              }
            : null
      } catch (error) {
        logger.warn('the answer could not be saved', { sessionId, error: errorText(error) })
      }
      // The answer is durable: the reply starts while its recordings are filed (the next answer waits for both).
      reply()
      if (answerId)
        await fileRecordings(answer, answerId, continues !== null).catch((error: unknown) =>
          logger.warn('the answer recordings could not be filed', { sessionId, error: errorText(error) }),
        )
    } finally {
      resolveSubmitted()
    }
    reply()
  }

  // ---- video ---------------------------------------------------------------------------------

  const videoIdsFor = async (turnIndex: number): Promise<string[]> => {
    const open = videos.get(turnIndex)
    const recording = open ? await open.recording : null
    return recording ? [recording.id] : []
  }

  const closeVideo = async (turnIndex: number) => {
    const open = videos.get(turnIndex)
    if (!open) return
    videos.delete(turnIndex)
    if (open.closeTimer) clearTimeout(open.closeTimer)
    const recording = await open.recording
    if (recording)
      await deps.recordings
        .completeVideo(recording)
        .catch((error: unknown) => logger.warn('video could not be finished', { error: errorText(error) }))
  }

  const scheduleVideoClose = (turnIndex: number) => {
    const open = videos.get(turnIndex)
    if (!open || open.closeTimer) return
    // MediaRecorder hands over its last chunk after it is stopped; keep the file open a moment for it.
    open.closeTimer = setTimeout(() => void closeVideo(turnIndex), options.videoGraceMs)
  }

  // ---- interruptions ------------------------------------------------------------------------

  const interrupt = (byVoice = false) => {
    const current = phase === 'speaking' ? cancelSpeaking() : null
    if (!current) return
    // Talking again just after a pause ended the answer is more of that answer, not an interruption.
    const resumed =
      byVoice && current.kind === 'engine' && graceable && wallNow() - graceable.decidedAt <= options.answerGraceMs
        ? graceable
        : null
    graceable = null
    const my = ++epoch
    // What the candidate said while being detected belongs to their answer.
    held = preRoll.take()
    phase = 'listening'
    void (async () => {
      try {
        await submitting
        if (!practice) await refreshTurn()
      } catch (error) {
        logger.warn('could not read the interview turn after an interruption', { sessionId, error: errorText(error) })
      }
      if (my !== epoch || stopped) return
      const audio = held ?? []
      held = null
      if (resumed) {
        turn = resumed.turn
        return startListening(audio, true, resumed)
      }
      if (current.kind === 'practice_close') {
        phase = 'practice_done'
        emitState(true)
        return
      }
      if (!practice && (turn.status !== 'in_progress' || !turn.question)) return finishInterview()
      startListening(audio, true)
    })()
  }

  // ---- teardown ------------------------------------------------------------------------------

  const closeProviders = async () => {
    const warmed = nextStt
    nextStt = null
    const session = await warmed
    session?.close()
  }

  return {
    streamId,
    sessionId,
    practice,
    get lastMicAt() {
      return lastMicAt
    },

    begin() {
      speak(practice ? 'practice_prompt' : 'engine')
    },

    mic(seq, pcm) {
      if (stopped || seq <= lastSeq) return
      lastSeq = seq
      lastMicAt = wallNow()
      preRoll.push(pcm)
      if (capture) {
        capture.push(pcm)
        if (!practice && capture.heardSpeech() && lastMicAt - lastTouchAt >= TOUCH_EVERY_MS) {
          lastTouchAt = lastMicAt
          engine.touch(sessionId).catch(() => undefined)
        }
      } else if (held) {
        held.push(pcm)
      } else if (phase === 'speaking' && bargeIn.push(pcm)) {
        interrupt(true)
      }
    },

    camera(turnIndex, seq, data) {
      if (stopped || practice) return
      let open = videos.get(turnIndex)
      if (!open) {
        if (!turn.question || turn.question.turnIndex !== turnIndex || !turn.question.recordVideo) return
        open = {
          turnIndex,
          lastSeq: -1,
          closeTimer: null,
          recording: deps.recordings.startVideo(sessionId, turnIndex).catch((error: unknown) => {
            logger.error('video recording could not start', { error: errorText(error) })
            return null
          }),
        }
        videos.set(turnIndex, open)
      }
      if (seq <= open.lastSeq) return
      open.lastSeq = seq
      void open.recording.then((recording) => recording?.file.append(data))
    },

    playback(utteranceId, event) {
      const current = speaking
      if (!current || current.utteranceId !== utteranceId || event !== 'ended') return
      current.playbackEnded = true
      if (current.sent) void afterSpeaking(current)
    },

    interrupt: () => interrupt(),

    typing(on) {
      capture?.hold(on)
    },

    endAnswer() {
      if (capture) void finishAnswer('candidate')
    },

    async repeat() {
      const my = ++epoch
      cancelSpeaking()
      await dropCapture()
      await submitting
      if (my !== epoch || stopped) return
      if (practice) return speak('practice_prompt')
      try {
        turn = await engine.repeatQuestion(sessionId)
      } finally {
        // Whether or not the engine took the repeat, the candidate hears where the interview stands.
        if (my === epoch && !stopped) speak('engine')
      }
    },

    async retake() {
      if (practice || continuing || (turn.question?.retakesLeft ?? 0) <= 0) {
        throw new StudioError('conflict', 'No retakes are left for this question')
      }
      const my = ++epoch
      cancelSpeaking()
      await dropCapture()
      await submitting
      if (my !== epoch || stopped) return
      try {
        turn = await engine.retake(sessionId)
      } finally {
        if (my === epoch && !stopped) speak('engine')
      }
    },

    async textAnswer(input) {
      const my = ++epoch
      const continues = continuing
      cancelSpeaking()
      phase = 'thinking'
      emitState()
      await dropCapture()
      await submitting
      if (my !== epoch || stopped) return
      if (practice) return speak('practice_close')
      try {
        const typed = typedAnswer(input, turn.question?.askedAt, wallNow())
        if (continues)
          await engine.continueAnswer(sessionId, continues.answerId, {
            text: typed.text,
            endedAt: typed.endedAt,
            speechMs: 0,
            offsetMs: continues.audioEndMs,
          })
        else await engine.submitAnswer(sessionId, typed)
      } finally {
        if (my === epoch && !stopped) speak('engine')
      }
    },

    async stop() {
      if (stopped) return
      ++epoch
      cancelSpeaking()
      stopped = true
      await dropCapture()
      await Promise.all([...videos.keys()].map((turnIndex) => closeVideo(turnIndex)))
      await closeProviders()
    },
  }
}
