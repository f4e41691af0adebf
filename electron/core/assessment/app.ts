import type { Kysely, Transaction } from 'kysely'
import type { PromptLibrary } from '../ai/prompts/library'
import type { Chat } from '../ai/types'
import type { QuotaGate } from '../billing/types'
import type { Database } from '../db/schema'
import type { SyncedWriter } from '../db/synced'
import type { DomainApp } from '../ipc/dispatcher'
import type { OutgoingEvents } from '../outgoing-events'
import type { Queue } from '../queue/queue'
import type { JobDefinition } from '../queue/types'
import { compareJob } from './compare/compare-job'
import { savePdfHandler, type SaveReportPdf } from './compare/save-report-pdf'
import { readConsentRecord } from './consent/consent-record'
import { decisionHandlers } from './decisions/handlers'
import { assessmentJob } from './job'
import { recordingHandlers } from './media/handlers'
import { createAssessmentService } from './service'

export interface AssessmentDeps {
  db: Kysely<Database>
  writer: SyncedWriter
  queue: Queue
  /** The chat capability, or null when there is no key, no network or the circuit is open. */
  chat(): Chat | null
  /** The configured chat model, pinned with each AI assessment. */
  chatModel(): string
  prompts: PromptLibrary
  /** The candidate's resume text, for consistency findings; null when there is none. */
  resumeText(candidateId: string): Promise<string | null>
  /** The desktop's PDF of the calling window's report; absent where the page prints itself. */
  saveReportPdf?: SaveReportPdf
  /** Where recordings live, for the review screen's playback. */
  dataDir: string
  /** A teammate's recording, fetched from the workspace's files (file sync). */
  workspaceRecording?: (recordingId: string) => Promise<string | null>
  /** Announces stored assessments and decisions to the ATS webhooks. */
  outgoing: OutgoingEvents
  /** A team workspace's AI quota, asked before each AI assessment. */
  quota?: QuotaGate
}

export interface AssessmentApp extends DomainApp<'assessments'> {
  /** Queue jobs the studio registers. */
  jobs: JobDefinition<never>[]
  /** Handed to interviews: runs in the transaction that ends a session. */
  onSessionFinished(trx: Transaction<Database>, sessionId: string): Promise<void>
}

/** Assessments of finished interviews: the queued job, and the requests to read and re-run them. */
export function createApp(deps: AssessmentDeps): AssessmentApp {
  const service = createAssessmentService({ db: deps.db, queue: deps.queue })
  return {
    jobs: [assessmentJob(deps) as JobDefinition<never>],
    onSessionFinished: (trx, sessionId) => service.enqueueFirst(trx, sessionId),
    handlers: {
      'assessments.get': ({ sessionId }) => service.get(sessionId),
      'assessments.rerun': ({ sessionId }) => service.rerun(sessionId),
      ...decisionHandlers(deps),
      ...recordingHandlers(deps),
      'assessments.consent': ({ sessionId }) => readConsentRecord(deps.db, sessionId),
      'assessments.compare': ({ jobId }) => compareJob(deps.db, jobId),
      'assessments.savePdf': savePdfHandler(deps.saveReportPdf),
    },
  }
}
