import { useCallback, useEffect, useState } from 'react'
import type { BillingView } from '../../../../shared/contract/billing'
import { call, describeError, on } from '../../api/client'

export interface Billing {
  view: BillingView | null
  error: string | null
  checking: boolean
  /** Reads the plan from the workspace now (opening the page, Check now). */
  check(): Promise<void>
}

/** The plan, read from the workspace when the page opens and kept current by `billing.changed`. */
export function useBilling(): Billing {
  const [view, setView] = useState<BillingView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [checking, setChecking] = useState(false)
  const check = useCallback(async () => {
    setChecking(true)
    try {
      setView(await call('billing.view', { refresh: true }))
      setError(null)
    } catch (e) {
      setError(describeError(e))
    } finally {
      setChecking(false)
    }
  }, [])
  useEffect(() => {
    let current = true
    const off = on('billing.changed', (next) => current && setView(next))
    call('billing.view', { refresh: true }).then(
      (first) => current && setView(first),
      (e: unknown) => current && setError(describeError(e)),
    )
    return () => {
      current = false
      off()
    }
  }, [])
  return { view, error, checking, check }
}
