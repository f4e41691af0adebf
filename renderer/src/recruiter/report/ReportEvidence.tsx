import type { AssessmentView, ClaimView } from '../../../../shared/contract/interviews'
import { Quotes, Unsupported } from './Quotes'

const DIMENSION_LABELS: Record<string, string> = {
  relevance: 'Relevance',
  completeness: 'Completeness',
  clarity: 'Clarity',
  depth: 'Depth',
  heuristic: 'Heuristic estimate',
}

function Claims({ title, claims }: { title: string; claims: ClaimView[] }) {
  return (
    <>
      <h3>{title}</h3>
      {claims.length === 0 ? (
        <p className="muted">None given.</p>
      ) : (
        <ul>
          {claims.map((c, i) => (
            <li key={i}>
              {c.text}
              <Unsupported supported={c.supported} />
              <Quotes quotes={c.quotes} />
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

/** The scores and what backs them: skills, each answer's dimensions, strengths, weaknesses, next steps. */
export function ReportEvidence({ assessment }: { assessment: AssessmentView }) {
  return (
    <>
      <h2>Skills</h2>
      {assessment.skills.length === 0 ? (
        <p className="muted">No skill scores (an offline estimate scores answers only).</p>
      ) : (
        <ul>
          {assessment.skills.map((s) => (
            <li key={s.skill}>
              <strong>
                {s.skill}: {s.score}/5
              </strong>{' '}
              — {s.reason}
              <Unsupported supported={s.supported} />
              <Quotes quotes={s.quotes} />
            </li>
          ))}
        </ul>
      )}

      <h2>Answers</h2>
      {assessment.answers.map((a) => (
        <article key={a.answerId} className="report-answer">
          <h3>
            {a.turnIndex + 1}. {a.isFollowUp ? 'Follow-up: ' : ''}
            {a.questionText} <span className="muted">({a.skill})</span>
          </h3>
          {a.skipped && <p>Skipped by the candidate.</p>}
          <ul>
            {a.scores.map((s) => (
              <li key={s.dimension}>
                <strong>
                  {DIMENSION_LABELS[s.dimension]}: {s.score}/5
                </strong>{' '}
                — {s.reason}
                <Unsupported supported={s.supported} />
                {s.droppedQuotes > 0 && (
                  <span className="muted"> · {s.droppedQuotes} quote(s) not found in the transcript, dropped</span>
                )}
                <Quotes quotes={s.quotes} />
              </li>
            ))}
          </ul>
        </article>
      ))}

      <h2>Summary</h2>
      <Claims title="Strengths" claims={assessment.strengths} />
      <Claims title="Weaknesses" claims={assessment.weaknesses} />
      <h3>Next steps for the recruiter</h3>
      {assessment.nextSteps.length === 0 ? (
        <p className="muted">None given.</p>
      ) : (
        <ul>
          {assessment.nextSteps.map((step, i) => (
            <li key={i}>{step}</li>
          ))}
        </ul>
      )}
    </>
  )
}
