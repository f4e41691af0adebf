import type { Transaction } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { Database } from '../../db/schema'
import type { SyncedWriter } from '../../db/synced'
import { addApplication, ensureApplication } from '../candidates/applications'
import { emailKey, phoneKey, samePersonBy } from '../candidates/contact-keys'
import { skillIdsColumn } from '../candidates/pool'
import { packTermVector } from '../scoring/term-vector'
import type { ResumeFeatures } from '../scoring/features'
import type { ExtractedDocument, ParsedResume } from '../types'

export interface ItemRef {
  itemId: number
  jobId: string | null
}

export interface SettledOutcome {
  outcome: 'imported' | 'duplicate' | 'refused'
  reason: string | null
  message: string | null
  candidateId: string | null
}

/** Marks an item settled; the caller checked it is pending in this transaction, so anything else is a bug and rolls back. */
export async function settleItem(
  trx: Transaction<Database>,
  itemId: number,
  outcome: SettledOutcome,
  now: number,
): Promise<void> {
  const result = await trx
    .updateTable('intake_items')
    .set({
      outcome: outcome.outcome,
      reason: outcome.reason,
      message: outcome.message,
      candidate_id: outcome.candidateId,
      updated_at: now,
    })
    .where('id', '=', itemId)
    .where('outcome', '=', 'pending')
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) throw new Error(`intake item ${itemId} was already settled`)
}

/** A file whose exact bytes were imported before: no new file, but the person joins this job. */
export async function duplicateOfFile(
  trx: Transaction<Database>,
  writer: SyncedWriter,
  ref: ItemRef,
  hash: string,
): Promise<SettledOutcome | null> {
  const existing = await trx
    .selectFrom('resume_files as f')
    .innerJoin('candidates as c', 'c.id', 'f.candidate_id')
    .select(['f.candidate_id', 'f.file_name', 'c.name'])
    .where('f.content_hash', '=', hash)
    .where('f.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .executeTakeFirst()
  if (!existing) return null
  if (ref.jobId) await ensureApplication(trx, writer, ref.jobId, existing.candidate_id)
  return {
    outcome: 'duplicate',
    reason: 'same_file',
    message: `The same file was already imported (${existing.file_name}, ${existing.name})`,
    candidateId: existing.candidate_id,
  }
}

export interface ParsedFile {
  fileName: string
  hash: string
  storedPath: string
  size: number
  fileTime: number
  document: ExtractedDocument
  resume: ParsedResume
  features: ResumeFeatures
}

function candidateColumns(file: ParsedFile) {
  const { contact } = file.resume
  const fallbackName =
    file.fileName
      .replace(/\.[^.]+$/, '')
      .replace(/[_-]+/g, ' ')
      .trim() || 'Unnamed candidate'
  return {
    name: (contact.name?.trim() || fallbackName).slice(0, 200),
    email: contact.email,
    phone: contact.phone,
    email_key: emailKey(contact.email),
    phone_key: phoneKey(contact.phone),
    links: JSON.stringify(contact.links.slice(0, 20)),
    current_title: file.resume.currentTitle,
    total_years: file.features.totalYears,
    education_level: file.resume.educationLevel,
  }
}

async function writeFeatures(
  trx: Transaction<Database>,
  candidateId: string,
  fileId: string,
  features: ResumeFeatures,
  now: number,
) {
  const values = {
    file_id: fileId,
    skill_ids: skillIdsColumn(features.skillIds),
    skill_evidence: JSON.stringify(features.skillEvidence),
    total_years: features.totalYears,
    education_rank: features.educationRank,
    doc_length: features.terms.length,
    terms: packTermVector(features.terms),
    embedding: null,
    embedding_model: null,
    updated_at: now,
  }
  await trx
    .insertInto('candidate_features')
    .values({ candidate_id: candidateId, ...values })
    .onConflict((oc) => oc.column('candidate_id').doUpdateSet(values))
    .execute()
}

/**
 * Records a parsed resume: a new candidate, or (same email or phone) one more file for a known
 * person, who is then read from whichever of their files is newer. Both files are always kept.
 */
export async function recordParsedFile(
  trx: Transaction<Database>,
  writer: SyncedWriter,
  ref: ItemRef,
  file: ParsedFile,
  now: number,
): Promise<SettledOutcome> {
  const sameFile = await duplicateOfFile(trx, writer, ref, file.hash)
  if (sameFile) return sameFile

  const columns = candidateColumns(file)
  let person: { id: string; name: string; current_file_id: string | null; matchedBy: string } | undefined
  if (columns.email_key || columns.phone_key) {
    const rows = await trx
      .selectFrom('candidates')
      .select(['id', 'name', 'current_file_id', 'email_key', 'phone_key'])
      .where('deleted_at', 'is', null)
      .where((eb) =>
        eb.or([
          ...(columns.email_key ? [eb('email_key', '=', columns.email_key)] : []),
          ...(columns.phone_key ? [eb('phone_key', '=', columns.phone_key)] : []),
        ]),
      )
      .orderBy('created_at')
      .execute()
    const keys = { emailKey: columns.email_key, phoneKey: columns.phone_key }
    const byEmail = rows.find(
      (row) => samePersonBy(keys, { emailKey: row.email_key, phoneKey: row.phone_key }) === 'email',
    )
    const match =
      byEmail ??
      rows.find((row) => samePersonBy(keys, { emailKey: row.email_key, phoneKey: row.phone_key }) === 'phone')
    if (match) person = { ...match, matchedBy: byEmail ? 'email' : 'phone' }
  }

  const fileValues = {
    file_name: file.fileName.slice(0, 255),
    content_hash: file.hash,
    format: file.document.format,
    size: file.size,
    stored_path: file.storedPath,
    file_time: file.fileTime,
    pages: file.document.pages,
    flags: JSON.stringify(file.document.flags),
  }
  const storeDocument = (fileId: string) =>
    trx
      .insertInto('resume_documents')
      .values({
        file_id: fileId,
        text: file.document.text,
        hidden_text: file.document.hiddenText,
        parsed: JSON.stringify(file.resume),
      })
      .execute()

  if (person) {
    const fileId = await writer.insert(trx, 'resume_files', { candidate_id: person.id, ...fileValues })
    await storeDocument(fileId)
    const current = person.current_file_id
      ? await trx
          .selectFrom('resume_files')
          .select('file_time')
          .where('id', '=', person.current_file_id)
          .executeTakeFirst()
      : undefined
    const newer = !current || file.fileTime >= current.file_time
    if (newer) {
      await writer.update(trx, 'candidates', person.id, { ...columns, current_file_id: fileId })
      await writeFeatures(trx, person.id, fileId, file.features, now)
    }
    if (ref.jobId) await ensureApplication(trx, writer, ref.jobId, person.id)
    return {
      outcome: 'duplicate',
      reason: 'same_person',
      message: `Same person as ${person.name} (same ${person.matchedBy}); both files are kept and the ${newer ? 'new' : 'existing'} one is newer, so it is used`,
      candidateId: person.id,
    }
  }

  const fileId = uuidv7()
  const candidateId = await writer.insert(trx, 'candidates', { ...columns, tags: '[]', current_file_id: fileId })
  await writer.insert(trx, 'resume_files', { id: fileId, candidate_id: candidateId, ...fileValues })
  await storeDocument(fileId)
  await writeFeatures(trx, candidateId, fileId, file.features, now)
  if (ref.jobId) await addApplication(trx, writer, ref.jobId, candidateId)
  return { outcome: 'imported', reason: null, message: null, candidateId }
}
