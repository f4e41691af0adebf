import { useState } from 'react'
import { useRequest } from '../../api/useRequest'
import { ErrorText } from '../../components/ErrorText'
import { FunnelPanel } from '../board/FunnelPanel'
import { CountPanel } from './CountPanel'

/** Funnel, time in stage, scores, sources and interview outcomes: for one job or every job together. */
export function AnalyticsPage() {
  const [jobId, setJobId] = useState('')
  const jobs = useRequest('jobs.list', { status: 'all' })
  const { data, error } = useRequest('analytics.get', jobId ? { jobId } : {})
  return (
    <section aria-labelledby="analytics-title">
      <header className="page-header">
        <h1 id="analytics-title" tabIndex={-1}>
          Analytics
        </h1>
        <label>
          Job{' '}
          <select value={jobId} onChange={(e) => setJobId(e.target.value)}>
            <option value="">All jobs</option>
            {(jobs.data ?? []).map((job) => (
              <option key={job.id} value={job.id}>
                {job.title}
              </option>
            ))}
          </select>
        </label>
      </header>
      <ErrorText error={jobs.error} />
      <ErrorText error={error} />
      {!data ? (
        !error && <p role="status">Loading…</p>
      ) : (
        <>
          <FunnelPanel funnel={data.funnel} />
          <CountPanel title="Where candidates came from" rows={data.sources} testId="analytics-sources" />
          <CountPanel title="Resume formats" rows={data.formats} testId="analytics-formats" />
          <CountPanel title="Interviews" rows={data.interviews} testId="analytics-interviews" />
        </>
      )}
    </section>
  )
}
