import { useEffect, useState } from 'react'
import type { MailDeliveryView } from '../../../../shared/contract/mail'
import { call, describeError } from '../../api/client'

const POLL_MS = 500

/**
 * Follows one email from the queue until the server accepts or refuses it (or it waits for a
 * retry), so the recruiter reads the outcome in words where they asked for it.
 */
export function useSettledDelivery(initial: MailDeliveryView | null) {
  const [latest, setLatest] = useState<MailDeliveryView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const id = initial?.id ?? null
  useEffect(() => {
    if (!id) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const poll = async () => {
      try {
        const [found] = await call('mail.deliveries', { id, limit: 1 })
        if (stopped || !found) return
        setLatest(found)
        if (found.status === 'queued' || found.status === 'sending') timer = setTimeout(() => void poll(), POLL_MS)
      } catch (e) {
        if (!stopped) setError(describeError(e))
      }
    }
    timer = setTimeout(() => void poll(), POLL_MS)
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [id])
  // An answer about an earlier email never stands for the one asked about now.
  return { delivery: latest?.id === id ? latest : initial, error }
}
