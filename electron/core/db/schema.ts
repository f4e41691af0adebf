import type { ColumnType, Generated } from 'kysely'
import type { AiTables } from '../ai/tables'
import type { BillingTables } from '../billing/tables'
import type { DecisionTables } from '../assessment/decisions/tables'
import type { FairnessTables } from '../fairness/tables'
import type { FeedbackTables } from '../feedback/tables'
import type { FileTables } from '../files/tables'
import type { AssessmentTables } from '../assessment/tables'
import type { InterviewTables } from '../interviews/tables'
import type { MailTables } from '../mail/tables'
import type { RecordingTables } from '../recording/tables'
import type { ScreeningTables } from '../screening/tables'
import type { SyncTables } from '../sync/tables'
import type { WebhookTables } from '../webhooks/tables'
import type { SyncedColumns } from './columns'

export interface MetaTable {
  key: string
  value: string
}

export interface SchemaMigrationsTable {
  version: number
  name: string
  applied_at: number
}

export type ChangeOp = 'insert' | 'update' | 'delete'

export interface ChangeLogTable {
  seq: Generated<number>
  table_name: string
  row_id: string
  org_id: string
  op: ChangeOp
  /** JSON object of the fields this change set. */
  fields: string
  hlc: string
  /** 0 until the sync engine has pushed it. */
  pushed: ColumnType<number, number | undefined, number>
}

export interface JobsTable {
  seq: Generated<number>
  id: string
  kind: string
  title: string
  payload: string
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'dead' | 'cancelled'
  priority: number
  attempts: number
  max_attempts: number
  run_at: number
  lease_owner: string | null
  lease_until: number | null
  idempotency_key: string | null
  progress: number
  progress_note: string | null
  last_error: string | null
  result: string | null
  created_at: number
  updated_at: number
}

/** Effects already applied by at-least-once jobs; the key makes re-runs no-ops. */
export interface AppliedEffectsTable {
  key: string
  job_id: string
  applied_at: number
}

/** A demo record the foundation's demo job writes, so exactly-once application is observable. */
export interface DemoCountersTable extends SyncedColumns {
  name: string
  value: number
}

export interface FoundationTables {
  meta: MetaTable
  schema_migrations: SchemaMigrationsTable
  change_log: ChangeLogTable
  jobs: JobsTable
  applied_effects: AppliedEffectsTable
  demo_counters: DemoCountersTable
}

/** The whole database: each domain adds its tables by extending this interface's parts. */
export type Database = FoundationTables &
  ScreeningTables &
  InterviewTables &
  AiTables &
  RecordingTables &
  AssessmentTables &
  DecisionTables &
  WebhookTables &
  FairnessTables &
  MailTables &
  FeedbackTables &
  SyncTables &
  BillingTables &
  FileTables
