import { z } from 'zod'
import { request } from './define'

/**
 * Shared links: a read-only page about one candidate for a hiring manager without an account,
 * served by the workspace's `shared-link` Edge Function. Needs a signed-in workspace.
 */

/**
 * Exactly what a link shows, fixed when it is made. Built from an allow-list of fields: integrity
 * signals, self-identification answers and recordings are never in it; contact details only when ticked.
 */
export interface SharedSnapshot {
  name: string
  title?: string | null
  years?: number
  skills?: string[]
  contact?: { email: string | null; phone: string | null }
  ranking?: { job: string; score: number; explanation: string; evidence: string[] }
  assessment?: {
    overall: number
    questions: { question: string; score: number; reason: string }[]
    strengths: string[]
    weaknesses: string[]
  }
}

export interface SharedLinkView {
  id: string
  createdAt: number
  expiresAt: number
  revokedAt: number | null
  /** What the link shows. */
  includes: ('profile' | 'contact' | 'ranking' | 'assessment')[]
  viewCount: number
  views: { at: number; outcome: 'shown' | 'expired' | 'revoked' | 'tampered' | 'unknown' }[]
}

/** A link as created: the URL carries its secret and is shown this once (the server keeps a hash). */
export interface CreatedSharedLink {
  id: string
  url: string
  expiresAt: number
}

const id = z.string().min(1).max(100)

export const shareInput = z
  .object({
    candidateId: id,
    /** The job whose ranking is shared; required when `include.ranking` is ticked. */
    jobId: id.optional(),
    include: z
      .object({ profile: z.boolean(), contact: z.boolean(), ranking: z.boolean(), assessment: z.boolean() })
      .strict()
      .refine((i) => i.profile || i.ranking || i.assessment, 'Tick at least one of profile, ranking or assessment'),
    expiresInDays: z.number().int().min(1).max(30),
  })
  .strict()
  .refine((input) => !input.include.ranking || input.jobId !== undefined, {
    message: 'Choose the job whose ranking to share',
    path: ['jobId'],
  })

export type ShareInput = z.output<typeof shareInput>

export const sharingRequests = {
  'sharing.create': request<CreatedSharedLink>()(shareInput),
  'sharing.list': request<SharedLinkView[]>()(z.object({ candidateId: id }).strict()),
  'sharing.revoke': request<SharedLinkView[]>()(z.object({ candidateId: id, linkId: z.uuid() }).strict()),
}
