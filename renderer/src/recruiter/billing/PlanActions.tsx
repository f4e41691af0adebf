import { useState } from 'react'
import { PLAN_NAMES, type Entitlement, type PaymentProvider } from '../../../../shared/contract/billing'
import { call } from '../../api/client'
import { ErrorText } from '../../components/ErrorText'
import { describeSyncError } from '../workspace/sync-errors'
import { PROVIDER_TEXT, upgradesFrom } from './billing-text'

/**
 * The provider's page opens outside the app: on the desktop the window's link guard hands it to
 * the system browser (the hosts are allowed in external-links.ts); in the web host, a new tab.
 */
function openOutside(url: string) {
  window.open(url, '_blank', 'noopener')
}

/** Admins: upgrade through Stripe or Razorpay, and manage the subscription and invoices. */
export function PlanActions({ entitlement, onOpened }: { entitlement: Entitlement; onOpened(note: string): void }) {
  const [provider, setProvider] = useState<PaymentProvider>(entitlement.provider ?? 'stripe')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const upgrades = upgradesFrom(entitlement.plan)

  const run = async (work: () => Promise<{ url: string }>, note: string) => {
    setBusy(true)
    setError(null)
    try {
      const { url } = await work()
      openOutside(url)
      onOpened(note)
    } catch (e) {
      setError(describeSyncError(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="plan-actions-title" className="billing-card">
      <h2 id="plan-actions-title">Change plan</h2>
      {upgrades.length > 0 ? (
        <>
          <fieldset>
            <legend>Pay with</legend>
            {(['stripe', 'razorpay'] as const).map((p) => (
              <label key={p} className="billing-provider">
                <input
                  type="radio"
                  name="billing-provider"
                  value={p}
                  checked={provider === p}
                  onChange={() => setProvider(p)}
                />{' '}
                {PROVIDER_TEXT[p]}
              </label>
            ))}
          </fieldset>
          <div className="row">
            {upgrades.map((plan) => (
              <button
                key={plan}
                type="button"
                disabled={busy}
                onClick={() =>
                  void run(
                    () => call('billing.checkout', { plan, provider }),
                    `The ${PLAN_NAMES[plan]} checkout opened in your browser. Once the payment goes through, the plan here changes with the next sync (or press Check now).`,
                  )
                }
              >
                Upgrade to {PLAN_NAMES[plan]}
              </button>
            ))}
          </div>
        </>
      ) : (
        <p>This workspace is on the largest plan.</p>
      )}
      {entitlement.provider && (
        <p>
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() =>
              void run(
                () => call('billing.portal', {}),
                'The billing page opened in your browser: change or cancel the plan and download invoices there.',
              )
            }
          >
            Manage billing and invoices
          </button>
        </p>
      )}
      <ErrorText error={error} />
    </section>
  )
}
