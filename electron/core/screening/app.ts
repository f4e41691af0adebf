import type { Kysely } from 'kysely'
import { StudioError } from '../../../shared/contract/errors'
import type { AiCapabilities } from '../ai/types'
import type { QuotaGate } from '../billing/types'
import type { Clock } from '../clock'
import type { DirectDb } from '../db/direct'
import type { Database } from '../db/schema'
import type { SyncedWriter } from '../db/synced'
import type { EventBus } from '../events'
import type { DomainApp } from '../ipc/dispatcher'
import type { Logger } from '../logger'
import type { OutgoingEvents } from '../outgoing-events'
import type { Queue } from '../queue/queue'
import type { JobDefinition } from '../queue/types'
import { analyticsView } from './board/analytics'
import { boardView } from './board/board'
import { funnelView } from './board/funnel'
import { candidateDetail } from './candidates/detail'
import { listCandidates } from './candidates/list'
import { createPipeline } from './candidates/pipeline'
import { embedJob, queueEmbeddings } from './candidates/embed-job'
import { createRanker, type Rerank } from './candidates/rerank'
import { createPoolCache } from './candidates/pool'
import { refreshStaleReads } from './candidates/refresh-reads'
import { dropStaleRefusedUploads } from './intake/kept-refusals'
import type { StoredResumeReader } from './candidates/reread'
import { jobsScoredBefore, markScoresCurrent } from './candidates/score-version'
import { createFileStore } from './intake/file-store'
import { intakeJob } from './intake/intake-job'
import { createIntakeService } from './intake/intake-service'
import { educationAskedIn, yearsAskedIn } from './jobs/posting-asks'
import { createOpenedFiles } from './intake/opened-files'
import { createPathGrants } from './intake/path-grants'
import type { ResumeParser } from './intake/resume-parser'
import { createJobsService } from './jobs/jobs-service'
import { createRerankPreview } from './jobs/rerank-preview'
import type { SkillCatalog } from './jobs/skill-catalog'

export interface ScreeningDeps {
  db: Kysely<Database>
  direct: DirectDb
  writer: SyncedWriter
  clock: Clock
  events: EventBus
  queue: Queue
  logger: Logger
  dataDir: string
  /** Without a parser the studio still ranks, lists and edits; only importing is unavailable. */
  parser?: ResumeParser
  catalog: SkillCatalog
  /**
   * Loads the reader that reads stored resumes again when it has changed since they were read;
   * absent, only their skills and vectors are read again.
   */
  loadReader?: () => Promise<StoredResumeReader>
  /** Cloud AI when configured: adds the embeddings signal beside scores; absent or offline, nothing waits on it. */
  ai?: AiCapabilities
  /** The desktop's open dialog (Electron passes one); absent in the web host and the CLI. */
  choosePaths?: (kind: 'files' | 'folder') => Promise<string[]>
  /** Announces new candidates to the ATS webhooks. */
  outgoing: OutgoingEvents
  /** The signed-in account, recorded on the moves a person makes; null when no one is signed in. */
  actor(): string | null
  /** A team workspace's AI quota: each embeddings run counts as one unit of AI screening. */
  quota?: QuotaGate
}

export interface ScreeningApp extends DomainApp<'jobs' | 'intake' | 'candidates' | 'board' | 'analytics'> {
  /** Queue jobs the studio registers. */
  jobs: JobDefinition<never>[]
  rerank: Rerank
  /** Brings stored candidates up to the current scoring features; run before intake starts. */
  start(): Promise<void>
  /** Resumes the desktop app was asked to open: granted for import by path and offered to the recruiter. */
  openFiles(paths: readonly string[]): Promise<void>
}

