import { useState } from 'react'
import type { Decision, DecisionView, SessionDecisions } from '../../../../shared/contract/interviews'
import { call, describeError } from '../../api/client'
import { ErrorText } from '../../components/ErrorText'
import { PIPELINE_LABELS } from '../candidates/labels'
import { formatTime } from '../interviews/labels'
import { DECISION_LABELS } from './labels'

const DECISIONS: Decision[] = ['advance', 'hold', 'reject']

interface Props {
  sessionId: string
  decisions: SessionDecisions
  onDecided(decision: DecisionView): void
}

/** The human decision: advance, hold or reject with a note; every decision is kept, newest first. */
export function DecisionPanel({ sessionId, decisions, onDecided }: Props) {
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const { pipeline } = decisions

  const decide = async (decision: Decision) => {
    setBusy(true)
    setError(null)
    try {
      const made = await call('assessments.decide', { sessionId, decision, note })
      setNote('')
      setDone(
        made.pipeline
          ? `${DECISION_LABELS[decision]} recorded. The candidate moved to ${PIPELINE_LABELS[made.pipeline.to]}.`
          : `${DECISION_LABELS[decision]} recorded. This interview is not linked to an application for its job, so no pipeline status changed.`,
      )
      onDecided(made)
    } catch (e) {
      setError(`The decision was not recorded: ${describeError(e)}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="decision-title" className="review-panel review-decision">
      <h2 id="decision-title">Your decision</h2>
      <p data-testid="pipeline-status">
        {pipeline ? (
          <>
            Pipeline status: <strong>{PIPELINE_LABELS[pipeline.status]}</strong>
          </>
        ) : (
          'This interview is not linked to an application for its job: a decision is recorded but moves no one.'
        )}
      </p>
      <label>
        Note (optional)
        <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={2000} />
      </label>
      <div className="actions">
        {DECISIONS.map((d) => (
          <button key={d} type="button" disabled={busy} onClick={() => void decide(d)} className={`decide-${d}`}>
            {DECISION_LABELS[d]}
            {pipeline ? ` → ${PIPELINE_LABELS[pipeline.moves[d]]}` : ''}
          </button>
        ))}
      </div>
      <ErrorText error={error} />
      <p role="status" className="muted">
        {done}
      </p>
      {decisions.decisions.length > 0 && (
        <>
          <h3>History</h3>
          <ol className="decision-history" data-testid="decision-history">
            {decisions.decisions.map((d) => (
              <li key={d.id}>
                <strong>{DECISION_LABELS[d.decision]}</strong> by {d.author}, {formatTime(d.createdAt)}
                {d.pipeline
                  ? ` · ${d.pipeline.from ? PIPELINE_LABELS[d.pipeline.from] : '—'} → ${PIPELINE_LABELS[d.pipeline.to]}`
                  : ' · no pipeline move'}
                {d.note && <span>: {d.note}</span>}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  )
}
