import type { SupabaseClient } from '@supabase/supabase-js'
import { z } from 'zod'
import { StudioError } from '../../../shared/contract/errors'
import type { SharedLinkView, SharedSnapshot } from '../../../shared/contract/sharing'
import { includedSections } from './snapshot'

/** The workspace's shared-link functions (supabase/migrations/*_shared_links.sql), called as the signed-in recruiter. */

const created = z.object({
  id: z.uuid(),
  token: z.string().regex(/^[0-9a-f-]{36}\.[0-9a-f]{64}$/),
  expires_at: z.string(),
})

const listed = z.array(
  z.object({
    id: z.uuid(),
    fields: z.record(z.string(), z.unknown()),
    created_at: z.string(),
    expires_at: z.string(),
    revoked_at: z.string().nullable(),
    view_count: z.number(),
    views: z.array(
      z.object({ at: z.string(), outcome: z.enum(['shown', 'expired', 'revoked', 'tampered', 'unknown']) }),
    ),
  }),
)

/** PostgREST's refusals (42501) as `forbidden`, bad input (22023) as `invalid_input`, anything else as unreachable. */
function refusal(error: { code?: string; message: string }, what: string): StudioError {
  if (error.code === '42501')
    return new StudioError('forbidden', `${what}: your role in this workspace does not allow it`)
  if (error.code === '22023') return new StudioError('invalid_input', `${what}: ${error.message}`)
  return new StudioError('unavailable', `${what}: the workspace could not be reached`)
}

export async function createLink(
  client: SupabaseClient,
  org: string,
  candidateId: string,
  snapshot: SharedSnapshot,
  expiresAt: number,
): Promise<{ id: string; token: string; expiresAt: number }> {
  const { data, error } = await client.rpc('create_shared_link', {
    p_org: org,
    p_candidate_id: candidateId,
    p_fields: snapshot,
    p_expires_at: new Date(expiresAt).toISOString(),
  })
  if (error) throw refusal(error, 'The link was not created')
  const link = created.parse(data)
  return { id: link.id, token: link.token, expiresAt: Date.parse(link.expires_at) }
}

export async function listLinks(client: SupabaseClient, org: string, candidateId: string): Promise<SharedLinkView[]> {
  const { data, error } = await client.rpc('shared_links_for_candidate', { p_org: org, p_candidate: candidateId })
  if (error) throw refusal(error, 'The links could not be read')
  return listed.parse(data).map((link) => ({
    id: link.id,
    createdAt: Date.parse(link.created_at),
    expiresAt: Date.parse(link.expires_at),
    revokedAt: link.revoked_at === null ? null : Date.parse(link.revoked_at),
    includes: includedSections(link.fields as unknown as SharedSnapshot),
    viewCount: link.view_count,
    views: link.views.map((view) => ({ at: Date.parse(view.at), outcome: view.outcome })),
  }))
}

export async function revokeLink(client: SupabaseClient, linkId: string): Promise<void> {
  const { error } = await client.rpc('revoke_shared_link', { p_link: linkId })
  if (error) throw refusal(error, 'The link was not revoked')
}
