import { useState } from 'react'
import { Link, useParams } from 'react-router-dom'
import { useRequest } from '../../api/useRequest'
import { PageLoading } from '../../components/PageLoading'
import { KIND_LABELS, RECOMMENDATION_LABELS } from '../compare/labels'
import { PdfButton, pdfFileName } from '../../components/PdfButton'
import { ReportDecision } from './ReportDecision'
import { ReportEvidence } from './ReportEvidence'
import { ReportIntegrity, ReportVersions } from './ReportFacts'
import './report.css'

const date = (ms: number | null) => (ms === null ? '—' : new Date(ms).toLocaleString())

/** One interview's assessment as a printable report: scores with their evidence, versions, integrity, decision. */
export function ReportPage() {
  const { sessionId = '' } = useParams()
  // The time the report was opened, printed on it as when it was made.
  const [openedAt] = useState(() => Date.now())
  const { data: session, error: sessionError } = useRequest('sessions.get', { id: sessionId })
  const { data: assessments, error: assessmentError } = useRequest('assessments.get', { sessionId })
  const { data: template } = useRequest('templates.get', session ? { id: session.templateId } : null)
  const jobId = template?.jobId ?? null
  const { data: decisions, error: decisionError } = useRequest('assessments.decisions', { sessionId })
  const error = sessionError ?? assessmentError ?? decisionError

  if (!session || !assessments || !decisions) return <PageLoading title="Assessment report" error={error} />
  const latest = assessments.latest

  return (
    <article className="report printable" aria-labelledby="report-title">
      <p className="no-print">
        {jobId ? (
          <Link to={`/compare/${jobId}`}>← Compare candidates</Link>
        ) : (
          <Link to="/interviews/sessions">← Sessions</Link>
        )}
      </p>
      <h1 id="report-title" tabIndex={-1}>
        Assessment report · {session.candidateName}
      </h1>
      <p className="muted">
        {session.templateName} · interview finished {date(session.finishedAt)} · report made {date(openedAt)}
      </p>
      <PdfButton
        fileName={pdfFileName(`Assessment report - ${session.candidateName}`, 'Assessment report')}
        what="Report"
      />

      <ReportDecision record={decisions} assessment={latest} />

      {!latest ? (
        <p>Not assessed yet{assessments.job ? ` (assessment job ${assessments.job.status})` : ''}.</p>
      ) : (
        <>
          <h2>Overall</h2>
          <p className="report-overall">
            <strong>{latest.overallScore}/100</strong> · recommendation (advisory):{' '}
            {latest.recommendation ? RECOMMENDATION_LABELS[latest.recommendation] : 'none (offline estimate)'} ·{' '}
            {KIND_LABELS[latest.kind]} made {date(latest.createdAt)}
          </p>
          <p className="report-formula">{latest.formula}</p>
          {assessments.earlier.length > 0 && (
            <p className="muted">
              {assessments.earlier.length} earlier assessment(s) of this interview are kept; this report shows the
              latest.
            </p>
          )}
          <ReportEvidence assessment={latest} />
          <ReportIntegrity signals={latest.integrity} />
          <ReportVersions assessment={latest} />
        </>
      )}
    </article>
  )
}
