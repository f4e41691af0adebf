import { VIDEO_BYTES_PER_SECOND_ALLOWED } from '../../../shared/contract/kiosk'
import type { VideoRecording } from '../recording/recordings-store'
import { faultOf, type RecordingFault } from '../recording/write-fault'
import { recordingFault } from './session-pause'
import { errorText, type VoiceSessionState } from './session-state'

/** Slack over a time limit for MediaRecorder's last chunk and a question's prep time rounding. */
const VIDEO_SLACK_SEC = 30

/**
 * Starts a question's video with its allowance: the question's time limit, and what is left of the
 * interview's (videos already on disk count against it), at a bitrate well above the kiosk's.
 */
async function startVideo(session: VoiceSessionState, turnIndex: number): Promise<VideoRecording | null> {
  const { deps, turn, sessionId } = session
  const question = turn.question!
  const answerSec = question.timeLimitSec + question.prepTimeSec + VIDEO_SLACK_SEC
  const interviewSec = turn.elapsedSec + turn.remainingSec + answerSec
  const onFault = (fault: RecordingFault) => recordingFault(session, fault)
  try {
    const interviewLeft = VIDEO_BYTES_PER_SECOND_ALLOWED * interviewSec - (await deps.recordings.videoBytes(sessionId))
    const maxBytes = Math.min(VIDEO_BYTES_PER_SECOND_ALLOWED * answerSec, interviewLeft)
    return await deps.recordings.startVideo(sessionId, turnIndex, { maxBytes, onFault })
  } catch (error) {
    onFault(faultOf(error))
    return null
  }
}

/** Appends a camera chunk to its question's video, starting the video with the question's first chunk. */
export function receiveCamera(session: VoiceSessionState, turnIndex: number, seq: number, data: Uint8Array): void {
  const { turn, videos } = session
  if (session.stopped || session.practice || session.phase === 'paused') return
  let open = videos.get(turnIndex)
  if (!open) {
    if (!turn.question || turn.question.turnIndex !== turnIndex || !turn.question.recordVideo) return
    open = {
      turnIndex,
      lastSeq: -1,
      closeTimer: null,
      recording: startVideo(session, turnIndex),
    }
    videos.set(turnIndex, open)
  }
  if (seq <= open.lastSeq) return
  open.lastSeq = seq
  void open.recording.then((recording) => recording?.file.append(data))
}

export async function videoIdsFor(session: VoiceSessionState, turnIndex: number): Promise<string[]> {
  const open = session.videos.get(turnIndex)
  const recording = open ? await open.recording : null
  return recording ? [recording.id] : []
}

export async function closeVideo(session: VoiceSessionState, turnIndex: number): Promise<void> {
  const { videos, deps } = session
  const open = videos.get(turnIndex)
  if (!open) return
  videos.delete(turnIndex)
  if (open.closeTimer) clearTimeout(open.closeTimer)
  const recording = await open.recording
  if (recording)
    await deps.recordings
      .completeVideo(recording)
      .catch((error: unknown) => deps.logger.warn('video could not be finished', { error: errorText(error) }))
}

export function scheduleVideoClose(session: VoiceSessionState, turnIndex: number): void {
  const open = session.videos.get(turnIndex)
  if (!open || open.closeTimer) return
  // MediaRecorder hands over its last chunk after it is stopped; keep the file open a moment for it.
  open.closeTimer = setTimeout(() => void closeVideo(session, turnIndex), session.deps.options.videoGraceMs)
}
