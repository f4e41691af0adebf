import { useState } from 'react'
import { call, describeError } from '../../api/client'
import { useRequest } from '../../api/useRequest'
import { ErrorText } from '../../components/ErrorText'

/** The workspace's window for unreviewed feedback: off, or sent automatically after N hours. */
export function FeedbackPolicyField() {
  const { data: policy, error, setData } = useRequest('feedback.policy', {})
  const [hours, setHours] = useState<string | null>(null)
  const [actionError, setActionError] = useState<string | null>(null)
  const shown = hours ?? String(policy?.autoSendHours ?? 4)
  const save = async (autoSendHours: number | null) => {
    try {
      setData(await call('feedback.setPolicy', { autoSendHours }))
      setActionError(null)
    } catch (e) {
      setActionError(describeError(e))
    }
  }
  if (!policy) return <ErrorText error={error} />
  const on = policy.autoSendHours !== null
  const valid = /^\d+$/.test(shown) && Number(shown) >= 1 && Number(shown) <= 336
  return (
    <div className="field">
      <label>
        <input
          type="checkbox"
          checked={on}
          onChange={(e) => void save(e.target.checked ? (valid ? Number(shown) : 4) : null)}
        />{' '}
        Send feedback automatically when nobody has reviewed it
      </label>
      <div className="row">
        <label htmlFor="feedback-hours">after (hours)</label>
        <input
          id="feedback-hours"
          type="number"
          min={1}
          max={336}
          value={shown}
          disabled={!on}
          onChange={(e) => setHours(e.target.value)}
          onBlur={() => valid && on && Number(shown) !== policy.autoSendHours && void save(Number(shown))}
        />
      </div>
      {!valid && <span className="error-text">Between 1 and 336 hours (two weeks)</span>}
      <span className="muted">
        {on
          ? `Unreviewed feedback is sent ${policy.autoSendHours} hours after it was drafted.`
          : 'Feedback is sent only when you approve it.'}
      </span>
      <ErrorText error={actionError} />
    </div>
  )
}
