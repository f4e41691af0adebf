import type { CapturedAnswer } from './answer-capture'
import type { Graceable, VoiceSessionState } from './session-state'
import { videoIdsFor } from './session-video'

/** A continuation starts after the answer's audio so far and the gap before the candidate spoke again. */
export const continuationOffsetMs = (continues: Graceable, answer: CapturedAnswer) =>
  Math.round(continues.audioEndMs + Math.max(0, answer.startedAt - continues.decidedAt))

const roundedPauses = (answer: CapturedAnswer) =>
  answer.timing.pauses.map((p) => ({
    startMs: Math.round(p.startMs),
    durationMs: Math.round(p.durationMs),
  }))

/** Saves a spoken answer (durable when this returns); its id, or null when it was skipped or already saved. */
export async function saveVoiceAnswer(session: VoiceSessionState, answer: CapturedAnswer): Promise<string | null> {
  const { engine } = session.deps
  const said = answer.text.trim().length > 0 || answer.timing.firstSpeechMs !== null
  if (!said) {
    // Nothing was heard before the clock ran out: the question counts as skipped.
    await engine.skip(session.sessionId, answer.turnIndex)
    return null
  }
  const firstSpeech = answer.timing.firstSpeechMs ?? 0
  const receipt = await engine.submitAnswer(session.sessionId, {
    turnIndex: answer.turnIndex,
    text: answer.text,
    inputMode: 'voice',
    transcriptWords: answer.words,
    audioPath: answer.recording?.relativePath ?? null,
    startedAt: answer.startedAt,
    endedAt: answer.endedAt,
    responseDelayMs: session.listenedFromQuestionEnd ? Math.round(firstSpeech) : 0,
    speechMs: Math.round(answer.timing.speechMs),
    pauses: roundedPauses(answer),
  })
  return receipt.duplicate ? null : receipt.answerId
}

/** Appends the words said after the pause to the answer they continue. */
export async function continueVoiceAnswer(
  session: VoiceSessionState,
  continues: Graceable,
  answer: CapturedAnswer,
): Promise<string> {
  if (!answer.text.trim()) return continues.answerId
  await session.deps.engine.continueAnswer(session.sessionId, continues.answerId, {
    text: answer.text,
    transcriptWords: answer.words,
    offsetMs: continuationOffsetMs(continues, answer),
    endedAt: answer.endedAt,
    speechMs: Math.round(answer.timing.speechMs),
    pauses: roundedPauses(answer),
  })
  return continues.answerId
}

/** Files an answer's recordings with it, and queues the transcription of one no provider heard live. */
export async function fileRecordings(
  session: VoiceSessionState,
  answer: CapturedAnswer,
  answerId: string,
  continued: boolean,
): Promise<void> {
  const { deps, sessionId } = session
  const videoIds = continued ? [] : await videoIdsFor(session, answer.turnIndex)
  const recordingIds = [answer.recording?.id, ...videoIds].filter((id): id is string => !!id)
  await deps.recordings.attachAnswer(recordingIds, answerId)
  if (answer.transcribed || !answer.recording) return
  if (continued) {
    // One transcription per answer: a continuation heard by no provider keeps only its recording.
    deps.logger.warn('speech after the pause was not transcribed live; its recording is kept with the answer', {
      sessionId,
    })
    return
  }
  await deps.enqueueTranscription({ answerId, sessionId, recordingPath: answer.recording.relativePath })
}
