import { AiError } from '../errors'
import type { Capability, ProviderId, UsageScope } from '../types'
import { NANO_PER_USD } from './prices'
import type { UsageStore } from './usage-store'

export interface Reservation {
  release(): void
}

export interface BudgetGuard {
  /**
   * Holds `estimateNano` against the interview's cap until released, or refuses the call when what
   * is spent, what is in flight and this estimate together would pass the cap.
   */
  reserve(
    scope: UsageScope | undefined,
    estimateNano: number,
    provider: ProviderId,
    capability: Capability,
  ): Promise<Reservation>
}

const NOTHING: Reservation = { release() {} }

/** Cents for real budgets; tiny test budgets keep their significant digits. */
const dollars = (nano: number) => {
  const usd = nano / NANO_PER_USD
  return `$${usd >= 0.01 || usd === 0 ? usd.toFixed(2) : Number(usd.toPrecision(2)).toString()}`
}

export function createBudgetGuard(usage: UsageStore, capNano: () => number | null): BudgetGuard {
  const inFlight = new Map<string, number>()
  return {
    async reserve(scope, estimateNano, provider, capability) {
      const interviewId = scope?.interviewId
      const cap = capNano()
      if (!interviewId || cap === null) return NOTHING
      const spent = (await usage.forInterview(interviewId)).costNano
      // Checked and booked after the await, synchronously, so concurrent calls see each other.
      const held = inFlight.get(interviewId) ?? 0
      if (spent + held + estimateNano > cap) {
        throw new AiError({
          kind: 'budget',
          provider,
          capability,
          message: `This interview has used ${dollars(spent + held)} of its ${dollars(cap)} AI budget; this call would pass it`,
        })
      }
      inFlight.set(interviewId, held + estimateNano)
      let released = false
      return {
        release() {
          if (released) return
          released = true
          const left = (inFlight.get(interviewId) ?? 0) - estimateNano
          if (left > 0) inFlight.set(interviewId, left)
          else inFlight.delete(interviewId)
        },
      }
    },
  }
}
