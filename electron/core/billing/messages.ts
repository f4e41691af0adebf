import {
  BILLING_GRACE_DAYS,
  PLAN_NAMES,
  QUOTA_LABELS,
  type Entitlement,
  type QuotaKind,
} from '../../../shared/contract/billing'

/*
 * What AI work refused for billing says, in words a recruiter can act on: what ran out or why the
 * plan is unknown, and who can change it. The server writes its own refusals; these are the app's.
 */

const STILL_FREE = 'Offline screening and scripted interviews still work.'

const day = (at: number) => new Date(at).toISOString().slice(0, 10)

export function pastGrace(fetchedAt: number): string {
  return (
    `AI work is stopped: this computer last reached the workspace on ${day(fetchedAt)}, more than ` +
    `${BILLING_GRACE_DAYS} days ago, so it cannot confirm the plan's AI quota. Connect and sync to go on. ${STILL_FREE}`
  )
}

export function neverRead(): string {
  return (
    'AI work is stopped: the workspace cannot be reached and this computer has not read its plan yet. ' +
    `Connect and sync to go on. ${STILL_FREE}`
  )
}

export function signedOut(): string {
  return `AI work is stopped: the workspace refused this computer's session. Sign in again under Team workspace. ${STILL_FREE}`
}

/** Offline within the grace period, when the last known usage already reached the limit. */
export function usedUp(kind: QuotaKind, entitlement: Entitlement): string {
  const limit = kind === 'ai_interview' ? entitlement.limits.aiInterviews : entitlement.limits.aiScreening
  const month = new Date(entitlement.periodStart).toLocaleString('en', { month: 'long', timeZone: 'UTC' })
  return (
    `This workspace has used its ${limit} ${QUOTA_LABELS[kind]} for ${month} on the ${PLAN_NAMES[entitlement.plan]} ` +
    `plan; an admin can upgrade in Billing. ${STILL_FREE}`
  )
}

/** The server refused without saying why (it always should). */
export function refusedWithoutReason(kind: QuotaKind): string {
  return `The workspace refused more ${QUOTA_LABELS[kind]} this month; an admin can upgrade in Billing. ${STILL_FREE}`
}
