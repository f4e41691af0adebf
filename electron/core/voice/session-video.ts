import { errorText, type VoiceSessionState } from './session-state'

/** Appends a camera chunk to its question's video, starting the video with the question's first chunk. */
export function receiveCamera(session: VoiceSessionState, turnIndex: number, seq: number, data: Uint8Array): void {
  const { deps, turn, videos } = session
  if (session.stopped || session.practice) return
  let open = videos.get(turnIndex)
  if (!open) {
    if (!turn.question || turn.question.turnIndex !== turnIndex || !turn.question.recordVideo) return
    open = {
      turnIndex,
      lastSeq: -1,
      closeTimer: null,
      recording: deps.recordings.startVideo(session.sessionId, turnIndex).catch((error: unknown) => {
        deps.logger.error('video recording could not start', { error: errorText(error) })
        return null
      }),
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
