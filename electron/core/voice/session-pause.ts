import type { RecordingFault } from '../recording/write-fault'
import { dropCapture } from './session-commands'
import { cancelSpeaking } from './session-speaking'
import { emitState, type VoiceSessionState } from './session-state'
import { closeVideo } from './session-video'

export const PAUSED_FOR_STORAGE =
  'Your answers cannot be saved right now, so the interview is paused. Please tell the recruiter. Everything you said before this question is kept, and you can continue later with the same code.'

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

/**
 * Stops the voice loop where it stands without ending the interview: the answer in progress is
 * dropped (its recording so far stays on disk), the candidate and recruiter are told, and the
 * engine still holds the question, so entering the code again once there is room resumes there.
 */
export async function pauseForStorage(session: VoiceSessionState): Promise<void> {
  if (session.stopped || session.phase === 'paused') return
  ++session.epoch
  cancelSpeaking(session)
  session.phase = 'paused'
  emitState(session, false, PAUSED_FOR_STORAGE)
  session.deps.onStorageFull()
  await dropCapture(session)
  await Promise.all([...session.videos.keys()].map((turnIndex) => closeVideo(session, turnIndex)))
}
