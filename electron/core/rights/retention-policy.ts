import type { Kysely } from 'kysely'
import { retentionPolicySchema, type RetentionPolicy } from '../../../shared/contract/rights'
import { getMeta, setMeta } from '../db/meta'
import type { Database } from '../db/schema'

/** Kept in the workspace's own database (not the per-machine preferences), so it belongs to the workspace. */
const KEY = 'retention_policy'

/** Nothing is deleted until the recruiter sets a policy: retention is a choice, never a surprise. */
export const NO_RETENTION: RetentionPolicy = { candidateDays: null, recordingDays: null }

export async function readRetentionPolicy(db: Kysely<Database>): Promise<RetentionPolicy> {
  const stored = await getMeta(db, KEY)
  if (stored === undefined) return NO_RETENTION
  const parsed = retentionPolicySchema.safeParse(JSON.parse(stored))
  return parsed.success ? parsed.data : NO_RETENTION
}

export async function writeRetentionPolicy(db: Kysely<Database>, policy: RetentionPolicy): Promise<RetentionPolicy> {
  await setMeta(db, KEY, JSON.stringify(policy))
  return policy
}
