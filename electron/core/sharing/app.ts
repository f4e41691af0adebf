import type { SupabaseClient } from '@supabase/supabase-js'
import { StudioError } from '../../../shared/contract/errors'
import type { AssessmentView } from '../../../shared/contract/interviews/assessments'
import type { CandidateDetail } from '../../../shared/contract/screening/views'
import type { Clock } from '../clock'
import type { DomainApp } from '../ipc/dispatcher'
import { createLink, listLinks, revokeLink } from './remote'
import { buildSnapshot } from './snapshot'

export interface SharingDeps {
  /** The signed-in workspace (its client holds the recruiter's session), or null when there is none. */
  workspace(): Promise<{ client: SupabaseClient; orgId: string } | null>
  /** The project URL the Edge Function is served under (PANELIST_SUPABASE_URL). */
  projectUrl: string | null
  candidate(candidateId: string, jobId?: string): Promise<CandidateDetail>
  latestAssessment(candidateId: string): Promise<AssessmentView | null>
  clock: Clock
}

const DAY_MS = 86_400_000

export function createApp(deps: SharingDeps): DomainApp<'sharing'> {
  async function signedIn() {
    const workspace = await deps.workspace()
    if (!workspace || !deps.projectUrl) {
      throw new StudioError('forbidden', 'Sign in to a team workspace (Team workspace) to share links')
    }
    return workspace
  }

  return {
    handlers: {
      'sharing.create': async ({ candidateId, jobId, include, expiresInDays }) => {
        const { client, orgId } = await signedIn()
        const [candidate, assessment] = await Promise.all([
          deps.candidate(candidateId, jobId),
          include.assessment ? deps.latestAssessment(candidateId) : Promise.resolve(null),
        ])
        if (include.ranking && !candidate.score) {
          throw new StudioError('invalid_input', 'This candidate has no ranking for that job yet')
        }
        if (include.assessment && !assessment) {
          throw new StudioError('invalid_input', 'This candidate has no assessment yet')
        }
        const snapshot = buildSnapshot(include, candidate, assessment)
        const link = await createLink(client, orgId, candidateId, snapshot, deps.clock.now() + expiresInDays * DAY_MS)
        return {
          id: link.id,
          url: `${deps.projectUrl!.replace(/\/+$/, '')}/functions/v1/shared-link?t=${link.token}`,
          expiresAt: link.expiresAt,
        }
      },
      'sharing.list': async ({ candidateId }) => {
        const { client, orgId } = await signedIn()
        return listLinks(client, orgId, candidateId)
      },
      'sharing.revoke': async ({ candidateId, linkId }) => {
        const { client, orgId } = await signedIn()
        await revokeLink(client, linkId)
        return listLinks(client, orgId, candidateId)
      },
    },
  }
}
