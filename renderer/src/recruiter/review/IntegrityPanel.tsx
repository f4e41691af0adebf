import type { IntegritySignalView } from '../../../../shared/contract/interviews'
import { INTEGRITY_LABELS, SEVERITY_LABELS } from './labels'

/** Behavioural facts for the recruiter to weigh; no score uses them and none rejects anyone. */
export function IntegrityPanel({ signals }: { signals: IntegritySignalView[] }) {
  return (
    <section aria-labelledby="integrity-title" className="review-panel">
      <h2 id="integrity-title">Integrity signals — for you to judge</h2>
      <p className="muted">
        What happened during the interview, with the figures to check against the recording. They are not part of any
        score and never reject a candidate on their own.
      </p>
      {signals.length === 0 ? (
        <p>None observed.</p>
      ) : (
        <ul className="integrity-list">
          {signals.map((s, i) => (
            <li key={i}>
              <span className={`severity severity-${s.severity}`}>{SEVERITY_LABELS[s.severity]}</span>{' '}
              <strong>{INTEGRITY_LABELS[s.kind]}</strong>
              {s.turnIndex !== null ? ` (answer ${s.turnIndex + 1})` : ''}: {s.evidence}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
