import { z } from 'zod'
import { request } from './define'

/**
 * Billing of a team workspace: its plan, what it has used this month, and the way to upgrade. The
 * plan lives on the server (the `billing` Edge Function and the migrations' RPCs); the app only
 * reads it, reserves quota before AI work, and opens the providers' pages. Money never passes here.
 */

/**
 * How long a computer that cannot reach the workspace keeps using the plan it last read. After
 * that, AI work stops until it syncs again; offline screening and scripted interviews never stop.
 */
export const BILLING_GRACE_DAYS = 7
export const BILLING_GRACE_MS = BILLING_GRACE_DAYS * 86_400_000

export const PLAN_IDS = ['free', 'plus', 'pro'] as const
export type PlanId = (typeof PLAN_IDS)[number]
export const PLAN_NAMES: Record<PlanId, string> = { free: 'Free', plus: 'Plus', pro: 'Pro' }

export type SubscriptionStatus = 'active' | 'trialing' | 'past_due' | 'canceled' | 'none'
export type PaymentProvider = 'stripe' | 'razorpay'

/** What reserving quota counts: an interview run by the AI interviewer, or one AI job (assessment, embeddings, feedback draft). */
export type QuotaKind = 'ai_interview' | 'ai_screening'
export const QUOTA_LABELS: Record<QuotaKind, string> = { ai_interview: 'AI interviews', ai_screening: 'AI screening' }

export interface Allowance {
  aiInterviews: number
  seats: number
  aiScreening: number
}

/** The workspace's plan as the server last said it. Times are epoch milliseconds. */
export interface Entitlement {
  plan: PlanId
  status: SubscriptionStatus
  provider: PaymentProvider | null
  limits: Allowance
  /** This month's period: AI counts since `periodStart`; seats are members plus open invitations. */
  usage: Allowance
  periodStart: number
  periodEnd: number
  updatedAt: number
  /** Whether the signed-in account may upgrade and manage billing (an admin). */
  canManage: boolean
}

export type BillingView =
  /** Not in a team workspace: AI runs on this studio's own provider keys, and nothing is counted. */
  | { state: 'unmetered' }
  /** In a workspace whose plan has never been read here (the first sync has not reached it yet). */
  | { state: 'unknown'; workspace: string; message: string }
  | {
      state: 'known'
      workspace: string
      entitlement: Entitlement
      /** When this computer last read the plan from the workspace. */
      fetchedAt: number
      /** Until when AI work may go on without reaching the workspace again. */
      graceEndsAt: number
      /** Set when the last attempt to read the plan failed: why, in words. */
      offline: string | null
      /** Set when AI work is stopped here (grace over): why, in words. */
      aiStopped: string | null
      /** The last AI work this studio did not start for lack of quota, so the recruiter learns why. */
      lastRefusal: { message: string; at: number } | null
    }

const planChoice = z.enum(['plus', 'pro'])
const providerChoice = z.enum(['stripe', 'razorpay'])

export const billingRequests = {
  /** The plan as last read; `refresh` reads it from the workspace first (opening the Billing page). */
  'billing.view': request<BillingView>()(z.object({ refresh: z.boolean().optional() }).strict()),
  /** Admins: a checkout page of the provider for the plan, to open in the system browser. */
  'billing.checkout': request<{ url: string }>()(z.object({ plan: planChoice, provider: providerChoice }).strict()),
  /** Admins: the provider's page to manage the subscription and see invoices. */
  'billing.portal': request<{ url: string }>()(z.object({}).strict()),
}

export const billingEvents = {
  /** The plan, its usage or what AI work may do here changed: the Billing page shows it at once. */
  'billing.changed': z.custom<BillingView>(),
}
