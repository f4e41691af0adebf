import type { PipelineStatus } from '../../../../shared/contract/screening'

/**
 * Where "Advance" moves a candidate: one step along the hiring path. A rejected, withdrawn or hired
 * candidate has no step forward, so the action is not offered for them.
 */
const NEXT: Partial<Record<PipelineStatus, PipelineStatus>> = {
  new: 'shortlisted',
  screened: 'shortlisted',
  maybe: 'shortlisted',
  shortlisted: 'interviewing',
  interviewing: 'offer',
  offer: 'hired',
}

export const advanceTarget = (status: PipelineStatus): PipelineStatus | null => NEXT[status] ?? null
