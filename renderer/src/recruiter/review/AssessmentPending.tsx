import type { JobView } from '../../../../shared/contract/foundation'
import type { AssessmentJobView } from '../../../../shared/contract/interviews'
import { EmptyState } from '../../components/EmptyState'
import { ProgressBar } from '../../components/ProgressBar'

interface Props {
  job: AssessmentJobView | null
  /** The job as the queue last reported it, with its progress. */
  live: JobView | null
}

/** What the recruiter sees before an assessment exists: where its job stands, in their words. */
export function AssessmentPending({ job, live }: Props) {
  const status = live?.status ?? job?.status ?? null
  if (status === 'running') {
    return (
      <EmptyState title="The assessment is running">
        <ProgressBar value={live?.progress ?? 0} label="Assessment progress" />
        <p className="muted">{live?.progressNote ?? 'Scoring each answer against its rubric.'}</p>
      </EmptyState>
    )
  }
  if (status === 'queued') {
    const lastError = live?.lastError ?? job?.lastError ?? null
    return (
      <EmptyState title="The assessment is waiting in the queue">
        <p>
          It runs by itself; this page updates when it is done.
          {lastError ? ` The last attempt did not finish: ${lastError}` : ''}
        </p>
      </EmptyState>
    )
  }
  if (status === 'failed' || status === 'dead' || status === 'cancelled') {
    return (
      <EmptyState title="The assessment did not complete">
        <p>
          {job?.lastError ?? 'It stopped without a result.'} Use “Re-run assessment” to try again; the Queue page shows
          every attempt.
        </p>
      </EmptyState>
    )
  }
  return (
    <EmptyState title="No assessment yet">
      <p>An assessment is made when the interview finishes. Use “Re-run assessment” to ask for one now.</p>
    </EmptyState>
  )
}
