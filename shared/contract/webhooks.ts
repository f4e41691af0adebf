import { z } from 'zod'
import { request } from './define'

/**
 * Outgoing webhooks to an ATS, signed per the Standard Webhooks spec. Every request here is the
 * recruiter's: the kiosk never configures endpoints or reads deliveries. A signing secret crosses
 * the bridge exactly twice: in the answer that created the endpoint and in the answer that rotated
 * it; no list or read returns it again.
 */

export const webhookEventTypeSchema = z.enum([
  'candidate.created',
  'interview.completed',
  'assessment.ready',
  'decision.made',
])
export type WebhookEventType = z.infer<typeof webhookEventTypeSchema>
export const WEBHOOK_EVENT_TYPES = webhookEventTypeSchema.options

/*
 * What each event carries: ids and a small summary. Never integrity signals, recordings,
 * transcripts or self-identification: the receiver fetches more from the recruiter if it must.
 */
export interface WebhookPayloads {
  'candidate.created': { candidateId: string; name: string; jobId: string | null }
  'interview.completed': { sessionId: string; candidateId: string; templateId: string; finishedAt: number | null }
  'assessment.ready': {
    assessmentId: string
    sessionId: string
    /** 'ai', or 'offline' for the labelled stand-in stored while no AI is reachable. */
    kind: string
    overallScore: number | null
    /** Null when the assessment makes none (the offline stand-in). */
    recommendation: string | null
  }
  'decision.made': {
    decisionId: string
    sessionId: string
    decision: string
    applicationId: string | null
    fromStatus: string | null
    toStatus: string | null
  }
}

export type OutgoingEvent = {
  [K in WebhookEventType]: { type: K; data: WebhookPayloads[K] }
}[WebhookEventType]

/**
 * https anywhere; plain http only to this machine (a local receiver while testing). No user or
 * password in the URL: the signature is the authentication.
 */
export function webhookUrlProblem(raw: string): string | null {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return 'Not a URL'
  }
  if (url.username || url.password) return 'A webhook URL may not carry a user name or password'
  if (url.protocol === 'https:') return null
  if (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) return null
  return 'Only https URLs are allowed (plain http only to 127.0.0.1 or localhost, for testing)'
}

const endpointUrl = z
  .string()
  .trim()
  .max(2000)
  .superRefine((value, ctx) => {
    const problem = webhookUrlProblem(value)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })

const id = z.string().min(1).max(64)

export interface WebhookEndpointView {
  id: string
  url: string
  events: WebhookEventType[]
  createdAt: number
  secretRotatedAt: number | null
  /** Until when deliveries are also signed with the secret before the last rotation; null when not. */
  previousSecretUntil: number | null
}

/** The only answers that hold a signing secret (`whsec_…`): shown once, never listed again. */
export interface WebhookSecretView {
  endpoint: WebhookEndpointView
  secret: string
}

export interface WebhookAttemptView {
  attempt: number
  at: number
  /** Null when no HTTP answer came (refused, timed out, redirected elsewhere). */
  statusCode: number | null
  error: string | null
  durationMs: number
  /** The first bytes of the receiver's answer, for diagnosis; the rest is never stored. */
  responseExcerpt: string | null
}

export interface WebhookDeliveryView {
  id: string
  /** The webhook-id header: the same on every attempt, so the receiver can deduplicate. */
  eventId: string
  eventType: WebhookEventType
  endpointId: string
  url: string
  status: 'pending' | 'delivered' | 'failed'
  createdAt: number
  deliveredAt: number | null
  attempts: WebhookAttemptView[]
}

export const webhookRequests = {
  'webhooks.list': request<WebhookEndpointView[]>()(z.object({}).strict()),
  'webhooks.create': request<WebhookSecretView>()(
    z.object({ url: endpointUrl, events: z.array(webhookEventTypeSchema).min(1).max(4) }).strict(),
  ),
  'webhooks.delete': request<{ deleted: true }>()(z.object({ id }).strict()),
  /** A new secret; the old one keeps signing alongside it for a grace period (see previousSecretUntil). */
  'webhooks.rotateSecret': request<WebhookSecretView>()(z.object({ id }).strict()),
  'webhooks.deliveries': request<WebhookDeliveryView[]>()(
    z.object({ endpointId: id.optional(), limit: z.number().int().min(1).max(200).default(50) }).strict(),
  ),
  /** Sends a failed delivery again now, with the same webhook-id. */
  'webhooks.retry': request<WebhookDeliveryView>()(z.object({ id }).strict()),
}
