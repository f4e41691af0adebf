import { PRACTICE_QUESTION } from '../../../shared/contract/kiosk'

/** What the interviewer says around the practice question, which is heard and captioned but never saved. */
export const PRACTICE_PROMPT = `Let's try a practice question first. Nothing you say now is saved. ${PRACTICE_QUESTION}`

export const PRACTICE_CLOSE = 'Thank you, I could hear you clearly. When you are ready, start the interview.'

/** A practice answer ends by itself after this long. */
export const PRACTICE_LIMIT_MS = 60_000

export async function* sayOnce(text: string): AsyncGenerator<string> {
  yield text
}
