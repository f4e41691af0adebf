import { z } from 'zod'
import { request } from '../define'
import { id, line } from './fields'
import type { InvitationView, PickerOption } from './views'

/**
 * Invitations: a code a candidate redeems at the kiosk, valid for a window of time. A template made
 * for a job invites only candidates who applied to that job, and the interview moves their application.
 */

export const invitationStatusSchema = z.enum(['pending', 'started', 'completed', 'expired', 'cancelled'])
export type InvitationStatus = z.infer<typeof invitationStatusSchema>

export const kioskCodeSchema = z.string().trim().min(4).max(24)

/** How the interview is held: the AI interview at the kiosk, or a human interview in one of three ways. */
export const invitationKindSchema = z.enum(['ai_interview', 'in_person', 'phone', 'video_call'])
export type InvitationKind = z.infer<typeof invitationKindSchema>

/** A room, a phone number or a meeting link; blank means none. */
const location = z
  .string()
  .trim()
  .max(500)
  .nullable()
  .default(null)
  .transform((value) => value || null)

export const invitationRequests = {
  'invitations.create': request<InvitationView>()(
    z
      .object({
        templateId: id,
        candidateId: id,
        candidateName: line(1, 200),
        expiresInHours: z
          .number()
          .int()
          .min(1)
          .max(24 * 90)
          .default(24 * 7),
        scheduledAt: z.number().int().positive().nullable().default(null),
        kind: invitationKindSchema.default('ai_interview'),
        location,
      })
      .strict(),
  ),
  /** Moves the interview's time window and place; the code stays the same. */
  'invitations.reschedule': request<InvitationView>()(
    z
      .object({
        id,
        scheduledAt: z.number().int().positive().nullable(),
        expiresAt: z.number().int().positive(),
        location,
      })
      .strict(),
  ),
  'invitations.list': request<InvitationView[]>()(
    z
      .object({
        templateId: id.optional(),
        candidateId: id.optional(),
        status: z.union([invitationStatusSchema, z.literal('all')]).default('all'),
      })
      .strict(),
  ),
  'invitations.cancel': request<InvitationView>()(z.object({ id }).strict()),
  'invitations.candidateOptions': request<PickerOption[]>()(
    z.object({ search: z.string().max(100).default('') }).strict(),
  ),
}
