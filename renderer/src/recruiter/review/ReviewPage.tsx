import { useEffect, useRef, useState } from 'react'
import { Link, useParams } from 'react-router-dom'
import type { JobView } from '../../../../shared/contract/foundation'
import type { ScoreOverrideView } from '../../../../shared/contract/interviews'
import { call, describeError, on } from '../../api/client'
import { useRequest } from '../../api/useRequest'
import { ErrorText } from '../../components/ErrorText'
import { PageLoading } from '../../components/PageLoading'
import { formatTime } from '../interviews/labels'
import { AnswerReview } from './AnswerReview'
import { AssessmentPending } from './AssessmentPending'
import { ConsentPanel } from './ConsentPanel'
import { DecisionPanel } from './DecisionPanel'
import { IntegrityPanel } from './IntegrityPanel'
import { OverallPanel } from './OverallPanel'
import { RunsPanel } from './RunsPanel'

const FINISHED_JOB = new Set<JobView['status']>(['succeeded', 'failed', 'dead', 'cancelled'])

/** A finished interview reviewed by a person: the evidence, the assessment, and the decision. */
export function ReviewPage() {
  const { sessionId = '' } = useParams()
  const session = useRequest('sessions.get', { id: sessionId })
  const assessments = useRequest('assessments.get', { sessionId })
  const decisions = useRequest('assessments.decisions', { sessionId })
  const recordings = useRequest('assessments.recordings', { sessionId })
  const consent = useRequest('assessments.consent', { sessionId })
  const [shownId, setShownId] = useState<string | null>(null)
  const [liveJob, setLiveJob] = useState<JobView | null>(null)
  const [rerunError, setRerunError] = useState<string | null>(null)
  const [rerunNote, setRerunNote] = useState<string | null>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  const jobId = assessments.data?.job?.jobId ?? null
  const reloadAssessments = assessments.reload

  useEffect(
    () =>
      on('queue.job', (job) => {
        if (job.id !== jobId) return
        setLiveJob(job)
        if (FINISHED_JOB.has(job.status)) reloadAssessments()
      }),
    [jobId, reloadAssessments],
  )

  const loaded = !!session.data && !!assessments.data && !!decisions.data
  useEffect(() => {
    if (loaded) heading.current?.focus()
  }, [loaded])

  const loadError = session.error ?? assessments.error ?? decisions.error
  if (!session.data || !assessments.data || !decisions.data) {
    return <PageLoading title="Review interview" error={loadError && `The review could not be loaded: ${loadError}`} />
  }
  const s = session.data
  const a = assessments.data
  const runs = a.latest ? [a.latest, ...a.earlier] : []
  const shown = runs.find((r) => r.id === shownId) ?? a.latest
  const overrides = decisions.data.overrides
  const jobStatus = liveJob?.status ?? a.job?.status
  // A run already on its way would only be followed by a second, identical one.
  const runPending = jobStatus === 'queued' || jobStatus === 'running'

  const overridden = (override: ScoreOverrideView) =>
    decisions.setData((d) => d && { ...d, overrides: [override, ...d.overrides] })

  const rerun = async () => {
    setRerunError(null)
    try {
      await call('assessments.rerun', { sessionId })
      setRerunNote('A new assessment is queued. Earlier runs stay here for comparison.')
      setLiveJob(null)
      reloadAssessments()
    } catch (e) {
      setRerunError(`The assessment could not be re-run: ${describeError(e)}`)
    }
  }

  return (
    <section aria-labelledby="review-title" className="review">
      <p>
        <Link to={`/interviews/sessions/${s.id}`}>← Interview session</Link>
      </p>
      <h1 id="review-title" tabIndex={-1} ref={heading}>
        Review · {s.candidateName} · {s.templateName}
      </h1>
      <p className="muted">
        Interview of {formatTime(s.startedAt)}
        {s.finishedAt ? `, finished ${formatTime(s.finishedAt)}` : ', not finished'} · {s.answers.length} answers
      </p>

      <ConsentPanel consent={consent.data} />

      <div className="review-columns">
        <div className="review-main">
          {shown ? (
            <OverallPanel assessment={shown} overrides={overrides} onOverridden={overridden} />
          ) : (
            <AssessmentPending job={a.job} live={liveJob} />
          )}
          <p className="actions">
            <button type="button" onClick={() => void rerun()} disabled={s.status === 'in_progress' || runPending}>
              Re-run assessment
            </button>
            {runPending && a.latest && <span className="muted">An assessment is already queued or running.</span>}
          </p>
          <ErrorText error={rerunError} />
          <p role="status" className="muted">
            {rerunNote}
          </p>
          <RunsPanel runs={runs} shownId={shown?.id ?? ''} onShow={setShownId} />

          <h2>Answers</h2>
          <ErrorText error={recordings.error && `Recordings could not be listed: ${recordings.error}`} />
          {s.answers.map((answer) => (
            <AnswerReview
              key={answer.id}
              answer={answer}
              scores={shown?.answers.find((x) => x.answerId === answer.id)}
              assessmentId={shown?.id ?? null}
              recordings={(recordings.data ?? []).filter((r) => r.answerId === answer.id)}
              overrides={overrides}
              onOverridden={overridden}
            />
          ))}
        </div>
        <aside className="review-side">
          <DecisionPanel sessionId={sessionId} decisions={decisions.data} onDecided={() => decisions.reload()} />
          <IntegrityPanel signals={shown?.integrity ?? a.integrity} />
        </aside>
      </div>
    </section>
  )
}
