import type { AssessmentView, Decision, SessionDecisions } from '../../../../shared/contract/interviews'
import { PIPELINE_LABELS } from '../candidates/labels'

const DECISION_LABELS: Record<Decision, string> = { advance: 'Advance', hold: 'Hold', reject: 'Reject' }

const date = (ms: number) => new Date(ms).toLocaleString()

/** The human decision that stands (the newest), where it moved the candidate, and the scores a person replaced. */
export function ReportDecision({
  record,
  assessment,
}: {
  record: SessionDecisions
  assessment: AssessmentView | null
}) {
  const [standing, ...earlier] = record.decisions
  const status = record.pipeline
    ? `Pipeline status for this job: ${PIPELINE_LABELS[record.pipeline.status]}.`
    : 'This interview is not linked to a job application.'
  const overrides = record.overrides.filter((o) => o.assessmentId === assessment?.id)
  const question = (answerId: string | null) =>
    answerId === null
      ? 'Overall'
      : `Answer ${(assessment?.answers.find((a) => a.answerId === answerId)?.turnIndex ?? -1) + 1}`

  return (
    <>
      <h2>Human decision</h2>
      {standing ? (
        <p data-testid="report-decision">
          <strong>{DECISION_LABELS[standing.decision]}</strong>, by {standing.author} on {date(standing.createdAt)}
          {standing.pipeline && ` (moved the candidate to ${PIPELINE_LABELS[standing.pipeline.to]})`}.
          {standing.note && ` Note: ${standing.note}`}
          {earlier.length > 0 && ` ${earlier.length} earlier decision(s) kept.`} {status}
        </p>
      ) : (
        <p data-testid="report-decision">No decision recorded yet. {status}</p>
      )}
      {overrides.length > 0 && (
        <>
          <h3>Scores a recruiter replaced</h3>
          <ul>
            {overrides.map((o) => (
              <li key={o.id}>
                {question(o.answerId)}, {o.dimension}: {o.originalScore} → <strong>{o.score}</strong> — {o.reason} (
                {o.author}, {date(o.createdAt)})
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  )
}
