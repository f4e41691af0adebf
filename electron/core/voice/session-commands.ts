import { StudioError } from '../../../shared/contract'
import { typedAnswer, type TypedAnswerInput } from '../interviews/engine/answer-input'
import { afterSpeaking, interrupt, speak } from './session-loop'
import { cancelSpeaking } from './session-speaking'
import { closeProviders } from './session-providers'
import { emitState, wallNow, type VoiceSessionState } from './session-state'
import { closeVideo, scheduleVideoClose } from './session-video'

/** The engine is told the candidate is active at most this often while they speak. */
const TOUCH_EVERY_MS = 15_000

export function receiveMic(session: VoiceSessionState, seq: number, pcm: Uint8Array): void {
  if (session.stopped || session.phase === 'paused' || seq <= session.lastSeq) return
  session.lastSeq = seq
  session.lastMicAt = wallNow(session)
  session.preRoll.push(pcm)
  // The chunk that ends the answer clears session.capture while it is pushed.
  const capture = session.capture
  if (capture) {
    capture.push(pcm)
    if (!session.practice && capture.heardSpeech() && session.lastMicAt - session.lastTouchAt >= TOUCH_EVERY_MS) {
      session.lastTouchAt = session.lastMicAt
      session.deps.engine.touch(session.sessionId).catch(() => undefined)
    }
  } else if (session.held) {
    session.held.push(pcm)
  } else if (session.phase === 'speaking' && session.bargeIn.push(pcm)) {
    interrupt(session, true)
  }
}

export function playbackEvent(session: VoiceSessionState, utteranceId: string, event: 'started' | 'ended'): void {
  const current = session.speaking
  if (!current || current.utteranceId !== utteranceId || event !== 'ended') return
  current.playbackEnded = true
  if (current.sent) void afterSpeaking(session, current)
}

/** Ends the answer in progress without submitting it (its recording is kept). */
export async function dropCapture(session: VoiceSessionState): Promise<void> {
  session.held = null
  session.continuing = null
  const dropped = session.capture
  session.capture = null
  if (!dropped) return
  const answer = await dropped.end('candidate')
  scheduleVideoClose(session, answer.turnIndex)
  await answer.recordingDone
}

export async function repeatQuestion(session: VoiceSessionState): Promise<void> {
  const my = ++session.epoch
  cancelSpeaking(session)
  await dropCapture(session)
  await session.submitting
  if (my !== session.epoch || session.stopped) return
  if (session.practice) return speak(session, 'practice_prompt')
  try {
    session.turn = await session.deps.engine.repeatQuestion(session.sessionId)
  } finally {
    // Whether or not the engine took the repeat, the candidate hears where the interview stands.
    if (my === session.epoch && !session.stopped) speak(session, 'engine')
  }
}

export async function retakeAnswer(session: VoiceSessionState): Promise<void> {
  if (session.practice || session.continuing || (session.turn.question?.retakesLeft ?? 0) <= 0) {
    throw new StudioError('conflict', 'No retakes are left for this question')
  }
  const my = ++session.epoch
  cancelSpeaking(session)
  await dropCapture(session)
  await session.submitting
  if (my !== session.epoch || session.stopped) return
  try {
    session.turn = await session.deps.engine.retake(session.sessionId)
  } finally {
    if (my === session.epoch && !session.stopped) speak(session, 'engine')
  }
}

export async function submitTextAnswer(session: VoiceSessionState, input: TypedAnswerInput): Promise<void> {
  const { engine } = session.deps
  const my = ++session.epoch
  const continues = session.continuing
  cancelSpeaking(session)
  session.phase = 'thinking'
  emitState(session)
  await dropCapture(session)
  await session.submitting
  if (my !== session.epoch || session.stopped) return
  if (session.practice) return speak(session, 'practice_close')
  try {
    const typed = typedAnswer(input, session.turn.question?.askedAt, wallNow(session))
    if (continues)
      await engine.continueAnswer(session.sessionId, continues.answerId, {
        text: typed.text,
        endedAt: typed.endedAt,
        speechMs: 0,
        offsetMs: continues.audioEndMs,
      })
    else await engine.submitAnswer(session.sessionId, typed)
  } finally {
    if (my === session.epoch && !session.stopped) speak(session, 'engine')
  }
}

export async function stopSession(session: VoiceSessionState): Promise<void> {
  if (session.stopped) return
  ++session.epoch
  cancelSpeaking(session)
  session.stopped = true
  await dropCapture(session)
  await Promise.all([...session.videos.keys()].map((turnIndex) => closeVideo(session, turnIndex)))
  await closeProviders(session)
}
