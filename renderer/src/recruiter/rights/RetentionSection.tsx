import { useState, type FormEvent } from 'react'
import type { RetentionPolicy } from '../../../../shared/contract/rights'
import { call, describeError } from '../../api/client'
import { useRequest } from '../../api/useRequest'
import { ErrorText } from '../../components/ErrorText'

const date = (at: number) => new Date(at).toLocaleDateString()

/** An empty field turns that part of the policy off. */
const daysOrNull = (text: string) => (text.trim() === '' ? null : Number(text))

/** The policy's two fields, starting from the saved policy (remounted when it changes). */
function PolicyForm({ saved, onSaved }: { saved: RetentionPolicy; onSaved(policy: RetentionPolicy): void }) {
  const [candidateDays, setCandidateDays] = useState(saved.candidateDays?.toString() ?? '')
  const [recordingDays, setRecordingDays] = useState(saved.recordingDays?.toString() ?? '')
  const [error, setError] = useState<string | null>(null)
  const save = async (event: FormEvent) => {
    event.preventDefault()
    try {
      const next: RetentionPolicy = {
        candidateDays: daysOrNull(candidateDays),
        recordingDays: daysOrNull(recordingDays),
      }
      onSaved(await call('rights.setRetention', next))
      setError(null)
    } catch (e) {
      setError(describeError(e))
    }
  }
  return (
    <form onSubmit={save}>
      <div className="field">
        <label htmlFor="retention-candidates">Delete candidates with no activity for (days)</label>
        <input
          id="retention-candidates"
          type="number"
          min={1}
          max={3650}
          placeholder="Off"
          value={candidateDays}
          onChange={(e) => setCandidateDays(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="retention-recordings">Delete interview recordings after (days)</label>
        <input
          id="retention-recordings"
          type="number"
          min={1}
          max={3650}
          placeholder="Off"
          value={recordingDays}
          onChange={(e) => setRecordingDays(e.target.value)}
        />
      </div>
      <button type="submit">Save policy</button>
      <ErrorText error={error} />
    </form>
  )
}

/**
 * Settings → Data retention: the workspace's policy and what the next run would remove, listed by
 * the same plan the daily run applies. Nothing is deleted until a policy is saved.
 */
export function RetentionSection() {
  const policy = useRequest('rights.retention', {})
  const preview = useRequest('rights.retentionPreview', {})
  const [error, setError] = useState<string | null>(null)
  const [queued, setQueued] = useState(false)

  const runNow = async () => {
    try {
      await call('rights.runRetention', {})
      setQueued(true)
    } catch (e) {
      setError(describeError(e))
    }
  }

  const next = preview.data
  return (
    <fieldset>
      <legend>Data retention</legend>
      {policy.data && (
        <PolicyForm
          key={JSON.stringify(policy.data)}
          saved={policy.data}
          onSaved={(saved) => {
            policy.setData(saved)
            preview.reload()
          }}
        />
      )}
      <ErrorText error={error ?? policy.error ?? preview.error} />
      {next && (
        <div data-testid="retention-preview">
          {next.policy.candidateDays === null && next.policy.recordingDays === null ? (
            <p className="muted">No policy is set: nothing is deleted automatically.</p>
          ) : (
            <p>
              The policy runs once a day. Run now, it would delete {next.candidates.length} candidates and{' '}
              {next.recordings.length} recordings:
            </p>
          )}
          <ul>
            {next.candidates.map((c) => (
              <li key={c.id}>
                {c.name} <span className="muted">(last activity {date(c.lastActivityAt)})</span>
              </li>
            ))}
            {next.recordings.map((r) => (
              <li key={r.id}>
                Recording <code>{r.path}</code> <span className="muted">(made {date(r.startedAt)})</span>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="secondary"
            disabled={next.candidates.length + next.recordings.length === 0}
            onClick={runNow}
          >
            Run the policy now
          </button>
          {queued && <p role="status">Queued: the queue panel shows its progress.</p>}
        </div>
      )}
    </fieldset>
  )
}
