import type { SupabaseClient } from '@supabase/supabase-js'
import { FunctionsFetchError, FunctionsHttpError } from '@supabase/supabase-js'
import { z } from 'zod'
import type { Entitlement, PaymentProvider, QuotaKind } from '../../../shared/contract/billing'
import { errorKind } from '../sync/supabase-server'
import { SyncServerError } from '../sync/types'

/*
 * The workspace's billing, through supabase-js as the signed-in user: the migrations' RPCs
 * (`billing_entitlement`, `reserve_quota`, `release_quota`) and the `billing` Edge Function's
 * checkout and portal routes. Answers are checked like any input; failures are SyncServerErrors,
 * so `retryable` means "the workspace could not be reached" here as it does for sync.
 */

interface RpcAnswer {
  data: unknown
  error: { message: string; code?: string } | null
  status: number
}

const count = z.coerce.number().int().min(0)
const time = z.string().transform((text, ctx) => {
  const at = Date.parse(text)
  if (Number.isNaN(at)) ctx.addIssue({ code: 'custom', message: 'not a time' })
  return at
})
const allowance = z
  .object({ ai_interviews: count, seats: count, ai_screening: count })
  .transform((a) => ({ aiInterviews: a.ai_interviews, seats: a.seats, aiScreening: a.ai_screening }))

export const entitlementAnswer = z
  .object({
    plan: z.enum(['free', 'plus', 'pro']),
    status: z.enum(['active', 'trialing', 'past_due', 'canceled', 'none']),
    provider: z.enum(['stripe', 'razorpay']).nullable(),
    limits: allowance,
    usage: allowance,
    period_start: time,
    period_end: time,
    updated_at: time,
    can_manage: z.boolean(),
  })
  .transform((e): Entitlement => ({
    plan: e.plan,
    status: e.status,
    provider: e.provider,
    limits: e.limits,
    usage: e.usage,
    periodStart: e.period_start,
    periodEnd: e.period_end,
    updatedAt: e.updated_at,
    canManage: e.can_manage,
  }))

const quotaAnswer = z.object({
  ok: z.boolean(),
  reservation: z.string().nullable(),
  remaining: z.coerce.number().int(),
  limit: z.coerce.number().int(),
  reason: z.string().max(2000).nullable(),
})
export type QuotaAnswer = z.infer<typeof quotaAnswer>

async function rpc<T>(client: SupabaseClient, name: string, args: object, schema: z.ZodType<T>): Promise<T> {
  let answer: RpcAnswer
  try {
    answer = (await client.rpc(name, args)) as RpcAnswer
  } catch (error) {
    throw new SyncServerError('retryable', `${name}: ${String(error)}`)
  }
  if (answer.error) throw new SyncServerError(errorKind(answer.status, answer.error.code), answer.error.message)
  const parsed = schema.safeParse(answer.data)
  if (!parsed.success) throw new SyncServerError('rejected', `${name} answered in an unexpected shape`)
  return parsed.data
}

export function readEntitlement(client: SupabaseClient, org: string): Promise<Entitlement> {
  return rpc(client, 'billing_entitlement', { p_org: org }, entitlementAnswer)
}

/** Idempotent by `request`: asking again with the same id answers the same and counts once. */
export function reserveQuota(client: SupabaseClient, org: string, kind: QuotaKind, request: string) {
  return rpc(client, 'reserve_quota', { p_org: org, p_kind: kind, p_request: request, p_amount: 1 }, quotaAnswer)
}

/** Gives the units back; releasing twice is a no-op on the server. */
export async function releaseQuota(client: SupabaseClient, reservation: string): Promise<void> {
  await rpc(client, 'release_quota', { p_reservation: reservation }, z.unknown())
}

const urlAnswer = z.object({ url: z.url({ protocol: /^https?$/ }) })

/** The function's refusal in its own words (`{ error }` or `{ message }`), or the status when it gave none. */
async function functionRefusal(error: FunctionsHttpError): Promise<SyncServerError> {
  const response = error.context as Response
  let text = `the billing service answered ${response.status}`
  try {
    const body = (await response.json()) as { error?: unknown; message?: unknown }
    const said = typeof body.error === 'string' ? body.error : typeof body.message === 'string' ? body.message : null
    if (said) text = said
  } catch {
    // Not JSON: the status says enough.
  }
  return new SyncServerError(errorKind(response.status, undefined), text)
}

async function invoke(client: SupabaseClient, route: string, body: object): Promise<string> {
  const { data, error } = await client.functions.invoke(`billing/${route}`, { method: 'POST', body })
  if (error) {
    if (error instanceof FunctionsHttpError) throw await functionRefusal(error)
    if (error instanceof FunctionsFetchError) throw new SyncServerError('retryable', String(error.message))
    throw new SyncServerError('retryable', error instanceof Error ? error.message : String(error))
  }
  const parsed = urlAnswer.safeParse(data)
  if (!parsed.success) throw new SyncServerError('rejected', 'The billing service answered without a page to open')
  return parsed.data.url
}

export function checkoutUrl(
  client: SupabaseClient,
  org: string,
  plan: 'plus' | 'pro',
  provider: PaymentProvider,
): Promise<string> {
  return invoke(client, 'checkout', { org, plan, provider })
}

export function portalUrl(client: SupabaseClient, org: string): Promise<string> {
  return invoke(client, 'portal', { org })
}
