import { useState, type FormEvent } from 'react'
import {
  WEBHOOK_EVENT_TYPES,
  type WebhookDeliveryView,
  type WebhookEventType,
  type WebhookSecretView,
} from '../../../../shared/contract/webhooks'
import { call, describeError } from '../../api/client'
import { useRequest } from '../../api/useRequest'
import { ErrorText } from '../../components/ErrorText'

/** The secret of the endpoint just created or rotated: the only time the renderer ever holds it. */
function SecretOnce({ shown, onDone }: { shown: WebhookSecretView; onDone: () => void }) {
  return (
    <div className="field" role="status">
      <p>
        Signing secret for {shown.endpoint.url}. Copy it into your ATS now: it is not shown again.
        {shown.endpoint.previousSecretUntil &&
          ` Deliveries are also signed with the previous secret until ${new Date(shown.endpoint.previousSecretUntil).toLocaleString()}.`}
      </p>
      <code data-testid="webhook-secret">{shown.secret}</code>
      <button type="button" onClick={onDone}>
        I have copied it
      </button>
    </div>
  )
}

function NewEndpointForm({ onCreated }: { onCreated: (shown: WebhookSecretView) => void }) {
  const [url, setUrl] = useState('')
  const [events, setEvents] = useState<WebhookEventType[]>([...WEBHOOK_EVENT_TYPES])
  const [error, setError] = useState<string | null>(null)
  const toggle = (type: WebhookEventType) =>
    setEvents((now) => (now.includes(type) ? now.filter((t) => t !== type) : [...now, type]))
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    try {
      onCreated(await call('webhooks.create', { url, events }))
      setUrl('')
      setError(null)
    } catch (e) {
      setError(describeError(e))
    }
  }
  return (
    <form className="field" onSubmit={submit}>
      <label htmlFor="webhook-url">Endpoint URL (https; http only to 127.0.0.1 or localhost)</label>
      <div className="row">
        <input id="webhook-url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} />
        <button type="submit" disabled={!url || !events.length}>
          Add endpoint
        </button>
      </div>
      <div className="row">
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <label key={type}>
            <input type="checkbox" checked={events.includes(type)} onChange={() => toggle(type)} /> {type}
          </label>
        ))}
      </div>
      <ErrorText error={error} />
    </form>
  )
}

function lastAttempt(delivery: WebhookDeliveryView): string {
  const last = delivery.attempts.at(-1)
  if (!last) return 'not tried yet'
  const answer = last.statusCode ? `HTTP ${last.statusCode}` : (last.error ?? 'no answer')
  return `attempt ${last.attempt}, ${new Date(last.at).toLocaleString()}: ${answer}${last.statusCode && last.error ? ` (${last.error})` : ''}`
}

function DeliveryLog({ version }: { version: number }) {
  const { data, error, reload } = useRequest('webhooks.deliveries', { limit: 50 }, { deps: [version] })
  const [actionError, setActionError] = useState<string | null>(null)
  const retry = async (id: string) => {
    try {
      await call('webhooks.retry', { id })
      setActionError(null)
      reload()
    } catch (e) {
      setActionError(describeError(e))
    }
  }
  return (
    <div className="field">
      <div className="row">
        <strong>Recent deliveries</strong>
        <button type="button" onClick={reload}>
          Refresh
        </button>
      </div>
      <ErrorText error={error ?? actionError} />
      {data && !data.length && <p className="muted">Nothing sent yet.</p>}
      <ul data-testid="webhook-deliveries">
        {data?.map((d) => (
          <li key={d.id}>
            {d.eventType} → {d.url}: <strong>{d.status}</strong> ({lastAttempt(d)})
            {d.status === 'failed' && (
              <button type="button" onClick={() => void retry(d.id)}>
                Retry now
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}

/**
 * Settings → ATS webhooks: endpoints with the events they receive, a secret shown once at creation
 * and rotation, and the delivery log with "Retry now" for deliveries the queue gave up on.
 */
export function WebhooksSection() {
  const { data: endpoints, error, reload } = useRequest('webhooks.list', {})
  const [shown, setShown] = useState<WebhookSecretView | null>(null)
  const [actionError, setActionError] = useState<string | null>(null)
  const [version, setVersion] = useState(0)
  /** Runs an action; one that answers with a secret (create, rotate) shows it once. */
  const act = async (action: () => Promise<WebhookSecretView | null>) => {
    try {
      const result = await action()
      if (result) setShown(result)
      setActionError(null)
      reload()
      setVersion((v) => v + 1)
    } catch (e) {
      setActionError(describeError(e))
    }
  }
  const remove = (id: string) =>
    act(async () => {
      await call('webhooks.delete', { id })
      return null
    })
  return (
    <fieldset>
      <legend>ATS webhooks</legend>
      <p className="muted">
        Signed per the Standard Webhooks spec. Each event keeps one webhook-id on every attempt; failed deliveries are
        retried with growing delays for at least twelve hours.
      </p>
      <ErrorText error={error ?? actionError} />
      {shown && <SecretOnce shown={shown} onDone={() => setShown(null)} />}
      <ul data-testid="webhook-endpoints">
        {endpoints?.map((endpoint) => (
          <li key={endpoint.id}>
            {endpoint.url} — {endpoint.events.join(', ')}
            <button type="button" onClick={() => void act(() => call('webhooks.rotateSecret', { id: endpoint.id }))}>
              Rotate secret
            </button>
            <button type="button" onClick={() => void remove(endpoint.id)}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <NewEndpointForm onCreated={(created) => void act(async () => created)} />
      <DeliveryLog version={version} />
    </fieldset>
  )
}
