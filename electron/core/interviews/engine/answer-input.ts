import { z } from 'zod'

/**
 * An answer as the voice loop or the kiosk's text box hands it to the engine. The voice loop is
 * our own code, but transcripts and timings come from outside, so they are bounded like any input.
 */
export const transcriptWordSchema = z.object({
  word: z.string().max(200),
  start: z.number().min(0),
  end: z.number().min(0),
  confidence: z.number().min(0).max(1).optional(),
})

export const pauseSchema = z.object({ startMs: z.number().int().min(0), durationMs: z.number().int().min(0) })

export const submittedAnswerSchema = z.object({
  /** The turn this answers; a repeated submit of an already recorded turn is recognised. */
  turnIndex: z.number().int().min(0).optional(),
  text: z.string().max(50_000),
  inputMode: z.enum(['voice', 'text']).default('voice'),
  transcriptWords: z.array(transcriptWordSchema).max(20_000).default([]),
  audioPath: z.string().max(1000).nullable().default(null),
  startedAt: z.number().int().min(0),
  endedAt: z.number().int().min(0),
  responseDelayMs: z.number().int().min(0).max(3_600_000),
  speechMs: z.number().int().min(0).max(3_600_000),
  pauses: z.array(pauseSchema).max(5000).default([]),
  pastedChars: z.number().int().min(0).max(50_000).default(0),
})
export type SubmittedAnswer = z.input<typeof submittedAnswerSchema>

/** More of an answer: speech that resumed just after the answer was taken as finished. */
export const answerContinuationSchema = submittedAnswerSchema
  .pick({ text: true, transcriptWords: true, endedAt: true, speechMs: true, pauses: true })
  .extend({
    /** Where the continuation starts on the answer's own timeline (its words and pauses are shifted by it). */
    offsetMs: z.number().int().min(0).max(3_600_000).default(0),
  })
  .strict()
export type AnswerContinuation = z.input<typeof answerContinuationSchema>

export interface TypedAnswerInput {
  turnIndex: number
  text: string
  /** How long the kiosk says the candidate typed for. */
  typingMs: number
  pastedChars: number
}

/**
 * A typed answer as the engine records it. The kiosk's own timing is trusted only within what main
 * saw: the answer never starts before the question was asked.
 */
export function typedAnswer(input: TypedAnswerInput, askedAt: number | undefined, now: number): SubmittedAnswer {
  const asked = askedAt ?? now
  const startedAt = Math.max(asked, now - input.typingMs)
  return {
    turnIndex: input.turnIndex,
    text: input.text,
    inputMode: 'text',
    startedAt,
    endedAt: now,
    responseDelayMs: startedAt - asked,
    speechMs: 0,
    pauses: [],
    pastedChars: input.pastedChars,
  }
}
