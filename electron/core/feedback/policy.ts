import type { Kysely } from 'kysely'
import { feedbackPolicySchema, type FeedbackPolicy } from '../../../shared/contract/feedback'
import { getMeta, setMeta } from '../db/meta'
import type { Database } from '../db/schema'

/** Kept in the workspace's own database, so it belongs to the workspace, not the machine. */
const KEY = 'feedback_policy'

/** Unreviewed feedback goes out after four hours unless the workspace turns that off. */
export const DEFAULT_FEEDBACK_POLICY: FeedbackPolicy = { autoSendHours: 4 }

export async function readFeedbackPolicy(db: Kysely<Database>): Promise<FeedbackPolicy> {
  const stored = await getMeta(db, KEY)
  if (stored === undefined) return DEFAULT_FEEDBACK_POLICY
  const parsed = feedbackPolicySchema.safeParse(JSON.parse(stored))
  return parsed.success ? parsed.data : DEFAULT_FEEDBACK_POLICY
}

export async function writeFeedbackPolicy(db: Kysely<Database>, policy: FeedbackPolicy): Promise<FeedbackPolicy> {
  await setMeta(db, KEY, JSON.stringify(policy))
  return policy
}
