import type { LiveTranscription } from '../ai/types'
import { errorText, type VoiceSessionState } from './session-state'

/** Opens live transcription ahead of the next answer, so listening starts without waiting for it. */
export function prewarmStt(session: VoiceSessionState): void {
  if (session.nextStt) return
  const { deps, sampleRate, sessionId } = session
  const { options, logger } = deps
  const stt = deps.stt()
  session.nextStt = stt
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

export function takeStt(session: VoiceSessionState): Promise<LiveTranscription | null> {
  prewarmStt(session)
  const taken = session.nextStt!
  session.nextStt = null
  return taken
}

export async function closeProviders(session: VoiceSessionState): Promise<void> {
  const warmed = session.nextStt
  session.nextStt = null
  const live = await warmed
  live?.close()
}
