import type { JobView } from '../../../../../shared/contract/foundation'

export interface QueueState {
  /** Background jobs by id, as listed at start-up and then as the host pushes each change. */
  queueJobs: Record<string, JobView>
  queueError: string | null
}

export const initialQueueState: QueueState = {
  queueJobs: {},
  queueError: null,
}
