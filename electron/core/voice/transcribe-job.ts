import fs from 'node:fs'
import { z } from 'zod'
import type { AiCapabilities } from '../ai/types'
import type { SyncedWriter } from '../db/synced'
import { defineJob, PermanentJobError } from '../queue/types'
import type { RecordingsStore } from '../recording/recordings-store'

export const TRANSCRIBE_JOB = 'voice.transcribe'

export const transcribePayloadSchema = z.object({
  answerId: z.string().min(1).max(64),
  sessionId: z.string().min(1).max(64),
  recordingPath: z.string().min(1).max(400),
})
export type TranscribePayload = z.infer<typeof transcribePayloadSchema>

/**
 * An answer recorded while no speech-to-text provider was listening (scripted mode, no key, a
 * dropped connection) is transcribed here once one is available. Without one the job fails and the
 * queue retries it with backoff; it waits through many attempts because an evening without
 * network should not lose a transcript.
 */
export interface TranscribeJobDeps {
  ai: AiCapabilities
  recordings: RecordingsStore
  writer: SyncedWriter
  /** Rates the answer again now that its words are known. */
  reevaluate(answerId: string): Promise<void>
}

export function transcribeJob(deps: TranscribeJobDeps) {
  return defineJob({
    kind: TRANSCRIBE_JOB,
    payload: transcribePayloadSchema,
    title: () => 'Transcribe a recorded interview answer',
    maxAttempts: 200,
    async run(payload, ctx) {
      if (!deps.ai.available('stt')) throw new Error('Speech-to-text is not available yet; the recording waits for it')
      let audio: Buffer
      try {
        audio = await fs.promises.readFile(deps.recordings.absolutePath(payload.recordingPath))
      } catch (error) {
        throw new PermanentJobError(
          `The recording cannot be read: ${error instanceof Error ? error.message : String(error)}`,
        )
      }
      const transcript = await deps.ai
        .stt()
        .transcribe(new Uint8Array(audio.buffer, audio.byteOffset, audio.byteLength), 'audio/wav', {
          signal: ctx.signal,
          scope: { interviewId: payload.sessionId },
        })
      let written = false
      const applied = await ctx.applyOnce(`${TRANSCRIBE_JOB}:${payload.answerId}`, async (trx) => {
        const answer = await trx
          .selectFrom('interview_answers')
          .select(['text'])
          .where('id', '=', payload.answerId)
          .executeTakeFirst()
        // A transcript already there (typed, or heard live) is the candidate's own words: never overwrite it.
        if (!answer || answer.text.trim()) return
        await deps.writer.update(trx, 'interview_answers', payload.answerId, {
          text: transcript.text,
          transcript_words: JSON.stringify(transcript.words),
        })
        written = true
      })
      // After the transcript is safely stored: a failed evaluation is retried with the job, and the
      // transcript is not written twice (applyOnce).
      if (written || !applied) await deps.reevaluate(payload.answerId)
      return { applied, words: transcript.words.length }
    },
  })
}
