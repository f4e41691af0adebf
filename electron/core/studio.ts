import path from 'node:path'
import type { SupabaseClient } from '@supabase/supabase-js'
import type { Kysely } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { AppInfo } from '../../shared/contract/foundation'
import { createHlc } from '../../shared/hlc'
import { systemClock, type Clock } from './clock'
import { ensureMeta } from './db/meta'
import type { DirectDb } from './db/direct'
import { openDatabase } from './db/open'
import type { Database } from './db/schema'
import { createSyncedWriter, type SyncedWriter } from './db/synced'
import * as aiApp from './ai/app'
import * as assessmentApp from './assessment/app'
import * as billingApp from './billing/app'
import * as filesApp from './files/app'
import type { BillingWorkspace } from './billing/workspace'
import type { SaveReportPdf } from './assessment/compare/save-report-pdf'
import type { AiOptions, AiService } from './ai/service'
import * as diagnosticsApp from './diagnostics/app'
import * as exportsApp from './exports/app'
import * as fairnessApp from './fairness/app'
import * as feedbackApp from './feedback/app'
import { createEventBus, type EventBus } from './events'
import * as interviewsApp from './interviews/app'
import { STUDIO_STORAGE_FULL } from './data-folder/storage-full'
import { tidyDataFolder } from './data-folder/tidy'
import { createDispatcher, type Dispatch, type Handlers } from './ipc/dispatcher'
import * as kioskApp from './kiosk/app'
import * as mailApp from './mail/app'
import { createKioskPin, openPinThrottle } from './kiosk/pin'
import { openCodeThrottle } from './interviews/invitations/throttle'
import * as queueApp from './queue/app'
import * as rightsApp from './rights/app'
import * as screeningApp from './screening/app'
import * as settingsApp from './settings/app'
import * as sharingApp from './sharing/app'
import { latestAssessment } from './sharing/latest-assessment'
import { createWorkspaceClient } from './sync/session'
import * as syncApp from './sync/app'
import { storedAccount } from './sync/session-storage'
import * as updatesApp from './updates/app'
import type { UpdatesHost } from './updates/app'
import * as voiceApp from './voice/app'
import * as webhooksApp from './webhooks/app'
import { candidatesFromScreening, jobsFromScreening } from './interviews/screening-sources'
import { interviewPipeline } from './screening/candidates/interview-pipeline'
import { createLogger, type Logger } from './logger'
import { createQueue, type Queue } from './queue/queue'
import { poolParser } from './screening/intake/pool-parser'
import type { ResumeParser } from './screening/intake/resume-parser'
import { taxonomyCatalog } from './screening/jobs/skill-catalog'
import { loadTaxonomyFile } from './screening/taxonomy'
import type { VoiceOptions } from './voice/voice-session'
import { createPreferences, type PreferencesService } from './settings/preferences'
import type { PreferenceStore, SecretStore } from './settings/types'

export interface StudioOptions {
  dataDir: string
  secrets: SecretStore
  preferenceStore: PreferenceStore
  host: AppInfo['host']
  version?: string
  clock?: Clock
  logger?: Logger
  random?: () => number
  /** Start queue workers right away (default true); tests may drive the queue by hand. */
  startWorkers?: boolean
  queueOptions?: { pollMs?: number; backoff?: { baseMs?: number; capMs?: number }; defaultLeaseMs?: number }
  exitKiosk?: () => void
  openKiosk?: () => Promise<{ url: string | null }>
  /**
   * Data shipped with the app (skill taxonomy, prompts, prices). Required: bundled code cannot
   * locate it from its own path, so each host says where its copy lives.
   */
  resourcesDir: string
  /** Reads resumes; default the worker pool (one thread per core, started on the first file). */
  resumeParser?: ResumeParser
  /** The desktop's open dialog for resumes; Electron passes one, the web host uploads bytes instead. */
  chooseResumePaths?: (kind: 'files' | 'folder') => Promise<string[]>
  /** The desktop's PDF of a recruiter window's report; in the web host the page prints through the browser. */
  saveReportPdf?: SaveReportPdf
  /** The desktop app's updater; hosts without one answer that the desktop app installs updates. */
  updates?: UpdatesHost
  /** AI provider overrides: base URLs (tests and the web host's keyless demo point them at the wire stub), timeouts, retry and breaker knobs. */
  ai?: AiOptions
  /** Voice loop knobs (endpointing, pre-roll, grace periods); the kiosk uses the defaults. */
  voice?: Partial<VoiceOptions>
  /** Team sync: the Supabase project (URL and anon key) from the project settings; absent, the studio stays local. */
  sync?: syncApp.SyncOptions
}

