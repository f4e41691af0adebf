import { useState } from 'react'
import type { FeedbackView } from '../../../../shared/contract/feedback'
import { call, describeError } from '../../api/client'
import { ErrorText } from '../../components/ErrorText'

/** The recruiter's review of one draft: edit the address, subject and text, then approve, save or discard. */
export function FeedbackDraftEditor({
  draft,
  onChanged,
}: {
  draft: FeedbackView
  onChanged: (f: FeedbackView) => void
}) {
  const [to, setTo] = useState(draft.to ?? '')
  const [subject, setSubject] = useState(draft.subject)
  const [body, setBody] = useState(draft.body)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const act = async (action: () => Promise<FeedbackView>) => {
    setBusy(true)
    try {
      onChanged(await action())
      setError(null)
    } catch (e) {
      setError(describeError(e))
    } finally {
      setBusy(false)
    }
  }
  const id = `feedback-${draft.id}`
  const needs = !to ? 'Add the candidate’s email address to send it.' : null
  return (
    <div className="feedback-editor">
      <div className="field">
        <label htmlFor={`${id}-to`}>To</label>
        <input id={`${id}-to`} type="email" value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-subject`}>Subject</label>
        <input id={`${id}-subject`} value={subject} onChange={(e) => setSubject(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-body`}>Feedback</label>
        <textarea id={`${id}-body`} rows={12} value={body} onChange={(e) => setBody(e.target.value)} />
      </div>
      <div className="row">
        <button
          type="button"
          disabled={busy || Boolean(needs)}
          aria-describedby={needs ? `${id}-needs` : undefined}
          onClick={() => void act(() => call('feedback.approve', { id: draft.id, subject, body, to }))}
        >
          Approve and send
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void act(() => call('feedback.update', { id: draft.id, subject, body, to: to || null }))}
        >
          Save edits
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void act(() => call('feedback.discard', { id: draft.id }))}
        >
          Discard
        </button>
      </div>
      {needs && (
        <span id={`${id}-needs`} className="muted">
          {needs}
        </span>
      )}
      <ErrorText error={error} />
    </div>
  )
}
