import type { Decision } from '../../../../shared/contract/interviews/decisions'
import type { PipelineStatus } from '../../../../shared/contract/screening'

/**
 * Where advancing takes a candidate: to the stage after the one the interview leaves them in. A
 * candidate not yet at interviewing, or set aside (maybe, rejected, withdrawn), goes on to
 * interviewing, the stage of the further interviews; interviewing goes to offer, offer to hired.
 */
const NEXT_STAGE: Record<PipelineStatus, PipelineStatus> = {
  new: 'interviewing',
  screened: 'interviewing',
  shortlisted: 'interviewing',
  maybe: 'interviewing',
  rejected: 'interviewing',
  withdrawn: 'interviewing',
  interviewing: 'offer',
  offer: 'hired',
  hired: 'hired',
}

/** The status a decision moves an application to from `current`. */
export function statusAfterDecision(decision: Decision, current: PipelineStatus): PipelineStatus {
  if (decision === 'reject') return 'rejected'
  if (decision === 'hold') return 'maybe'
  return NEXT_STAGE[current]
}

export function movesFrom(current: PipelineStatus): Record<Decision, PipelineStatus> {
  return {
    advance: statusAfterDecision('advance', current),
    hold: statusAfterDecision('hold', current),
    reject: statusAfterDecision('reject', current),
  }
}
