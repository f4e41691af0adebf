import type { RecordingFault } from '../recording/write-fault'
import { dropCapture } from './session-commands'
import { cancelSpeaking } from './session-speaking'
import { emitState, type VoiceSessionState } from './session-state'
import { closeVideo } from './session-video'

export const PAUSED_FOR_STORAGE =
  'Your answers cannot be saved right now, so the interview is paused. Please tell the recruiter. Everything you said before this question is kept, and you can continue later with the same code.'

export const PAUSED_FOR_DISPLAY =
  'Another screen was connected, so the interview is paused. Please disconnect it (or ask the recruiter), then continue: everything you said before this question is kept.'

/**
 * A recording that stopped taking bytes early. A full disk (or a failing one) pauses the interview:
 * nothing more could be saved, and moving on would lose the answer. A video over its cap or not
 * WebM loses only the rest of that video; the answer goes on.
 */
export function recordingFault(session: VoiceSessionState, fault: RecordingFault): void {
  const { logger } = session.deps
  logger.error('a recording stopped early', { sessionId: session.sessionId, kind: fault.kind, error: fault.message })
  if (fault.kind === 'storage_full' || fault.kind === 'write_failed') void pauseForStorage(session)
}

/** A full disk: the recruiter is told too, since only they can make room. */
export async function pauseForStorage(session: VoiceSessionState): Promise<void> {
  if (session.stopped || session.phase === 'paused') return
  session.deps.onStorageFull()
  await pauseSession(session, PAUSED_FOR_STORAGE)
}

/**
 * Stops the voice loop where it stands without ending the interview: the answer in progress is
 * dropped (its recording so far stays on disk), the candidate is told why, and the engine still
 * holds the question, so coming back (a reload, or the code again) resumes there.
 */
export async function pauseSession(session: VoiceSessionState, notice: string): Promise<void> {
  if (session.stopped || session.phase === 'paused') return
  ++session.epoch
  cancelSpeaking(session)
  session.phase = 'paused'
  emitState(session, false, notice)
  await dropCapture(session)
  await Promise.all([...session.videos.keys()].map((turnIndex) => closeVideo(session, turnIndex)))
}
