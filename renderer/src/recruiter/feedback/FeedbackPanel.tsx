import { useEffect, useState } from 'react'
import type { FeedbackOption, FeedbackView } from '../../../../shared/contract/feedback'
import { call, describeError } from '../../api/client'
import { useRequest } from '../../api/useRequest'
import { ErrorText } from '../../components/ErrorText'
import { FeedbackDraftEditor } from './FeedbackDraftEditor'
import { feedbackStatusWords } from './labels'
import '../mail/mail.css'

function DraftItem({ draft, onChanged }: { draft: FeedbackView; onChanged: () => void }) {
  const [error, setError] = useState<string | null>(null)
  const retry = async () => {
    try {
      await call('mail.retry', { id: draft.deliveryId! })
      setError(null)
      onChanged()
    } catch (e) {
      setError(describeError(e))
    }
  }
  return (
    <li className="feedback-draft">
      <p>
        <strong>{draft.basis === 'screening' ? 'After screening' : 'After the interview'}</strong> for {draft.jobTitle}
        {' · '}
        {draft.source === 'ai' ? 'AI draft' : 'Template draft'}
      </p>
      <p role="status" data-testid="feedback-status">
        {feedbackStatusWords(draft)}
      </p>
      {draft.sourceNote && <p className="muted">{draft.sourceNote}</p>}
      {draft.heldReason && <p className="error-text">{draft.heldReason}</p>}
      {draft.status === 'draft' ? (
        <FeedbackDraftEditor draft={draft} onChanged={onChanged} />
      ) : (
        <details>
          <summary>The text{draft.status === 'discarded' ? '' : ' as sent'}</summary>
          <p>
            <strong>{draft.subject}</strong>
          </p>
          <pre className="email-preview">{draft.body}</pre>
        </details>
      )}
      {draft.status === 'failed' && draft.deliveryId && (
        <button type="button" onClick={() => void retry()}>
          Retry now
        </button>
      )}
      <ErrorText error={error} />
    </li>
  )
}

/**
 * Feedback to the candidate on their page: draft it after a rejection at screening or an assessed
 * interview, review and send it, and see where each one stands.
 */
export function FeedbackPanel({ candidateId }: { candidateId: string }) {
  const { data, error, reload } = useRequest('feedback.forCandidate', { candidateId })
  const [busy, setBusy] = useState<string | null>(null)
  const [draftError, setDraftError] = useState<string | null>(null)
  const sending = data?.drafts.some((d) => d.status === 'sending') ?? false
  // An approved draft is in the mail queue: follow it until the server accepts or refuses it.
  useEffect(() => {
    if (!sending) return
    const timer = setInterval(reload, 1000)
    return () => clearInterval(timer)
  }, [sending, reload])
  const draft = async (option: FeedbackOption) => {
    setBusy(option.label)
    try {
      await call('feedback.draft', {
        candidateId,
        applicationId: option.applicationId,
        sessionId: option.sessionId,
      })
      setDraftError(null)
      reload()
    } catch (e) {
      setDraftError(describeError(e))
    } finally {
      setBusy(null)
    }
  }
  if (!data) return <ErrorText error={error} />
  // One feedback per screening or interview: an option with a draft not discarded is already handled.
  const open = data.options.filter(
    (o) =>
      !data.drafts.some(
        (d) =>
          d.status !== 'discarded' &&
          (o.sessionId ? d.sessionId === o.sessionId : d.applicationId === o.applicationId && !d.sessionId),
      ),
  )
  return (
    <section aria-labelledby="feedback-title" className="candidate-feedback">
      <h2 id="feedback-title">Feedback to the candidate</h2>
      {data.options.length === 0 && data.drafts.length === 0 && (
        <p className="muted">
          Feedback can be drafted once an application is rejected after screening, or an interview has been assessed.
        </p>
      )}
      {open.length > 0 && (
        <ul className="feedback-options">
          {open.map((option) => (
            <li key={option.label}>
              {option.label}{' '}
              <button
                type="button"
                className="secondary"
                disabled={busy !== null}
                onClick={() => void draft(option)}
                aria-label={`Draft feedback: ${option.label}`}
              >
                {busy === option.label ? 'Drafting…' : 'Draft feedback'}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorText error={draftError ?? error} />
      {data.drafts.length > 0 && (
        <ul className="feedback-drafts" data-testid="feedback-drafts">
          {data.drafts.map((d) => (
            <DraftItem key={`${d.id}:${d.updatedAt}:${d.status}`} draft={d} onChanged={reload} />
          ))}
        </ul>
      )}
    </section>
  )
}
