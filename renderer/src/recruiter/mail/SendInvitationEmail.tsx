import { useState, type FormEvent } from 'react'
import { emailAddressSchema, type MailDeliveryView } from '../../../../shared/contract/mail'
import { call, describeError } from '../../api/client'
import { useRequest } from '../../api/useRequest'
import { ErrorText } from '../../components/ErrorText'
import { deliveryWords } from './delivery-words'
import { useSettledDelivery } from './useSettledDelivery'
import './mail.css'

/**
 * "Send by email" for an invitation just made: the candidate's address (from their resume, editable),
 * the message they will get, and the outcome in words. When email cannot be sent the button stays
 * and says what it needs.
 */
export function SendInvitationEmail({ invitationId }: { invitationId: string }) {
  const { data: preview, error } = useRequest('mail.invitationPreview', { invitationId })
  const [to, setTo] = useState<string | null>(null)
  const [queued, setQueued] = useState<MailDeliveryView | null>(null)
  const [sendError, setSendError] = useState<string | null>(null)
  const { delivery } = useSettledDelivery(queued)
  if (error) return <ErrorText error={error} />
  if (!preview) return <p className="muted">Preparing the email…</p>
  const address = to ?? preview.to ?? ''
  const badAddress = address && !emailAddressSchema.safeParse(address).success
  const needs =
    preview.needs ??
    (!address ? 'Enter the candidate’s email address.' : badAddress ? 'Enter a valid email address.' : null)
  const send = async (event: FormEvent) => {
    event.preventDefault()
    try {
      setQueued(await call('mail.sendInvitation', { invitationId, to: address }))
      setSendError(null)
    } catch (e) {
      setSendError(describeError(e))
    }
  }
  return (
    <form className="field" onSubmit={send} aria-label="Send the invitation by email">
      <label htmlFor="invite-email-to">Candidate’s email</label>
      <div className="row">
        <input
          id="invite-email-to"
          type="email"
          value={address}
          disabled={Boolean(queued)}
          aria-describedby="invite-email-needs"
          onChange={(e) => setTo(e.target.value)}
        />
        <button type="submit" disabled={Boolean(needs) || Boolean(queued)}>
          Send by email
        </button>
      </div>
      <span id="invite-email-needs" className="muted">
        {needs ?? 'They get the code, the time window, what to expect and how to start.'}
      </span>
      <details>
        <summary>What the candidate will read</summary>
        <p>
          <strong>{preview.subject}</strong>
        </p>
        <pre className="email-preview">{preview.text}</pre>
      </details>
      {delivery && (
        <p role="status" data-testid="invite-email-result">
          {deliveryWords(delivery)}
        </p>
      )}
      <ErrorText error={sendError} />
    </form>
  )
}