export interface Studio {
  db: Kysely<Database>
  /** Synchronous statements on the same connection, for hot paths. */
  direct: DirectDb
  queue: Queue
  events: EventBus
  writer: SyncedWriter
  preferences: PreferencesService
  /** The interview engine the kiosk's voice loop drives. */
  interviews: interviewsApp.InterviewsApp['engine']
  /** Chat, embeddings, speech-to-text and text-to-speech for every domain, with accounting and settings. */
  ai: AiService
  dispatch: Dispatch
  /** Records a kiosk window's own integrity signal against the interview it is running. */
  recordKioskWindowSignal(connection: string, kind: string): Promise<boolean>
  /** Resumes the operating system handed to the desktop app: granted for import and offered to the recruiter. */
  openFiles(paths: readonly string[]): Promise<void>
  info(): AppInfo
  close(): Promise<void>
}

export const DATABASE_FILE = 'panelist.sqlite'

/** Builds every service from its dependencies. Never imports electron: Electron, the web host and tests all call this. */
export async function createStudio(options: StudioOptions): Promise<Studio> {
  const clock = options.clock ?? systemClock
  const logger = options.logger ?? createLogger({ knownSecrets: () => options.secrets.values() })
  const opened = await openDatabase({ file: path.join(options.dataDir, DATABASE_FILE), clock, logger })
  const { db } = opened
  await tidyDataFolder(options.dataDir, db, logger)
  // Adopting the local data into a team workspace changes the organisation (see sync/workspace.ts).
  let orgId = await ensureMeta(db, 'org_id', uuidv7)
  const nodeId = await ensureMeta(db, 'node_id', () => uuidv7().slice(-12))
  const hlc = createHlc(nodeId, () => clock.now())
  const writer = createSyncedWriter({ clock, hlc, orgId: () => orgId })
  const events = createEventBus()
  const preferences = createPreferences(options.preferenceStore)
  const queue = createQueue({
    db,
    clock,
    logger,
    random: options.random,
    ...options.queueOptions,
    onChange: (job) => events.emit('queue.job', job),
  })
  const queuePanel = queueApp.createApp({ db, writer, queue })
  const webhooks = webhooksApp.createApp({ db, queue, clock, logger, secrets: options.secrets })
  const { resourcesDir } = options
  const taxonomy = await loadTaxonomyFile(path.join(resourcesDir, 'skills.json'))
  const ownParser = options.resumeParser ? null : poolParser({ taxonomy: taxonomy.transfer })
  const parser = options.resumeParser ?? ownParser!
  const aiDomain = await aiApp.createApp({
    db,
    secrets: options.secrets,
    clock,
    logger,
    random: options.random,
    resourcesDir,
    dataDir: options.dataDir,
    notify: (notice) => events.emit('ai.notice', notice),
    ...options.ai,
  })
  const ai = aiDomain.service
  // The signed-in team workspace, for the domains that act on it as the recruiter (billing,
  // sharing). Sync keeps its client to itself; this one reads the same stored session, so signing
  // in or out there applies here on the next request. Sync is built further down: until then, none.
  const syncStatus: { read?: syncApp.SyncApp['handlers']['sync.status'] } = {}
  let workspaceClient: SupabaseClient | undefined
  const signedInWorkspace = async (): Promise<BillingWorkspace | null> => {
    const project = options.sync?.project
    if (!project || !syncStatus.read) return null
    const status = await syncStatus.read({}, { audience: 'recruiter' })
    if (!status.account || !status.workspace || status.workspace !== orgId) return null
    workspaceClient ??= createWorkspaceClient(project, options.secrets)
    return { client: workspaceClient, orgId }
  }
  const billing = billingApp.createApp({ db, clock, logger, events, workspace: signedInWorkspace })
  const files = filesApp.createApp({
    db,
    writer,
    queue,
    logger,
    dataDir: options.dataDir,
    workspace: signedInWorkspace,
  })
  const screening = screeningApp.createApp({
    db,
    direct: opened.direct,
    writer,
    clock,
    events,
    queue,
    logger,
    dataDir: options.dataDir,
    parser,
    catalog: taxonomyCatalog(taxonomy),
    loadReader: async () => {
      const { readDocument } = await import('./screening/parse-pool/read-extracted')
      return (document, now) => readDocument(document, taxonomy, now)
    },
    choosePaths: options.chooseResumePaths,
    ai: ai.capabilities,
    outgoing: webhooks.outgoing,
    actor: () => storedAccount(options.secrets),
    quota: billing.gate,
  })
  const chat = () => (ai.capabilities.available('chat') ? ai.capabilities.chat() : null)
  const chatModel = () => ai.view().settings.chat.model
  const candidates = candidatesFromScreening(db)
  const assessment = assessmentApp.createApp({
    db,
    writer,
    queue,
    chat,
    chatModel,
    prompts: ai.prompts,
    resumeText: (candidateId) => candidates.resumeText(candidateId),
    saveReportPdf: options.saveReportPdf,
    dataDir: options.dataDir,
    workspaceRecording: files.recordingCopy,
    outgoing: webhooks.outgoing,
    quota: billing.gate,
  })
  const interviews = interviewsApp.createApp({
    db,
    writer,
    clock,
    logger,
    events,
    chat,
    chatModel,
    prompts: ai.prompts,
    codeThrottle: await openCodeThrottle({ db, clock, logger }),
    jobs: jobsFromScreening(db),
    candidates,
    pipeline: interviewPipeline(db, writer),
    quota: billing.gate,
    onSessionFinished: async (trx, sessionId) => {
      await assessment.onSessionFinished(trx, sessionId)
      await webhooks.sessionFinished(trx, sessionId)
    },
  })

  const voice = voiceApp.createApp({
    db,
    writer,
    clock,
    logger,
    events,
    queue,
    engine: interviews.engine,
    ai: ai.capabilities,
    prompts: ai.prompts,
    dataDir: options.dataDir,
    options: options.voice,
  })
  const rights = rightsApp.createApp({
    db,
    writer,
    queue,
    clock,
    events,
    dataDir: options.dataDir,
    forgetWorkspaceFiles: files.forget,
  })
  const sync = syncApp.createApp({
    ...options.sync,
    db,
    direct: opened.direct,
    queue,
    events,
    clock,
    logger,
    hlc,
    secrets: options.secrets,
    org: { get: () => orgId, set: (id) => (orgId = id) },
    onSynced: async () => {
      await billing.refresh()
      await files.afterSync()
    },
  })
  syncStatus.read = sync.handlers['sync.status']
  const mail = mailApp.createApp({ db, queue, clock, secrets: options.secrets })
  const feedback = feedbackApp.createApp({
    db,
    queue,
    clock,
    logger,
    mail: mail.outbox,
    chat,
    chatModel,
    prompts: ai.prompts,
    quota: billing.gate,
  })
  for (const job of [
    ...queuePanel.jobs,
    ...screening.jobs,
    ...voice.jobs,
    ...assessment.jobs,
    ...webhooks.jobs,
    ...rights.jobs,
    ...sync.jobs,
    ...files.jobs,
    ...mail.jobs,
    ...feedback.jobs,
  ])
    queue.register(job)
  await screening.start()
  await rights.start()
  await voice.start()
  await webhooks.start()
  await sync.start()

  const info = (): AppInfo => ({
    version: options.version ?? '0.0.0',
    host: options.host,
    dataDir: options.dataDir,
    sqliteVersion: opened.sqliteVersion,
    notices: opened.notices,
  })

  // Each domain answers the requests under its own prefixes; together they cover the contract.
  const handlers: Handlers = {
    ...diagnosticsApp.createApp({ info, logger }).handlers,
    ...settingsApp.createApp({ preferences, secrets: options.secrets }).handlers,
    ...kioskApp.createApp({
      pin: createKioskPin(db, await openPinThrottle({ db, clock, logger })),
      exitKiosk: options.exitKiosk ?? (() => {}),
      openKiosk: options.openKiosk,
    }).handlers,
    ...queuePanel.handlers,
    ...aiDomain.handlers,
    ...screening.handlers,
    ...interviews.handlers,
    ...assessment.handlers,
    ...voice.handlers,
    ...updatesApp.createApp(options.updates).handlers,
    ...webhooks.handlers,
    ...exportsApp.createApp({ db, clock }).handlers,
    ...fairnessApp.createApp({
      db,
      clock,
      candidateOfToken: async (token) => {
        const sessionId = await interviews.engine.sessionForToken(token)
        const session = await db
          .selectFrom('interview_sessions')
          .select('candidate_id')
          .where('id', '=', sessionId)
          .executeTakeFirstOrThrow()
        return session.candidate_id
      },
    }).handlers,
    ...rights.handlers,
    ...sync.handlers,
    ...mail.handlers,
    ...feedback.handlers,
    ...billing.handlers,
    ...files.handlers,
    ...sharingApp.createApp({
      workspace: signedInWorkspace,
      projectUrl: options.sync?.project?.url ?? null,
      candidate: async (candidateId, jobId) =>
        screening.handlers['candidates.get']({ candidateId, jobId }, { audience: 'recruiter' }),
      latestAssessment: (candidateId) => latestAssessment(db, candidateId),
      clock,
    }).handlers,
  }
  const dispatch = createDispatcher(handlers, logger, undefined, () =>
    events.emit('app.storageFull', { message: STUDIO_STORAGE_FULL }),
  )

  if (options.startWorkers ?? true) await queue.start(preferences.get().workerConcurrency)
  interviews.start()
  // After start-up, off its path: a day's backup of a large database takes a while.
  const backingUp = opened.backUpIfDue().catch((error: unknown) => {
    logger.error('the database backup failed', { error: String(error) })
  })

  return {
    db,
    direct: opened.direct,
    queue,
    events,
    writer,
    preferences,
    interviews: interviews.engine,
    ai,
    dispatch,
    recordKioskWindowSignal: (connection, kind) => voice.recordWindowSignal(connection, kind),
    openFiles: (paths) => screening.openFiles(paths),
    info,
    async close() {
      sync.close()
      await voice.close()
      await webhooks.close()
      await interviews.close()
      ai.close()
      await queue.stop()
      await ownParser?.close()
      await backingUp
      await opened.close()
    },
  }
}