/** Builds screening's services from their dependencies and exposes them as request handlers. */
export function createApp(deps: ScreeningDeps): ScreeningApp {
  const { db, writer, clock, events, queue, catalog } = deps
  // One set of in-memory pools: the preview while a job is edited warms the re-rank that saving it runs.
  const pools = createPoolCache(db)
  const ranker = createRanker({ db, direct: deps.direct, clock, events, related: catalog.related, pools })
  const rerankOnly = ranker.rerank
  // Every re-rank also queues the semantic signal when embeddings are available (the embed job itself re-ranks plainly).
  const rerank: Rerank = async (jobId) => {
    const summary = await rerankOnly(jobId)
    await queueEmbeddings(db, queue, deps.ai, jobId)
    return summary
  }
  const files = createFileStore(deps.dataDir)
  const grants = createPathGrants()
  const opened = createOpenedFiles({ grants, events })
  const jobs = createJobsService({ db, writer, rerank })
  const previewRerank = createRerankPreview({ direct: deps.direct, pools, related: catalog.related, getJob: jobs.get })
  const intake = createIntakeService({ db, clock, queue, events, files })
  const pipeline = createPipeline({ db, direct: deps.direct, writer, rerank, events, actor: deps.actor })
  const needParser = () => {
    if (!deps.parser) throw new StudioError('unavailable', 'Resume import is not available in this build')
  }

  return {
    rerank,
    openFiles: (paths) => opened.open(paths),
    async start() {
      const rereading = deps.loadReader ? { loadReader: deps.loadReader, writer } : undefined
      const refreshed = await refreshStaleReads(db, catalog, rereading)
      const stale = new Set([...refreshed, ...(await jobsScoredBefore(db))])
      for (const jobId of stale) await rerankOnly(jobId)
      await markScoresCurrent(db)
      // A file that cannot be removed now is tried again at the next start; it must not stop this one.
      await dropStaleRefusedUploads(db, files, clock.now()).catch((error: unknown) =>
        deps.logger.warn('kept refused uploads not cleared', { error: String(error) }),
      )
    },
    jobs: [
      ...(deps.parser
        ? [
            intakeJob({
              db,
              direct: deps.direct,
              writer,
              clock,
              events,
              logger: deps.logger,
              parser: deps.parser,
              files,
              rerank,
              outgoing: deps.outgoing,
            }) as JobDefinition<never>,
          ]
        : []),
      ...(deps.ai
        ? [embedJob({ db, clock, ai: deps.ai, rerank: rerankOnly, quota: deps.quota }) as JobDefinition<never>]
        : []),
    ],
    handlers: {
      'jobs.list': (filter) => jobs.list(filter),
      'jobs.facets': () => jobs.facets(),
      'jobs.get': ({ id }) => jobs.get(id),
      'jobs.create': (input) => jobs.create(input),
      'jobs.update': ({ id, patch }) => jobs.update(id, patch),
      'jobs.rerankPreview': ({ id, draft, top }) => previewRerank(id, draft, top),
      'jobs.setStatus': ({ id, status }) => jobs.setStatus(id, status),
      'jobs.suggestSkills': ({ title, text }) => catalog.suggest(title, text),
      'jobs.readPosting': ({ text }) => ({ minYears: yearsAskedIn(text), educationLevel: educationAskedIn(text) }),
      'jobs.searchSkills': ({ query, limit }) => catalog.search(query, limit),
      'intake.importPaths': async (input) => {
        needParser()
        await grants.check(input.paths)
        return intake.importPaths(input)
      },
      'intake.importFiles': (input) => (needParser(), intake.importFiles(input)),
      'intake.choosePaths': async ({ kind }) => {
        if (!deps.choosePaths)
          throw new StudioError('unavailable', 'There is no file dialog here; drop files or use the file picker')
        const paths = await deps.choosePaths(kind)
        await grants.grant(kind, paths)
        return { paths }
      },
      'intake.takeOpenedFiles': async () => ({ paths: opened.take() }),
      'intake.cancel': ({ batchId }) => intake.cancel(batchId),
      'intake.importAnyway': ({ itemId }) => (needParser(), intake.importAnyway(itemId)),
      'intake.get': ({ batchId }) => intake.get(batchId),
      'intake.list': (filter) => intake.list(filter),
      'candidates.list': async (input) => {
        const list = await listCandidates(db, input)
        // Opening a job's list comes before editing the job: load its pool now, after answering, so the edit re-ranks warm.
        if (input.jobId) {
          ranker
            .warm(input.jobId)
            .catch((error: unknown) => deps.logger.warn('pool warm-up failed', { error: String(error) }))
        }
        return list
      },
      'candidates.get': ({ candidateId, jobId }) => candidateDetail({ db, catalog }, candidateId, jobId),
      'candidates.setStatus': ({ applicationId, status }) => pipeline.setStatus(applicationId, status),
      'candidates.undoStatus': ({ applicationId }) => pipeline.undoStatus(applicationId),
      'candidates.addNote': ({ candidateId, jobId, body }) => pipeline.addNote(candidateId, jobId, body),
      'candidates.setTags': ({ candidateId, tags }) => pipeline.setTags(candidateId, tags),
      'candidates.addToJob': ({ jobId, candidateIds }) => pipeline.addToJob(jobId, candidateIds),
      'board.get': (filter) => boardView(db, filter),
      'board.funnel': ({ jobId }) => funnelView(db, jobId),
      'analytics.get': ({ jobId }) => analyticsView(db, jobId ?? null),
    },
  }
}
