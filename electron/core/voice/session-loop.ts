import { randomUUID } from 'node:crypto'
import { isStorageFull } from '../data-folder/storage-full'
import { createAnswerCapture } from './answer-capture'
import type { EndReason } from './answer-endpoint'
import { pcmMs } from './pcm'
import { PRACTICE_LIMIT_MS } from './practice'
import { continuationOffsetMs, continueVoiceAnswer, fileRecordings, saveVoiceAnswer } from './session-answer'
import { closeProviders, prewarmStt, takeStt } from './session-providers'
import {
  cancelSpeaking,
  emitReplyDone,
  expectedPlaybackMs,
  kioskSink,
  readingTurnAfterFirstWords,
  showDecidedTurn,
  wordsOf,
} from './session-speaking'
import {
  emitState,
  errorText,
  refreshTurn,
  wallNow,
  type Graceable,
  type Speaking,
  type Utterance,
  type VoiceSessionState,
} from './session-state'
import { pauseForStorage, recordingFault } from './session-pause'
import { scheduleVideoClose } from './session-video'
import { speakUtterance, type SpokenUtterance } from './utterance-speaker'

// ---- speaking ----------------------------------------------------------------------------------

export function speak(session: VoiceSessionState, kind: Utterance): void {
  const { deps, sessionId } = session
  const my = ++session.epoch
  cancelSpeaking(session)
  session.phase = 'speaking'
  session.bargeIn.reset()
  const controller = new AbortController()
  let turnRead: (() => void) | null = null
  const turnReady = new Promise<void>((resolve) => (turnRead = resolve)).then(() =>
    kind === 'engine' ? showDecidedTurn(session, my) : undefined,
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
  session.speaking = current
  emitState(session)
  prewarmStt(session)
  const text = readingTurnAfterFirstWords(wordsOf(session, kind, controller.signal), () => turnRead?.())
  void speakUtterance({
    text,
    tts: deps.tts(),
    signal: controller.signal,
    scope: session.practice ? undefined : { interviewId: sessionId },
    logger: deps.logger,
    sink: kioskSink(session, current),
  }).then(
    (spoken) => spokenOut(session, current, spoken),
    (error: unknown) => {
      if (session.speaking !== current) return
      deps.logger.warn('the interviewer could not speak', { sessionId, error: errorText(error) })
      current.sent = true
      current.playbackEnded = true
      void afterSpeaking(session, current)
    },
  )
}

/** Everything of the utterance has gone out: the loop moves on once the kiosk has played it. */
function spokenOut(session: VoiceSessionState, current: Speaking, spoken: SpokenUtterance): void {
  if (spoken.aborted || session.speaking !== current) return
  emitReplyDone(session, current, spoken)
  current.sent = true
  // The kiosk says when playback ends; if it never does (a closed window), carry on anyway.
  current.timer = setTimeout(
    () => void afterSpeaking(session, current),
    expectedPlaybackMs(current) + session.deps.options.playbackGraceMs,
  )
  if (current.playbackEnded) void afterSpeaking(session, current)
}

export async function afterSpeaking(session: VoiceSessionState, current: Speaking): Promise<void> {
  if (session.speaking !== current) return
  session.speaking = null
  if (current.timer) clearTimeout(current.timer)
  const my = session.epoch
  await current.turnReady
  if (my !== session.epoch || session.stopped) return
  if (current.kind === 'practice_prompt') return startListening(session, [], false)
  if (current.kind === 'practice_close') {
    session.phase = 'practice_done'
    emitState(session)
    return
  }
  if (session.turn.status !== 'in_progress' || !session.turn.question) return finishInterview(session)
  startListening(session, [], false)
}

function finishInterview(session: VoiceSessionState): void {
  session.phase = 'done'
  emitState(session)
  void closeProviders(session)
}

// ---- listening ---------------------------------------------------------------------------------

function startListening(
  session: VoiceSessionState,
  audio: Uint8Array[],
  interrupted: boolean,
  continues: Graceable | null = null,
): void {
  const { deps, streamId, sampleRate, practice, turn } = session
  const my = ++session.epoch
  session.phase = 'listening'
  session.listenedFromQuestionEnd = !interrupted
  session.continuing = continues
  session.graceable = null
  const heldMs = audio.reduce((sum, chunk) => sum + pcmMs(chunk.byteLength, sampleRate), 0)
  const question = practice ? null : turn.question
  const turnIndex = question?.turnIndex ?? 0
  // A continued answer is shown whole: what was said before the pause, then what is said now.
  const said = (text: string) => [continues?.text, text].filter(Boolean).join(' ')
  let providerLost = false
  const capture = createAnswerCapture({
    sessionId: session.sessionId,
    turnIndex,
    sampleRate,
    record: !practice,
    stt: takeStt(session),
    recordings: deps.recordings,
    timeLimitMs: question ? (question.timeLimitSec + question.prepTimeSec) * 1000 : PRACTICE_LIMIT_MS,
    endpoint: { silenceEndMs: turn.answerSilenceMs, advancedSilenceEndMs: turn.answerSilenceMs + 1000 },
    advanced: question?.stage === 'advanced',
    judge: question ? deps.turnJudge(question.text) : null,
    wallNow: () => wallNow(session),
    startedAt: wallNow(session) - heldMs,
    logger: deps.logger,
    onCaption(text, final) {
      if (my !== session.epoch) return
      deps.emit('voice.caption', { streamId, turnIndex: question ? turnIndex : null, text: said(text), final })
    },
    onEndDecided(reason) {
      if (my === session.epoch) void finishAnswer(session, reason)
    },
    onRecordingFault: (fault) => recordingFault(session, fault),
    onProviderLost() {
      if (my !== session.epoch || providerLost) return
      providerLost = true
      emitState(session, interrupted, 'Live captions are unavailable right now. Your answer is still recorded.')
    },
  })
  session.capture = capture
  for (const chunk of audio) capture.push(chunk)
  emitState(session, interrupted)
  if (continues) deps.emit('voice.caption', { streamId, turnIndex, text: continues.text, final: true })
}

export async function finishAnswer(session: VoiceSessionState, reason: EndReason): Promise<void> {
  const { deps, sessionId } = session
  const current = session.capture
  if (!current) return
  session.capture = null
  const continues = session.continuing
  session.continuing = null
  const answeredTurn = session.turn
  const my = ++session.epoch
  session.phase = 'thinking'
  emitState(session)
  let resolveSubmitted!: () => void
  session.submitting = new Promise<void>((resolve) => (resolveSubmitted = resolve))
  let replied = false
  const reply = () => {
    if (replied || my !== session.epoch || session.stopped) return
    replied = true
    speak(session, 'engine')
  }
  try {
    const answer = await current.end(reason)
    const whole = [continues?.text, answer.text].filter(Boolean).join(' ')
    const captionTurn = session.practice ? null : answer.turnIndex
    deps.emit('voice.caption', { streamId: session.streamId, turnIndex: captionTurn, text: whole, final: true })
    scheduleVideoClose(session, answer.turnIndex)
    if (session.practice) {
      if (my === session.epoch) speak(session, 'practice_close')
      return
    }
    let answerId: string | null = null
    try {
      answerId = continues
        ? await continueVoiceAnswer(session, continues, answer)
        : await saveVoiceAnswer(session, answer)
      // Only a pause can have ended an answer too early; the button, a closing phrase and the clock are meant.
      session.graceable =
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
      deps.logger.warn('the answer could not be saved', { sessionId, error: errorText(error) })
      // Moving on would lose the answer: pause on this question until there is room again.
      if (isStorageFull(error)) return void pauseForStorage(session)
    }
    // The answer is durable: the reply starts while its recordings are filed (the next answer waits for both).
    reply()
    if (answerId)
      await fileRecordings(session, answer, answerId, continues !== null).catch((error: unknown) =>
        deps.logger.warn('the answer recordings could not be filed', { sessionId, error: errorText(error) }),
      )
  } finally {
    resolveSubmitted()
  }
  reply()
}

// ---- interruptions -----------------------------------------------------------------------------

export function interrupt(session: VoiceSessionState, byVoice = false): void {
  const current = session.phase === 'speaking' ? cancelSpeaking(session) : null
  if (!current) return
  const { graceable } = session
  // Talking again just after a pause ended the answer is more of that answer, not an interruption.
  const resumed =
    byVoice &&
    current.kind === 'engine' &&
    graceable &&
    wallNow(session) - graceable.decidedAt <= session.deps.options.answerGraceMs
      ? graceable
      : null
  session.graceable = null
  const my = ++session.epoch
  // What the candidate said while being detected belongs to their answer.
  session.held = session.preRoll.take()
  session.phase = 'listening'
  void listenAfterInterruption(session, my, current, resumed)
}

async function listenAfterInterruption(
  session: VoiceSessionState,
  my: number,
  interrupted: Speaking,
  resumed: Graceable | null,
): Promise<void> {
  try {
    await session.submitting
    if (!session.practice) await refreshTurn(session)
  } catch (error) {
    session.deps.logger.warn('could not read the interview turn after an interruption', {
      sessionId: session.sessionId,
      error: errorText(error),
    })
  }
  if (my !== session.epoch || session.stopped) return
  const audio = session.held ?? []
  session.held = null
  if (resumed) {
    session.turn = resumed.turn
    return startListening(session, audio, true, resumed)
  }
  if (interrupted.kind === 'practice_close') {
    session.phase = 'practice_done'
    emitState(session, true)
    return
  }
  if (!session.practice && (session.turn.status !== 'in_progress' || !session.turn.question))
    return finishInterview(session)
  startListening(session, audio, true)
}
