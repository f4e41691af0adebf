import { Fragment, useState } from 'react'
import type { InvitationView } from '../../../../shared/contract/interviews'
import { call, describeError } from '../../api/client'
import { EmptyState } from '../../components/EmptyState'
import { formatTime, formatWindow, INVITATION_KIND_LABELS, INVITATION_STATUS_LABELS } from './labels'
import { ErrorText } from '../../components/ErrorText'
import { RescheduleForm } from './RescheduleForm'

/** What can still be moved: a pending code, or an expired one no interview ever started with. */
const canReschedule = (inv: InvitationView) =>
  inv.status === 'pending' || (inv.status === 'expired' && inv.sessionId === null)

const CHANGE_LABELS: Record<InvitationView['history'][number]['change'], string> = {
  created: 'Invited',
  rescheduled: 'Rescheduled',
  cancelled: 'Cancelled',
}

/**
 * Invitations with their kiosk codes, type, place and window; a pending one can be rescheduled
 * (same code) or cancelled, a code copied, and every schedule it has had read back.
 */
export function InvitationTable(props: {
  invitations: InvitationView[]
  showTemplate: boolean
  onChanged(invitation: InvitationView): void
}) {
  const [error, setError] = useState<string | null>(null)
  const [copied, setCopied] = useState<string | null>(null)
  const [rescheduling, setRescheduling] = useState<string | null>(null)

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
            <th scope="col">Type</th>
            <th scope="col">Place or link</th>
            <th scope="col">Status</th>
            <th scope="col">Window</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.invitations.map((inv) => (
            <Fragment key={inv.id}>
              <tr data-invitation-id={inv.id}>
                <td>
                  {inv.code ? (
                    <span className="kiosk-code">{inv.code}</span>
                  ) : (
                    <span className="muted">Issued on another machine</span>
                  )}
                </td>
                <td>{inv.candidateName}</td>
                {props.showTemplate && <td>{inv.templateName}</td>}
                <td>{INVITATION_KIND_LABELS[inv.kind]}</td>
                <td className="invitation-place">{inv.location ?? '—'}</td>
                <td>
                  <span className="status">{INVITATION_STATUS_LABELS[inv.status]}</span>
                </td>
                <td>
                  {formatWindow(inv.scheduledAt, inv.expiresAt)}
                  {inv.history.length > 1 && (
                    <details>
                      <summary>History ({inv.history.length})</summary>
                      <ol className="history">
                        {inv.history.map((h) => (
                          <li key={`${h.change}-${h.at}`}>
                            {CHANGE_LABELS[h.change]} {formatTime(h.at)}: {formatWindow(h.scheduledAt, h.expiresAt)}
                            {h.location ? `, ${h.location}` : ''}
                          </li>
                        ))}
                      </ol>
                    </details>
                  )}
                </td>
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
                    {canReschedule(inv) && (
                      <button
                        type="button"
                        className="secondary"
                        aria-expanded={rescheduling === inv.id}
                        onClick={() => setRescheduling(rescheduling === inv.id ? null : inv.id)}
                        aria-label={`Reschedule the interview of ${inv.candidateName}`}
                      >
                        Reschedule
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
              {rescheduling === inv.id && (
                <tr>
                  <td colSpan={props.showTemplate ? 8 : 7}>
                    <RescheduleForm
                      invitation={inv}
                      onClose={() => setRescheduling(null)}
                      onDone={(changed) => {
                        setRescheduling(null)
                        props.onChanged(changed)
                      }}
                    />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </>
  )
}
