import type { JobView } from '../../../../shared/contract/foundation'
import { call, describeError } from '../../api/client'
import { EmptyState } from '../../components/EmptyState'
import { ProgressBar } from '../../components/ProgressBar'
import { useState } from 'react'
import { ErrorText } from '../../components/ErrorText'

const CANCELLABLE = new Set(['queued', 'running'])
const RETRYABLE = new Set(['failed', 'dead', 'cancelled'])

/** Jobs as a table; `compact` is the live side panel, the full view adds actions and errors. */
export function QueueList({ jobs, compact = false }: { jobs: JobView[]; compact?: boolean }) {
  const [error, setError] = useState<string | null>(null)
  const act = async (action: 'queue.cancel' | 'queue.retry', id: string) => {
    try {
      await call(action, { id })
      setError(null)
    } catch (e) {
      setError(describeError(e))
    }
  }
  if (!jobs.length && compact) return <p className="muted">Nothing running.</p>
  if (!jobs.length)
    return <EmptyState title="Nothing in the queue">Background work appears here as it runs.</EmptyState>
  return (
    <>
      <ErrorText error={error} />
      <table className="queue-table dense">
        <thead>
          <tr>
            <th scope="col">Job</th>
            <th scope="col">Status</th>
            <th scope="col">Progress</th>
            {!compact && <th scope="col">Attempts</th>}
            {!compact && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <tr key={job.id} data-job-id={job.id} data-status={job.status}>
              <td>
                {job.title}
                {!compact && job.lastError && <div className="muted">{job.lastError}</div>}
              </td>
              <td>
                <span className={`status status-${job.status}`}>{job.status}</span>
              </td>
              <td>
                <ProgressBar value={job.progress} label={`${job.title} progress`} />
                {!compact && job.progressNote && <div className="muted">{job.progressNote}</div>}
              </td>
              {!compact && (
                <td>
                  {job.attempts}/{job.maxAttempts}
                </td>
              )}
              {!compact && (
                <td>
                  {CANCELLABLE.has(job.status) && (
                    <button type="button" onClick={() => act('queue.cancel', job.id)}>
                      Cancel
                    </button>
                  )}
                  {RETRYABLE.has(job.status) && (
                    <button type="button" onClick={() => act('queue.retry', job.id)}>
                      Retry
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
