import type { SupabaseClient } from '@supabase/supabase-js'
import { z } from 'zod'
import {
  SyncServerError,
  type PullResult,
  type PushResult,
  type SyncErrorKind,
  type SyncServer,
  type WireChange,
} from './types'

/** The parts of a PostgREST answer this adapter reads (supabase-js's `{ data, error, status }`). */
interface RpcAnswer {
  data: unknown
  error: { message: string; code?: string } | null
  status: number
}

const hlcText = z.string().regex(/^\d{15}-[0-9a-f]{4}-[A-Za-z0-9_-]{1,64}$/)
const count = z.coerce.number().int().min(0)

/** Answers are validated like any input: a pulled row is data from elsewhere. */
const pushAnswer = z.object({ cursor: count, applied: count, skipped: count })
const pullAnswer = z.object({
  changes: z.array(
    z.object({
      seq: count,
      id: z.string().max(200),
      table: z.string().max(63),
      row_id: z.string().min(1).max(64),
      op: z.enum(['insert', 'update', 'delete']),
      fields: z.record(z.string().max(63), z.unknown()),
      hlc: hlcText,
    }),
  ),
  cursor: count,
  more: z.boolean(),
})

/**
 * How a failed call maps onto what the engine does next. No HTTP answer (status 0: offline, DNS,
 * refused), timeouts, rate limits and 5xx are worth retrying; 401 means the session is gone; 403
 * (Postgres 42501 from the functions' role checks) means this role may not.
 */
export function errorKind(status: number, code: string | undefined): SyncErrorKind {
  if (status === 0 || status === 408 || status === 429 || status >= 500) return 'retryable'
  if (status === 401) return 'signed-out'
  if (status === 403 || code === '42501') return 'not-allowed'
  return 'rejected'
}

function answerOf<T>(answer: RpcAnswer, schema: z.ZodType<T>, what: string): T {
  if (answer.error) {
    const kind = errorKind(answer.status, answer.error.code)
    throw new SyncServerError(kind, `${what}: ${answer.error.message}`)
  }
  const parsed = schema.safeParse(answer.data)
  if (!parsed.success) throw new SyncServerError('rejected', `${what}: the workspace answered in an unexpected shape`)
  return parsed.data
}

/** The workspace's sync RPCs through supabase-js: `sync_push` and `sync_pull` under the session's user. */
export function createSupabaseServer(
  client: SupabaseClient,
  options: { signal?: () => AbortSignal | undefined } = {},
): SyncServer {
  const call = async (name: string, args: object): Promise<RpcAnswer> => {
    const builder = client.rpc(name, args)
    const signal = options.signal?.()
    try {
      return (await (signal ? builder.abortSignal(signal) : builder)) as RpcAnswer
    } catch (error) {
      // supabase-js returns most failures as values; what it throws (an abort) is not the server's answer.
      throw new SyncServerError('retryable', `${name}: ${String(error)}`)
    }
  }
  return {
    async push(org: string, changes: readonly WireChange[]): Promise<PushResult> {
      return answerOf(await call('sync_push', { p_org: org, p_changes: changes }), pushAnswer, 'Sending changes')
    },
    async pull(org: string, cursor: number, limit: number): Promise<PullResult> {
      return answerOf(
        await call('sync_pull', { p_org: org, p_cursor: cursor, p_limit: limit }),
        pullAnswer,
        'Fetching changes',
      )
    },
  }
}
