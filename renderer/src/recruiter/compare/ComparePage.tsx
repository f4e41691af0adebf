import { useState } from 'react'
import { Link, useParams } from 'react-router-dom'
import type { ComparedCandidate } from '../../../../shared/contract/interviews'
import type { PipelineStatus } from '../../../../shared/contract/screening'
import { call, describeError } from '../../api/client'
import { useRequest } from '../../api/useRequest'
import { EmptyState } from '../../components/EmptyState'
import { ErrorText } from '../../components/ErrorText'
import { PageLoading } from '../../components/PageLoading'
import { PIPELINE_LABELS } from '../candidates/labels'
import { CandidateChooser, MAX_COMPARED } from './CandidateChooser'
import { CompareTable } from './CompareTable'
import { SkillChart } from './SkillChart'

/** A job's assessed candidates side by side, to choose whom to advance. */
export function ComparePage() {
  const { jobId = '' } = useParams()
  const { data, error: loadError, setData } = useRequest('assessments.compare', { jobId })
  // null until the recruiter picks: the best-scored first four.
  const [picked, setPicked] = useState<string[] | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [actionError, setActionError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)

  if (!data) return <PageLoading title="Compare candidates" error={loadError} />

  const chosen = picked ?? data.candidates.slice(0, MAX_COMPARED).map((c) => c.candidateId)
  const shown = data.candidates.filter((c) => chosen.includes(c.candidateId))

  const advance = async (candidate: ComparedCandidate, to: PipelineStatus) => {
    setBusy(candidate.applicationId)
    setActionError(null)
    try {
      const application = await call('candidates.setStatus', { applicationId: candidate.applicationId, status: to })
      setData(
        (current) =>
          current && {
            ...current,
            candidates: current.candidates.map((c) =>
              c.applicationId === application.id ? { ...c, pipelineStatus: application.status } : c,
            ),
          },
      )
      setDone(`${candidate.candidateName} moved to ${PIPELINE_LABELS[application.status]}.`)
    } catch (e) {
      setActionError(describeError(e))
    } finally {
      setBusy(null)
    }
  }

  return (
    <section aria-labelledby="compare-title" className="compare">
      <p>
        <Link to={`/jobs/${data.jobId}`}>← {data.jobTitle}</Link>
      </p>
      <h1 id="compare-title" tabIndex={-1}>
        Compare candidates · {data.jobTitle}
      </h1>
      {data.candidates.length === 0 ? (
        <EmptyState title="No one has been assessed for this job yet">
          <p>
            Candidates appear here once they have finished an interview made for this job and its assessment has run.
            Invite applicants from a template of this job under Interviews.
          </p>
        </EmptyState>
      ) : (
        <>
          <p className="muted">
            From each candidate&apos;s latest assessment. Scores are evidence; the recommendation is advisory and
            integrity signals are for a person to review, never a reason on their own. You decide.
          </p>
          <CandidateChooser candidates={data.candidates} chosen={chosen} onChange={setPicked} />
          <ErrorText error={actionError ?? loadError} />
          <p role="status" className="muted">
            {done}
          </p>
          {shown.length === 0 ? (
            <p className="muted">Choose at least one candidate above.</p>
          ) : (
            <>
              <SkillChart candidates={shown} />
              <CompareTable candidates={shown} busy={busy} onAdvance={advance} />
            </>
          )}
        </>
      )}
    </section>
  )
}
