import { useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router-dom'
import type { CandidateDetail as Detail, PipelineStatus } from '../../../../shared/contract/screening'
import { call, describeError } from '../../api/client'
import { useRequest } from '../../api/useRequest'
import { AddToJob } from './AddToJob'
import { CandidateInterviews } from './CandidateInterviews'
import { FlagsPanel } from './Flags'
import { HighlightedText } from './HighlightedText'
import { EDUCATION_LABELS, formatYears, PIPELINE_LABELS } from './labels'
import { Notes, Tags } from './NotesAndTags'
import { ScoreSummary } from './ScoreSummary'
import { StageMoveSelect } from './StageMoveSelect'
import { PageLoading } from '../../components/PageLoading'
import { ErrorText } from '../../components/ErrorText'
import { ExportButton } from '../exports/ExportButton'
import { FeedbackPanel } from '../feedback/FeedbackPanel'
import { SelfIdentificationForm } from '../fairness/SelfIdentificationForm'
import { AlternativeProcessTask } from '../rights/AlternativeProcessTask'
import { DeleteCandidate } from '../rights/DeleteCandidate'
import { ExportCandidateData } from '../rights/ExportCandidateData'
import { ShareDialog } from '../sharing/ShareDialog'

const period = (start: string | null, end: string | null, current: boolean) =>
  `${start ?? '?'} – ${current ? 'present' : (end ?? '?')}`

function Pipeline({ detail, onChange }: { detail: Detail; onChange: () => void }) {
  const [error, setError] = useState<string | null>(null)
  const application = detail.application
  if (!application) return null
  const act = async (action: () => Promise<unknown>) => {
    try {
      await action()
      setError(null)
      onChange()
    } catch (e) {
      setError(describeError(e))
    }
  }
  const canUndo = application.history.some((h) => h.kind === 'set')
  return (
    <div className="pipeline">
      <label htmlFor="status-select">Status</label>
      <StageMoveSelect
        id="status-select"
        label="Status"
        candidateName={detail.name}
        value={application.status}
        onChange={(status: PipelineStatus) =>
          act(() => call('candidates.setStatus', { applicationId: application.id, status }))
        }
      />
      <button
        type="button"
        className="secondary"
        disabled={!canUndo}
        onClick={() => act(() => call('candidates.undoStatus', { applicationId: application.id }))}
      >
        Undo status change
      </button>
      <ErrorText error={error} />
      <details>
        <summary>Status history ({application.history.length})</summary>
        <ol className="history" data-testid="status-history">
          {application.history.map((h) => (
            <li key={h.id}>
              {h.from ? `${PIPELINE_LABELS[h.from]} → ` : ''}
              {PIPELINE_LABELS[h.to]}{' '}
              <span className="muted">
                ({h.kind === 'import' ? 'imported' : h.kind === 'undo' ? 'undone' : 'changed'},{' '}
                {new Date(h.at).toLocaleString()})
              </span>
            </li>
          ))}
        </ol>
      </details>
    </div>
  )
}

function Fields({ detail }: { detail: Detail }) {
  return (
    <section aria-labelledby="fields-title">
      <h2 id="fields-title">What the resume says</h2>
      <dl className="fields">
        <dt>Email</dt>
        <dd>{detail.email ?? '—'}</dd>
        <dt>Phone</dt>
        <dd>{detail.phone ?? '—'}</dd>
        <dt>Links</dt>
        <dd>{detail.links.length ? detail.links.join(', ') : '—'}</dd>
        <dt>Current title</dt>
        <dd>{detail.currentTitle ?? '—'}</dd>
        <dt>Experience</dt>
        <dd>{detail.experience?.label ?? formatYears(detail.totalYears)}</dd>
        <dt>Education</dt>
        <dd>{EDUCATION_LABELS[detail.educationLevel]}</dd>
      </dl>
      {detail.employment.length > 0 && (
        <>
          <h3>Employment</h3>
          <ul>
            {detail.employment.map((e, i) => (
              <li key={i}>
                {e.title}
                {e.company && ` at ${e.company}`} <span className="muted">{period(e.start, e.end, e.current)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {detail.gaps.length > 0 && (
        <p className="muted">Gaps: {detail.gaps.map((g) => `${g.from} to ${g.to} (${g.months} months)`).join('; ')}</p>
      )}
      <h3>Files</h3>
      <ul>
        {detail.files.map((f) => (
          <li key={f.id}>
            {f.fileName}{' '}
            <span className="muted">
              ({f.format}, {Math.ceil(f.size / 1024)} KB{f.current ? ', current' : ''})
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** One candidate: the fields read from the resume beside its text with the job's skills highlighted. */
export function CandidateDetail() {
  const { candidateId = '', jobId } = useParams()
  const { data: detail, error, reload: load } = useRequest('candidates.get', { candidateId, jobId })
  const navigate = useNavigate()

  const back = jobId ? `/jobs/${jobId}` : '/candidates'
  if (error || !detail) {
    return (
      <PageLoading title="Candidate" error={error}>
        <Link to={back}>Back</Link>
      </PageLoading>
    )
  }
  return (
    <article className="candidate-detail" aria-labelledby="candidate-name">
      <header className="page-header">
        <div>
          <Link to={back}>← {detail.application ? detail.application.jobTitle : 'All candidates'}</Link>
          <h1 id="candidate-name" tabIndex={-1}>
            {detail.name}
          </h1>
          {detail.currentTitle && <p className="muted">{detail.currentTitle}</p>}
        </div>
        <Pipeline detail={detail} onChange={load} />
        <ExportButton
          label="Export JSON Resume"
          exportFile={() => call('exports.jsonResume', { candidateId: detail.id })}
        />
        <ExportCandidateData candidateId={detail.id} />
        <ShareDialog candidate={{ id: detail.id, name: detail.name }} jobId={jobId} ranked={detail.score !== null} />
        <DeleteCandidate candidate={{ id: detail.id, name: detail.name }} onDeleted={() => navigate(back)} />
      </header>
      <AlternativeProcessTask candidateId={detail.id} />
      <Tags candidateId={detail.id} tags={detail.tags} onChange={load} />
      {detail.applications.length > 0 && (
        <p className="muted">
          In the pipeline of:{' '}
          {detail.applications.map((a, i) => (
            <span key={a.id}>
              {i > 0 && ', '}
              <Link to={`/jobs/${a.jobId}/candidates/${detail.id}`}>{a.jobTitle}</Link> ({PIPELINE_LABELS[a.status]})
            </span>
          ))}
        </p>
      )}
      {!detail.application && <AddToJob candidateIds={[detail.id]} label="Add to a job:" onAdded={load} />}
      <CandidateInterviews
        candidate={{ id: detail.id, name: detail.name }}
        applications={detail.application ? [detail.application] : detail.applications}
      />
      <FeedbackPanel key={`${detail.id}:${detail.application?.status ?? ''}`} candidateId={detail.id} />
      <FlagsPanel flags={detail.flags} />
      <SelfIdentificationForm key={detail.id} candidateId={detail.id} />
      <div className="detail-columns">
        <div>
          {detail.score && <ScoreSummary score={detail.score} />}
          <Fields detail={detail} />
          <Notes candidateId={detail.id} jobId={jobId} notes={detail.notes} onAdded={load} />
        </div>
        <section aria-labelledby="resume-title">
          <h2 id="resume-title">Resume</h2>
          <p className="muted legend">
            <mark className="skill-required">required</mark> <mark className="skill-preferred">preferred</mark>{' '}
            <mark className="skill-other">other skill</mark>
          </p>
          <HighlightedText text={detail.text} spans={detail.highlights} />
        </section>
      </div>
    </article>
  )
}
