import type { Direct } from '../../db/direct'
import { commitOutcome, settleLater, type BatchRun, type IntakeItem } from './batch-run'
import { contentHash } from './file-store'
import { dropStagedIfUnused, readSource, refused, type SourceFile } from './intake-source'
import { KEEP_REFUSED_UPLOADS_MS } from './kept-refusals'
import { duplicateOfFile, recordParsedFile } from './record-outcome'

const itemRef = (run: BatchRun, item: IntakeItem) => ({ itemId: item.id, jobId: run.batch.job_id })

/** Reads, checks, parses and stores one file; its outcome is committed, or left to commit with others. */
export async function importItem(run: BatchRun, item: IntakeItem): Promise<void> {
  const { db, writer } = run.deps
  const source = await readSource(run.deps, item)
  if ('outcome' in source) return settleLater(run, item, () => source)
  const hash = contentHash(source.bytes)
  // Before parsing, to save the work; recordParsedFile checks again in its own transaction, for files racing in parallel.
  const known = await db
    .selectFrom('resume_files')
    .select('id')
    .where('content_hash', '=', hash)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  const sameFile = known
    ? await commitOutcome(run, item, (trx) => duplicateOfFile(trx, writer, itemRef(run, item), hash))
    : null
  if (sameFile) return
  await parseAndStore(run, item, source, hash)
}

async function parseAndStore(run: BatchRun, item: IntakeItem, source: SourceFile, hash: string): Promise<void> {
  const { writer, parser, files, clock, logger } = run.deps
  const { signal } = run.ctx
  let parsed
  try {
    parsed = await parser.parse(source.bytes, item.name, signal, { acceptNonResume: item.accept_non_resume === 1 })
  } catch (error) {
    if (signal.aborted) throw error
    logger.warn('resume parser failed', { name: item.name, error: String(error) })
    return settleLater(run, item, () => refused('corrupt', 'The file could not be read; it may be damaged'))
  }
  if (!parsed.ok) {
    const { reason, message } = parsed.refusal
    // Uploaded bytes refused as not a resume are kept, so that the recruiter can import them anyway.
    const keptSince = run.deps.clock.now() - KEEP_REFUSED_UPLOADS_MS
    const after = reason === 'not_a_resume' ? undefined : () => dropStagedIfUnused(run.deps, item, keptSince)
    return settleLater(run, item, () => refused(reason, message), after)
  }
  const stored = await files.put(source.bytes, item.name, hash)
  settleLater(run, item, (trx) => {
    const outcome = recordParsedFile(
      trx,
      writer,
      itemRef(run, item),
      {
        fileName: item.name,
        hash,
        storedPath: stored.relativePath,
        size: source.bytes.byteLength,
        fileTime: source.fileTime,
        document: parsed.document,
        resume: parsed.resume,
        features: parsed.features,
      },
      clock.now(),
    )
    if (outcome.outcome === 'imported' && outcome.candidateId) announceCandidate(run, trx, outcome.candidateId)
    return outcome
  })
}

/** A new person (not a second file of someone already known) is what an ATS counts as a new candidate. */
function announceCandidate(run: BatchRun, trx: Direct, candidateId: string): void {
  const candidate = trx.get<{ name: string }>('select name from candidates where id = ?', [candidateId])
  run.deps.outgoing.recordNow(trx, {
    type: 'candidate.created',
    data: { candidateId, name: candidate?.name ?? '', jobId: run.batch.job_id },
  })
}
