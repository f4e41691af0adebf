import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { skillLabel, type JobSkill } from '../../../../shared/contract/screening'
import type { AiCapabilities } from '../../ai/types'
import { UNMETERED, type QuotaGate } from '../../billing/types'
import type { Clock } from '../../clock'
import type { Database } from '../../db/schema'
import type { Queue } from '../../queue/queue'
import { defineJob, PermanentJobError } from '../../queue/types'
import { toJobView } from '../jobs/job-row'
import type { Rerank } from './rerank'

export const EMBED_JOB = 'screening.embed'

/** Enough of a resume or job to place it (about 2,000 tokens); the rest adds cost, not meaning. */
const MAX_CHARS = 8000
const BATCH = 64

export interface EmbedJobDeps {
  db: Kysely<Database>
  clock: Clock
  ai: AiCapabilities
  rerank: Rerank
  /** A team workspace's AI quota, asked before the first call to the embeddings provider. */
  quota?: QuotaGate
}

const toBlob = (vector: number[]) => Buffer.from(new Float32Array(vector).buffer)
/** Vectors are comparable only from the same model; its dimension is what the embeddings interface tells us. */
const modelOf = (vector: number[]) => `embeddings:${vector.length}`
const jobText = (job: {
  title: string
  description: string
  requirements: string
  requiredSkills: JobSkill[]
  preferredSkills: JobSkill[]
}) =>
  [
    job.title,
    job.requiredSkills.map(skillLabel).join(', '),
    job.preferredSkills.map(skillLabel).join(', '),
    job.requirements,
    job.description,
  ]
    .join('\n')
    .slice(0, MAX_CHARS)

/**
 * The optional semantic signal: embeds the job and any of its candidates not yet embedded, then
 * re-ranks so the similarity shows beside the score. It runs through the queue, so offline it
 * simply waits or fails and retries; the offline score is computed without it and never changes.
 */
export function embedJob(deps: EmbedJobDeps) {
  const { db, clock, ai } = deps
  return defineJob({
    kind: EMBED_JOB,
    payload: z.object({ jobId: z.string().min(1).max(64) }),
    title: () => 'Semantic similarity for a job’s candidates',
    maxAttempts: 6,
    leaseMs: 120_000,
    async run({ jobId }, ctx) {
      const row = await db.selectFrom('job_openings').selectAll().where('id', '=', jobId).executeTakeFirst()
      if (!row) throw new PermanentJobError('The job no longer exists')
      const provider = ai.embeddings()
      // Keyed by the queue's job id (kept by every retry): one unit per run, asked only when the
      // provider is about to be called, and given back when it never answered.
      const work = `${EMBED_JOB}:${ctx.jobId}`
      const quota = deps.quota ?? UNMETERED
      let admitted = false
      let answered = false
      const embeddings = {
        async embed(texts: string[], options: Parameters<typeof provider.embed>[1]) {
          if (!admitted) {
            const admission = await quota.admit(work, 'ai_screening')
            if (!admission.ok) throw new PermanentJobError(admission.message)
            admitted = true
          }
          try {
            const vectors = await provider.embed(texts, options)
            answered = true
            return vectors
          } catch (error) {
            if (!answered) await quota.release(work)
            throw error
          }
        },
      }
      const text = jobText(toJobView(row, 0))
      const textHash = crypto.createHash('sha256').update(text).digest('hex')
      const stored = await db
        .selectFrom('job_embeddings')
        .select(['text_hash', 'model'])
        .where('job_id', '=', jobId)
        .executeTakeFirst()
      let model = stored?.model
      if (stored?.text_hash !== textHash) {
        const [vector] = await embeddings.embed([text], { signal: ctx.signal, scope: { jobId } })
        if (!vector?.length) throw new Error('The embeddings provider returned nothing')
        model = modelOf(vector)
        const values = { text_hash: textHash, model, vector: toBlob(vector), updated_at: clock.now() }
        await db
          .insertInto('job_embeddings')
          .values({ job_id: jobId, ...values })
          .onConflict((oc) => oc.column('job_id').doUpdateSet(values))
          .execute()
      }
      const missing = await db
        .selectFrom('applications as a')
        .innerJoin('candidate_features as f', 'f.candidate_id', 'a.candidate_id')
        .innerJoin('resume_documents as d', 'd.file_id', 'f.file_id')
        .select(['f.candidate_id', 'f.file_id', 'd.text'])
        .where('a.job_id', '=', jobId)
        .where('a.deleted_at', 'is', null)
        .where((eb) => eb.or([eb('f.embedding', 'is', null), eb('f.embedding_model', '!=', model ?? '')]))
        .execute()
      for (let i = 0; i < missing.length; i += BATCH) {
        if (ctx.signal.aborted) throw new Error('cancelled')
        const batch = missing.slice(i, i + BATCH)
        const vectors = await embeddings.embed(
          batch.map((m) => m.text.slice(0, MAX_CHARS) || ' '),
          { signal: ctx.signal, scope: { jobId } },
        )
        await db.transaction().execute(async (trx) => {
          for (const [k, member] of batch.entries()) {
            const vector = vectors[k]
            if (!vector?.length) continue
            // Only if the features still come from the file that was embedded (a newer resume may have replaced it).
            await trx
              .updateTable('candidate_features')
              .set({ embedding: toBlob(vector), embedding_model: modelOf(vector), updated_at: clock.now() })
              .where('candidate_id', '=', member.candidate_id)
              .where('file_id', '=', member.file_id)
              .execute()
          }
        })
        ctx.progress((i + batch.length) / missing.length, `${i + batch.length} of ${missing.length} resumes`)
      }
      await deps.rerank(jobId)
      return { embedded: missing.length }
    },
  })
}

/** Queues the semantic signal for a job when embeddings are available; otherwise does nothing. */
export async function queueEmbeddings(
  db: Kysely<Database>,
  queue: Queue,
  ai: AiCapabilities | undefined,
  jobId: string,
): Promise<void> {
  if (!ai?.available('embeddings')) return
  const pending = await db
    .selectFrom('jobs')
    .select('id')
    .where('kind', '=', EMBED_JOB)
    .where('status', '=', 'queued')
    .where('payload', '=', JSON.stringify({ jobId }))
    .executeTakeFirst()
  if (pending) return
  await queue.enqueue(db, EMBED_JOB, { jobId }, { priority: -1 })
}
