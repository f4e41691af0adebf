import { z } from 'zod'
import { request } from '../define'
import { id, line } from './fields'
import type { InvitationView, PickerOption } from './views'

/** Invitations: a code a candidate redeems at the kiosk, valid for a while. */

export const invitationStatusSchema = z.enum(['pending', 'started', 'completed', 'expired', 'cancelled'])
export type InvitationStatus = z.infer<typeof invitationStatusSchema>

export const kioskCodeSchema = z.string().trim().min(4).max(24)

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
      })
      .strict(),
  ),
  'invitations.list': request<InvitationView[]>()(
    z
      .object({
        templateId: id.optional(),
        status: z.union([invitationStatusSchema, z.literal('all')]).default('all'),
      })
      .strict(),
  ),
  'invitations.cancel': request<InvitationView>()(z.object({ id }).strict()),
  'invitations.candidateOptions': request<PickerOption[]>()(
    z.object({ search: z.string().max(100).default('') }).strict(),
  ),
}
