import type { AssessmentView, IntegritySignalView } from '../../../../shared/contract/interviews'
import { INTEGRITY_LABELS } from '../compare/labels'

const usd = (n: number) => `$${n.toFixed(4)}`

/** What the assessment was made with, so it can be explained and re-run. */
export function ReportVersions({ assessment }: { assessment: AssessmentView }) {
  return (
    <>
      <h2>Versions</h2>
      <dl className="report-facts">
        <dt>Rubric</dt>
        <dd>{assessment.rubricVersion}</dd>
        <dt>Prompt</dt>
        <dd>{assessment.promptVersion ?? 'none (offline estimate)'}</dd>
        <dt>Model</dt>
        <dd>
          {assessment.model ?? 'none (offline estimate)'}
          {assessment.temperature !== null && `, temperature ${assessment.temperature}`}
        </dd>
        <dt>Cost</dt>
        <dd>{usd(assessment.costUsd)}</dd>
      </dl>
      {assessment.passes.length > 0 && (
        <table>
          <caption className="visually-hidden">Passes</caption>
          <thead>
            <tr>
              <th scope="col">Pass</th>
              <th scope="col">Prompt</th>
              <th scope="col">Calls</th>
              <th scope="col">Tokens in / out</th>
              <th scope="col">Cost</th>
            </tr>
          </thead>
          <tbody>
            {assessment.passes.map((p) => (
              <tr key={p.pass}>
                <td>{p.pass.replace('_', ' ')}</td>
                <td>{p.promptVersion}</td>
                <td>{p.calls}</td>
                <td>
                  {p.inputTokens} / {p.outputTokens}
                </td>
                <td>{usd(p.costUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}

/** Behavioural facts for a person to weigh against the recording; the assessment never scores them. */
export function ReportIntegrity({ signals }: { signals: IntegritySignalView[] }) {
  return (
    <>
      <h2>Integrity signals</h2>
      <p className="muted">Shown for a person to review against the recording; never used to score or reject.</p>
      {signals.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul>
          {signals.map((s, i) => (
            <li key={i}>
              <strong>
                {INTEGRITY_LABELS[s.kind]} ({s.severity})
              </strong>
              {s.turnIndex !== null && ` · answer ${s.turnIndex + 1}`} — {s.evidence}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
