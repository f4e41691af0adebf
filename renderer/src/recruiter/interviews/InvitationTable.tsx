import { useState } from 'react'
import type { InvitationView } from '../../../../shared/contract/interviews'
import { call, describeError } from '../../api/client'
import { EmptyState } from '../../components/EmptyState'
import { formatTime, INVITATION_STATUS_LABELS } from './labels'
import { ErrorText } from '../../components/ErrorText'

/** Invitations with their kiosk codes; a pending one can be cancelled, a code copied. */
export function InvitationTable(props: {
  invitations: InvitationView[]
  showTemplate: boolean
  onChanged(invitation: InvitationView): void
}) {
  const [error, setError] = useState<string | null>(null)
  const [copied, setCopied] = useState<string | null>(null)

  const cancel = async (invitation: InvitationView) => {
    if (!window.confirm(`Cancel the code for ${invitation.candidateName}? It will stop working at the kiosk.`)) return
    try {
      props.onChanged(await call('invitations.cancel', { id: invitation.id }))
    } catch (e) {
      setError(describeError(e))
    }
  }

  const copy = async (code: string) => {
    try {
      await navigator.clipboard.writeText(code)
      setCopied(code)
    } catch {
      setError('The code could not be copied; select it and copy it by hand.')
    }
  }

  if (props.invitations.length === 0) return <EmptyState title="No invitations yet" />
  return (
    <>
      <ErrorText error={error} />
      <p className="visually-hidden" aria-live="polite">
        {copied ? `Code ${copied} copied` : ''}
      </p>
      <table data-testid="invitation-table">
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Candidate</th>
            {props.showTemplate && <th scope="col">Template</th>}
            <th scope="col">Status</th>
            <th scope="col">Scheduled</th>
            <th scope="col">Expires</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.invitations.map((inv) => (
            <tr key={inv.id}>
              <td>
                {inv.code ? (
                  <span className="kiosk-code">{inv.code}</span>
                ) : (
                  <span className="muted">Issued on another machine</span>
                )}
              </td>
              <td>{inv.candidateName}</td>
              {props.showTemplate && <td>{inv.templateName}</td>}
              <td>
                <span className="status">{INVITATION_STATUS_LABELS[inv.status]}</span>
              </td>
              <td>{formatTime(inv.scheduledAt)}</td>
              <td>{formatTime(inv.expiresAt)}</td>
              <td>
                <div className="row">
                  {inv.code && inv.status === 'pending' && (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => void copy(inv.code!)}
                      aria-label={`Copy code for ${inv.candidateName}`}
                    >
                      Copy
                    </button>
                  )}
                  {inv.status === 'pending' && (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => void cancel(inv)}
                      aria-label={`Cancel code for ${inv.candidateName}`}
                    >
                      Cancel
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
