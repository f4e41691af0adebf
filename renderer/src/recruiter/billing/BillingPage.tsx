import { useState } from 'react'
import { Link } from 'react-router-dom'
import { PLAN_NAMES, type BillingView } from '../../../../shared/contract/billing'
import { ErrorText } from '../../components/ErrorText'
import { PageLoading } from '../../components/PageLoading'
import { day, GRACE_TEXT, planLine, PROVIDER_TEXT, STATUS_TEXT, UNMETERED_TEXT } from './billing-text'
import { PlanActions } from './PlanActions'
import { UsageBars } from './UsageBars'
import { useBilling } from './useBilling'
import './billing.css'

const TITLE = 'Billing'

type Known = Extract<BillingView, { state: 'known' }>

function Heading() {
  return (
    <h1 id="billing-title" tabIndex={-1}>
      {TITLE}
    </h1>
  )
}

/** What limits AI work here now: the grace running, AI stopped, or the last refusal. */
function Warnings({ view }: { view: Known }) {
  return (
    <>
      {view.aiStopped && (
        <p role="alert" className="billing-alert" data-testid="billing-ai-stopped">
          {view.aiStopped}
        </p>
      )}
      {!view.aiStopped && view.offline && (
        <p role="status" className="billing-note" data-testid="billing-offline">
          {view.offline} Read {day(view.fetchedAt)}; AI work goes on until {day(view.graceEndsAt)} unless this computer
          syncs before.
        </p>
      )}
      {view.lastRefusal && (
        <p className="billing-note" data-testid="billing-last-refusal">
          Not started on {new Date(view.lastRefusal.at).toLocaleString()}: {view.lastRefusal.message}
        </p>
      )}
    </>
  )
}

function Plan({ view, checking, check }: { view: Known; checking: boolean; check(): Promise<void> }) {
  const [opened, setOpened] = useState<string | null>(null)
  const e = view.entitlement
  return (
    <>
      <section aria-labelledby="billing-plan-title" className="billing-card">
        <h2 id="billing-plan-title" data-testid="billing-plan">
          {planLine(e)}
        </h2>
        <dl className="billing-facts">
          <dt>Status</dt>
          <dd>{STATUS_TEXT[e.status]}</dd>
          {e.provider && (
            <>
              <dt>Billed through</dt>
              <dd>{PROVIDER_TEXT[e.provider]}</dd>
            </>
          )}
          <dt>This period</dt>
          <dd>
            {day(e.periodStart)} to {day(e.periodEnd)}
          </dd>
          <dt>Read from the workspace</dt>
          <dd>{new Date(view.fetchedAt).toLocaleString()}</dd>
        </dl>
        <Warnings view={view} />
        <h3>Usage this month</h3>
        <UsageBars entitlement={e} />
        <p className="row">
          <button type="button" className="secondary" disabled={checking} onClick={() => void check()}>
            {checking ? 'Checking…' : 'Check now'}
          </button>
          {opened && (
            <span role="status" className="muted">
              {opened}
            </span>
          )}
        </p>
        <p className="muted">{GRACE_TEXT}</p>
      </section>
      {e.canManage ? (
        <PlanActions entitlement={e} onOpened={setOpened} />
      ) : (
        <p className="billing-card" data-testid="billing-ask-admin">
          Only an admin of the workspace can change the {PLAN_NAMES[e.plan]} plan or see invoices: ask an admin (their
          names are under <Link to="/workspace/members">Members</Link>).
        </p>
      )}
    </>
  )
}

/** The workspace's plan, this month's usage against its limits, and (for admins) upgrading and managing it. */
export function BillingPage() {
  const { view, error, checking, check } = useBilling()
  if (!view) return <PageLoading title={TITLE} error={error} />
  return (
    <section aria-labelledby="billing-title" className="billing-page">
      <Heading />
      <ErrorText error={error} />
      {view.state === 'unmetered' && (
        <p data-testid="billing-unmetered">
          {UNMETERED_TEXT} <Link to="/workspace">Team workspace</Link>
        </p>
      )}
      {view.state === 'unknown' && (
        <>
          <p data-testid="billing-unknown">{view.message}</p>
          <button type="button" disabled={checking} onClick={() => void check()}>
            {checking ? 'Checking…' : 'Check now'}
          </button>
        </>
      )}
      {view.state === 'known' && <Plan view={view} checking={checking} check={check} />}
    </section>
  )
}
