import { dbfs, VOICE_DBFS } from './mic-capture'

/**
 * User Timing marks for the figure candidates feel: the end of their speech and the first sound of
 * the reply. They cost nothing, and the voice-loop benchmark (and the browser's own performance
 * tools) read them with `performance.getEntriesByName`.
 */
export const MARK_REPLY_AUDIO = 'panelist:reply-audio'
/** The studio decided the answer is over (the kiosk saw the interview start thinking). */
export const MARK_ANSWER_ENDED = 'panelist:answer-ended'

let lastVoiceAt: number | null = null

/** Called for every microphone chunk. */
export function noteMicLevel(rms: number, at: number): void {
  if (dbfs(rms) > VOICE_DBFS) lastVoiceAt = at
}

/** Called when an utterance's first audio is scheduled to start at `startAt` (performance time). */
export function noteReplyAudio(utteranceId: string, startAt: number): void {
  performance.mark(MARK_REPLY_AUDIO, { startTime: startAt, detail: { utteranceId, lastVoiceAt } })
}

/** Called when the studio reports that an answer has ended. */
export function noteAnswerEnded(): void {
  performance.mark(MARK_ANSWER_ENDED, { detail: { lastVoiceAt } })
}
