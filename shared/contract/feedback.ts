import { z } from 'zod'
import { request } from './define'
import { emailAddressSchema, type MailDeliveryStatus } from './mail'

/**
 * Feedback to candidates: a draft grounded in the resume's skills or the interview's assessment,
 * reviewed by the recruiter, and sent by email. Integrity signals, self-identification and anything
 * else the product does not judge people on never reach the draft or the email.
 */

const id = z.string().min(1).max(64)

/** What the feedback is about: the screening of an application, or an assessed interview. */
export type FeedbackBasis = 'screening' | 'assessment'

/**
 * draft: waiting for the recruiter (and, when the workspace sends automatically, for its time);
 * sending: approved or sent automatically, the email is in the queue; sent: the server accepted it;
 * failed: the email could not be sent (see the delivery); discarded: the recruiter dropped it.
 */
export type FeedbackStatus = 'draft' | 'sending' | 'sent' | 'failed' | 'discarded'

export interface FeedbackView {
  id: string
  candidateId: string
  applicationId: string | null
  sessionId: string | null
  basis: FeedbackBasis
  jobTitle: string
  /** 'ai' when a model wrote the draft; 'template' when it was built from the same facts without AI. */
  source: 'ai' | 'template'
  /** Why a template was used, when it was: no AI key, or an AI draft that failed the check. */
  sourceNote: string | null
  status: FeedbackStatus
  to: string | null
  subject: string
  body: string
  createdAt: number
  updatedAt: number
  /** When the draft goes out by itself if nobody reviews it; null when the workspace does not send automatically. */
  autoSendAt: number | null
  /** Why a draft was held back from sending automatically. */
  heldReason: string | null
  sentAt: number | null
  deliveryId: string | null
  deliveryStatus: MailDeliveryStatus | null
  deliveryError: string | null
}

/** A screening or an interview the recruiter can write feedback on. */
export interface FeedbackOption {
  basis: FeedbackBasis
  applicationId: string | null
  sessionId: string | null
  jobTitle: string
  /** Why this can be written about: "Rejected after screening", "Interview assessed on …". */
  label: string
}

export interface CandidateFeedback {
  drafts: FeedbackView[]
  options: FeedbackOption[]
  /** The candidate's address from their resume, when there is one. */
  email: string | null
}

/** Null: never send automatically; otherwise an unreviewed draft is sent after this many hours. */
export const feedbackPolicySchema = z
  .object({
    autoSendHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 14)
      .nullable(),
  })
  .strict()
export type FeedbackPolicy = z.infer<typeof feedbackPolicySchema>

const subject = z.string().trim().min(1, 'Enter a subject').max(200)
const body = z.string().trim().min(20, 'Write at least a couple of sentences').max(10_000)

export const feedbackRequests = {
  'feedback.forCandidate': request<CandidateFeedback>()(z.object({ candidateId: id }).strict()),
  /** Writes a draft for one option: by AI when a key is set, otherwise from a template. */
  'feedback.draft': request<FeedbackView>()(
    z
      .object({
        candidateId: id,
        applicationId: id.nullable().default(null),
        sessionId: id.nullable().default(null),
        to: emailAddressSchema.nullable().default(null),
      })
      .strict(),
  ),
  /** Saves the recruiter's edits; the draft stays a draft. */
  'feedback.update': request<FeedbackView>()(
    z.object({ id, subject, body, to: emailAddressSchema.nullable() }).strict(),
  ),
  /** Approves the text as given and sends it now (refused when it mentions what feedback must not). */
  'feedback.approve': request<FeedbackView>()(z.object({ id, subject, body, to: emailAddressSchema }).strict()),
  'feedback.discard': request<FeedbackView>()(z.object({ id }).strict()),
  'feedback.policy': request<FeedbackPolicy>()(z.object({}).strict()),
  'feedback.setPolicy': request<FeedbackPolicy>()(feedbackPolicySchema),
}
