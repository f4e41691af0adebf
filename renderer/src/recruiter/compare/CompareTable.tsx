import type { ReactNode } from 'react'
import { Link } from 'react-router-dom'
import type { ComparedCandidate } from '../../../../shared/contract/interviews'
import type { PipelineStatus } from '../../../../shared/contract/screening'
import { PIPELINE_LABELS } from '../candidates/labels'
import { advanceTarget } from './advance'
import { fiveScale, KIND_LABELS, RECOMMENDATION_LABELS } from './labels'

function Row({ label, children }: { label: string; children: ReactNode[] }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      {children}
    </tr>
  )
}

/**
 * The chosen candidates as columns: overall, advisory recommendation, integrity count, each skill,
 * each answer in the order given, and the advance action. Questions can differ between candidates
 * (an adaptive interview picks them), so each cell names the question it scores.
 */
export function CompareTable({
  candidates,
  busy,
  onAdvance,
}: {
  candidates: ComparedCandidate[]
  /** The application being moved, whose button waits. */
  busy: string | null
  onAdvance: (candidate: ComparedCandidate, to: PipelineStatus) => void
}) {
  const skills = [...new Set(candidates.flatMap((c) => c.skills.map((s) => s.skill)))]
  const turns = Math.max(0, ...candidates.map((c) => c.questions.length))
  const cells = (render: (c: ComparedCandidate) => ReactNode) =>
    candidates.map((c) => <td key={c.candidateId}>{render(c)}</td>)

  return (
    <table className="compare-table" data-testid="compare-table">
      <caption className="visually-hidden">Chosen candidates side by side</caption>
      <thead>
        <tr>
          <td />
          {candidates.map((c) => (
            <th key={c.candidateId} scope="col" data-testid="compare-column">
              {c.candidateName}
              <br />
              <Link to={`/reports/${c.sessionId}`}>Assessment report</Link>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <Row label="Pipeline status">{cells((c) => PIPELINE_LABELS[c.pipelineStatus])}</Row>
        <Row label="Overall (0–100)">
          {cells((c) => (
            <strong>{c.overallScore}</strong>
          ))}
        </Row>
        <Row label="Recommendation (advisory)">
          {cells((c) => (c.recommendation ? RECOMMENDATION_LABELS[c.recommendation] : 'None (offline estimate)'))}
        </Row>
        <Row label="Integrity signals">
          {cells((c) => (c.integrityCount === 0 ? 'None' : `${c.integrityCount} to review`))}
        </Row>
        <Row label="Assessment">{cells((c) => KIND_LABELS[c.assessmentKind])}</Row>
        {skills.map((skill) => (
          <Row key={skill} label={`Skill: ${skill} (1–5)`}>
            {cells((c) => fiveScale(c.skills.find((s) => s.skill === skill)?.score ?? null))}
          </Row>
        ))}
        {Array.from({ length: turns }, (_, i) => (
          <Row key={i} label={`Answer ${i + 1} (1–5)`}>
            {cells((c) => {
              const q = c.questions[i]
              if (!q) return '—'
              return (
                <>
                  <strong>{q.skipped ? 'Skipped' : fiveScale(q.score)}</strong>{' '}
                  <span className="muted">
                    {q.isFollowUp ? 'Follow-up · ' : ''}
                    {q.skill}: {q.questionText}
                  </span>
                </>
              )
            })}
          </Row>
        ))}
        <Row label="Choose">
          {cells((c) => {
            const to = advanceTarget(c.pipelineStatus)
            if (!to) return <span className="muted">No step forward from {PIPELINE_LABELS[c.pipelineStatus]}</span>
            return (
              <button type="button" disabled={busy === c.applicationId} onClick={() => onAdvance(c, to)}>
                Advance to {PIPELINE_LABELS[to]}
              </button>
            )
          })}
        </Row>
      </tbody>
    </table>
  )
}
