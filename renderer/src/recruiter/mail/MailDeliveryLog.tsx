import { useState } from 'react'
import { call, describeError } from '../../api/client'
import { useRequest } from '../../api/useRequest'
import { ErrorText } from '../../components/ErrorText'
import { deliveryWords } from './delivery-words'
import { TableHead } from '../../components/TableHead'

const KIND_LABELS = { invitation: 'Invitation', feedback: 'Feedback', test: 'Test' } as const

/** The emails sent from this computer, newest first, with "Retry now" for one the queue gave up on. */
export function MailDeliveryLog({ version }: { version: number }) {
  const { data, error, reload } = useRequest('mail.deliveries', { limit: 50 }, { deps: [version] })
  const [actionError, setActionError] = useState<string | null>(null)
  const retry = async (id: string) => {
    try {
      await call('mail.retry', { id })
      setActionError(null)
      reload()
    } catch (e) {
      setActionError(describeError(e))
    }
  }
  return (
    <div className="field">
      <div className="row">
        <strong id="mail-log-title">Sent email</strong>
        <button type="button" className="secondary" onClick={reload}>
          Refresh
        </button>
      </div>
      <ErrorText error={error ?? actionError} />
      {data && !data.length && <p className="muted">Nothing sent yet.</p>}
      {data && data.length > 0 && (
        <table aria-labelledby="mail-log-title" data-testid="mail-deliveries">
          <TableHead columns={['Kind', 'To', 'Subject', 'Status', 'Attempts']} actions="Actions" />
          <tbody>
            {data.map((d) => (
              <tr key={d.id}>
                <td>{KIND_LABELS[d.kind]}</td>
                <td>{d.to}</td>
                <td>{d.subject}</td>
                <td>{deliveryWords(d)}</td>
                <td>{d.attempts}</td>
                <td>
                  {d.status === 'failed' && (
                    <button
                      type="button"
                      onClick={() => void retry(d.id)}
                      aria-label={`Retry now: ${d.subject} to ${d.to}`}
                    >
                      Retry now
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
