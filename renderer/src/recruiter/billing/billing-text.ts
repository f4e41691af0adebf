import {
  BILLING_GRACE_DAYS,
  PLAN_NAMES,
  type Entitlement,
  type PaymentProvider,
  type SubscriptionStatus,
} from '../../../../shared/contract/billing'

/** Words for the Billing page; kept apart from the page so the wording is read in one place. */

export const STATUS_TEXT: Record<SubscriptionStatus, string> = {
  active: 'Active',
  trialing: 'Trial',
  past_due: 'Payment overdue: the provider is retrying the charge',
  canceled: 'Cancelled',
  none: 'No subscription',
}

export const PROVIDER_TEXT: Record<PaymentProvider, string> = {
  stripe: 'Stripe (cards worldwide)',
  razorpay: 'Razorpay (India: UPI, cards, netbanking)',
}

export const day = (at: number) =>
  new Date(at).toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' })

export interface UsageLine {
  key: 'aiInterviews' | 'aiScreening' | 'seats'
  label: string
  hint: string
}

export const USAGE_LINES: readonly UsageLine[] = [
  { key: 'aiInterviews', label: 'AI interviews', hint: 'Interviews run by the AI interviewer this month.' },
  {
    key: 'aiScreening',
    label: 'AI screening',
    hint: 'AI assessments, semantic similarity runs and AI feedback drafts this month.',
  },
  { key: 'seats', label: 'Seats', hint: 'Members and open invitations.' },
]

/** "3 of 5 used", with what is left: the bar's meaning in words, for everyone. */
export function usageText(used: number, limit: number): string {
  if (used >= limit) return `${used} of ${limit} used: none left`
  return `${used} of ${limit} used, ${limit - used} left`
}

export function planLine(e: Entitlement): string {
  return `${PLAN_NAMES[e.plan]} plan`
}

export const GRACE_TEXT =
  `Without reaching the workspace, this computer keeps to the last plan it read for ${BILLING_GRACE_DAYS} days; ` +
  'then AI work stops until it syncs again. Offline screening and scripted interviews are never limited.'

export const UNMETERED_TEXT =
  'This studio is not in a team workspace, so nothing is counted or billed: AI runs on the provider keys entered ' +
  'in Settings, paid to the provider directly. Plans (Free, Plus, Pro) apply to team workspaces.'

/** The plans an admin can move to from this one. */
export function upgradesFrom(plan: Entitlement['plan']): ('plus' | 'pro')[] {
  if (plan === 'free') return ['plus', 'pro']
  if (plan === 'plus') return ['pro']
  return []
}
