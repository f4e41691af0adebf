import { z } from 'zod'
import { boardRequests } from './board'
import { candidateRequests } from './candidates'
import { intakeRequests } from './intake'
import { jobRequests } from './jobs'
import type { IntakeBatchView, RerankSummary } from './views'

/**
 * Screening: job openings, resume intake, scoring and the candidate pipeline. Everything here works
 * offline; the optional embeddings signal is shown beside a score and never changes it.
 */

export * from './board'
export * from './candidates'
export * from './intake'
export * from './jobs'
export * from './views'

export const screeningRequests = { ...jobRequests, ...intakeRequests, ...candidateRequests, ...boardRequests }

export const screeningEvents = {
  'intake.progress': z.custom<IntakeBatchView>(),
  'screening.ranked': z.custom<RerankSummary>(),
  /** A candidate moved in a job's pipeline here; boards showing the job fetch it again. */
  'pipeline.changed': z.object({ jobId: z.string() }),
  /** The desktop app was handed resumes to open; the recruiter's window takes them with intake.takeOpenedFiles. */
  'intake.filesOpened': z.object({ count: z.number() }),
}
