import type { AssessmentView, ClaimView, ScoreOverrideView } from '../../../../shared/contract/interviews'
import { formatTime } from '../interviews/labels'
import { formatUsd, RECOMMENDATION_LABELS } from './labels'
import { standingOverride } from './overrides'
import { ScoreCell } from './ScoreCell'

function Claims({ title, claims }: { title: string; claims: ClaimView[] }) {
  return (
    <>
      <h3>{title}</h3>
      {claims.length === 0 ? (
        <p className="muted">None noted.</p>
      ) : (
        <ul>
          {claims.map((c, i) => (
            <li key={i}>
              {c.text}
              {!c.supported && <span className="unsupported"> · no verified quote</span>}
              {c.quotes.map((q, k) => (
                <span key={k} className="muted">
                  {' '}
                  <q>{q.text}</q> ({q.turnIndex === null ? 'resume' : `answer ${q.turnIndex + 1}`})
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

interface Props {
  assessment: AssessmentView
  overrides: ScoreOverrideView[]
  onOverridden(override: ScoreOverrideView): void
}

/** The overall score with its formula, the advisory recommendation, and what the recruiter should do next. */
export function OverallPanel({ assessment: a, overrides, onOverridden }: Props) {
  return (
    <section aria-labelledby="overall-title" className="review-panel">
      <h2 id="overall-title">Overall</h2>
      <div className="overall-score">
        <ScoreCell
          assessmentId={a.id}
          target={{ target: 'overall' }}
          assessed={a.overallScore}
          override={standingOverride(overrides, a.id, null, 'overall')}
          scale="/100"
          label="the overall score"
          onOverridden={onOverridden}
        />
      </div>
      <p className="formula">
        <span className="muted">How it was worked out: </span>
        {a.formula}
      </p>
      {a.recommendation ? (
        <p>
          Recommendation (advisory — you decide): <strong>{RECOMMENDATION_LABELS[a.recommendation]}</strong>
        </p>
      ) : (
        <p className="muted">
          Offline estimate from the heuristic scorer: no recommendation is made on it. The AI assessment runs once a key
          and the network are available.
        </p>
      )}
      <Claims title="Strengths" claims={a.strengths} />
      <Claims title="Weaknesses" claims={a.weaknesses} />
      <h3>Next steps</h3>
      {a.nextSteps.length === 0 ? (
        <p className="muted">None suggested.</p>
      ) : (
        <ul>
          {a.nextSteps.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ul>
      )}
      <p className="muted">
        {a.kind === 'ai' ? 'AI assessment' : 'Offline assessment'} of {formatTime(a.createdAt)} · rubric{' '}
        {a.rubricVersion}
        {a.model ? ` · model ${a.model}` : ''}
        {a.promptVersion ? ` · prompt ${a.promptVersion}` : ''}
        {a.temperature !== null ? ` · temperature ${a.temperature}` : ''} · cost {formatUsd(a.costUsd)}
        {a.passes.length > 0 &&
          ` (${a.passes.map((p) => `${p.pass.replace('_', ' ')}: ${p.inputTokens + p.outputTokens} tokens, ${formatUsd(p.costUsd)}`).join('; ')})`}
      </p>
    </section>
  )
}
