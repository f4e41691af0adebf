import { useState } from 'react'
import { Link, useLocation, useParams } from 'react-router-dom'
import {
  skillLabel,
  type JobOpeningView,
  type OpeningStatus,
  type RerankSummary,
} from '../../../../shared/contract/screening'
import { call, describeError } from '../../api/client'
import { useRequest } from '../../api/useRequest'
import { ImportPanel } from '../candidates/ImportPanel'
import { EDUCATION_LABELS, EMPLOYMENT_LABELS, OPENING_LABELS } from '../candidates/labels'
import { RankedList } from '../candidates/RankedList'
import { PageLoading } from '../../components/PageLoading'
import { ErrorText } from '../../components/ErrorText'
import { ExportButton } from '../exports/ExportButton'
import { RerankResult } from './RerankResult'

function salary(job: JobOpeningView): string | null {
  if (job.salaryMin === null && job.salaryMax === null) return null
  const f = (n: number | null) => (n === null ? '…' : n.toLocaleString())
  return `${f(job.salaryMin)} – ${f(job.salaryMax)} ${job.salaryCurrency}`
}

/** The re-rank a saved edit handed over when it opened this page, if it was this job's. */
function savedRerank(state: unknown, jobId: string): RerankSummary | null {
  const rerank = (state as { rerank?: RerankSummary } | null)?.rerank
  return rerank?.jobId === jobId ? rerank : null
}

/** A job: what it asks for, its actions, resume import, and its candidates ranked against it. */
export function JobPage() {
  const { jobId = '' } = useParams()
  const { data: job, error: loadError, setData: setJob } = useRequest('jobs.get', { id: jobId })
  const [actionError, setActionError] = useState<string | null>(null)
  const error = actionError ?? loadError
  const rerank = savedRerank(useLocation().state, jobId)

  const setStatus = async (status: OpeningStatus) => {
    try {
      setJob(await call('jobs.setStatus', { id: jobId, status }))
    } catch (e) {
      setActionError(describeError(e))
    }
  }

  if (!job) {
    return (
      <PageLoading title="Job" error={error}>
        <Link to="/jobs">All jobs</Link>
      </PageLoading>
    )
  }

  const facts = [job.department, job.location, EMPLOYMENT_LABELS[job.employmentType], salary(job)]
    .filter(Boolean)
    .join(' · ')
  const asks = [
    job.minYears > 0 ? `${job.minYears}+ years` : null,
    job.educationLevel !== 'none' ? `${EDUCATION_LABELS[job.educationLevel]} or above` : null,
  ].filter(Boolean)

  return (
    <section aria-labelledby="job-title">
      <header className="page-header">
        <div>
          <Link to="/jobs">← Jobs</Link>
          <h1 id="job-title" tabIndex={-1}>
            {job.title} <span className="status">{OPENING_LABELS[job.status]}</span>
          </h1>
          {facts && <p className="muted">{facts}</p>}
        </div>
        <div className="row">
          <Link to={`/board/${job.id}`} className="button-link">
            Pipeline board
          </Link>
          <Link to={`/compare/${job.id}`} className="button-link">
            Compare assessed candidates
          </Link>
          <Link to={`/fairness/${job.id}`} className="button-link">
            Adverse-impact report
          </Link>
          <ExportButton label="Export pipeline CSV" exportFile={() => call('exports.pipelineCsv', { jobId: job.id })} />
          {job.status !== 'archived' && (
            <Link to={`/jobs/${job.id}/edit`} className="button-link">
              Edit
            </Link>
          )}
          {job.status === 'open' && (
            <button type="button" className="secondary" onClick={() => setStatus('closed')}>
              Close
            </button>
          )}
          {job.status !== 'open' && (
            <button type="button" className="secondary" onClick={() => setStatus('open')}>
              Reopen
            </button>
          )}
          {job.status !== 'archived' && (
            <button type="button" className="secondary" onClick={() => setStatus('archived')}>
              Archive
            </button>
          )}
        </div>
      </header>
      <ErrorText error={error} />
      <p>
        <strong>Required:</strong> {job.requiredSkills.map(skillLabel).join(', ') || '—'} · <strong>Preferred:</strong>{' '}
        {job.preferredSkills.map(skillLabel).join(', ') || '—'}
        {asks.length > 0 && ` · ${asks.join(' · ')}`}
      </p>
      {rerank && <RerankResult summary={rerank} />}
      {job.status !== 'archived' && <ImportPanel jobId={job.id} />}
      <RankedList jobId={job.id} skills={[...job.requiredSkills, ...job.preferredSkills]} />
    </section>
  )
}
