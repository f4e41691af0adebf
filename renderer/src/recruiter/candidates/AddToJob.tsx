import { useEffect, useState } from 'react'
import type { JobOpeningView } from '../../../../shared/contract/screening'
import { call, describeError } from '../../api/client'

/** Puts candidates into an open job's pipeline (they are ranked against it at once). */
export function AddToJob({
  candidateIds,
  label,
  onAdded,
}: {
  candidateIds: string[]
  label: string
  onAdded?: () => void
}) {
  const [jobs, setJobs] = useState<JobOpeningView[]>([])
  const [jobId, setJobId] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    call('jobs.list', { status: 'open' })
      .then(setJobs)
      .catch((e: unknown) => setError(describeError(e)))
  }, [])

  if (!jobs.length) return null
  const add = async () => {
    try {
      const { added, rerank } = await call('candidates.addToJob', { jobId, candidateIds })
      setMessage(`${added} added; ${rerank.candidates} ranked for this job.`)
      setError(null)
      onAdded?.()
    } catch (e) {
      setError(describeError(e))
    }
  }
  return (
    <div className="row add-to-job">
      <label>
        {label}{' '}
        <select value={jobId} onChange={(e) => setJobId(e.target.value)}>
          <option value="">Choose a job…</option>
          {jobs.map((job) => (
            <option key={job.id} value={job.id}>
              {job.title}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="secondary" disabled={!jobId || !candidateIds.length} onClick={add}>
        Add
      </button>
      {message && <span role="status">{message}</span>}
      {error && (
        <span role="alert" className="error-text">
          {error}
        </span>
      )}
    </div>
  )
}
