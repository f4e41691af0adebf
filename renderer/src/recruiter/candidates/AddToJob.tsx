import { useState } from 'react'
import { call, describeError } from '../../api/client'
import { useRequest } from '../../api/useRequest'

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
  // Without open jobs (or when they cannot be listed) there is nothing to add to, so nothing shows.
  const jobs = useRequest('jobs.list', { status: 'open' }).data ?? []
  const [jobId, setJobId] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

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
