import { uuidv7 } from 'uuidv7'
import { insertRow, type Direct } from '../../db/direct'
import type { SyncedWriter } from '../../db/synced'
import { addApplication, ensureApplication } from '../candidates/applications'
import { emailKey, phoneKey, samePersonAmong } from '../candidates/contact-keys'
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
export function settleItem(direct: Direct, itemId: number, outcome: SettledOutcome, now: number): void {
  const { changes } = direct.run(
    "update intake_items set outcome = ?, reason = ?, message = ?, candidate_id = ?, updated_at = ? where id = ? and outcome = 'pending'",
    [outcome.outcome, outcome.reason, outcome.message, outcome.candidateId, now, itemId],
  )
  if (changes !== 1) throw new Error(`intake item ${itemId} was already settled`)
}

/** A file whose exact bytes were imported before: no new file, but the person joins this job. */
export function duplicateOfFile(
  direct: Direct,
  writer: SyncedWriter,
  ref: ItemRef,
  hash: string,
): SettledOutcome | null {
  const existing = direct.get<{ candidate_id: string; file_name: string; name: string }>(
    `select f.candidate_id, f.file_name, c.name from resume_files f join candidates c on c.id = f.candidate_id
     where f.content_hash = ? and f.deleted_at is null and c.deleted_at is null limit 1`,
    [hash],
  )
  if (!existing) return null
  if (ref.jobId) ensureApplication(direct, writer, ref.jobId, existing.candidate_id)
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

/** What a candidate is called when their resume names no one: its file's name. */
export const nameFromFile = (fileName: string) =>
  fileName
    .replace(/\.[^.]+$/, '')
    .replace(/[_-]+/g, ' ')
    .trim() || 'Unnamed candidate'

/** The name a candidate is stored under: the one their resume gives, else its file's. */
export const candidateName = (read: string | null, fileName: string) =>
  (read?.trim() || nameFromFile(fileName)).slice(0, 200)

function candidateColumns(file: ParsedFile) {
  const { contact } = file.resume
  return {
    name: candidateName(contact.name, file.fileName),
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

/** A candidate's scoring features and their evidence lines, replacing what was stored before. */
export function writeFeatures(
  direct: Direct,
  candidateId: string,
  fileId: string,
  features: ResumeFeatures,
  now: number,
) {
  direct.run(
    `insert into candidate_features (candidate_id, file_id, skill_ids, total_years, education_rank, doc_length, terms,
       embedding, embedding_model, updated_at) values (?, ?, ?, ?, ?, ?, ?, null, null, ?)
     on conflict (candidate_id) do update set file_id = excluded.file_id, skill_ids = excluded.skill_ids,
       total_years = excluded.total_years, education_rank = excluded.education_rank, doc_length = excluded.doc_length,
       terms = excluded.terms, embedding = null, embedding_model = null, updated_at = excluded.updated_at`,
    [
      candidateId,
      fileId,
      skillIdsColumn(features.skillIds),
      features.totalYears,
      features.educationRank,
      features.terms.length,
      packTermVector(features.terms),
      now,
    ],
  )
  direct.run(
    `insert into candidate_evidence (candidate_id, skill_evidence) values (?, ?)
     on conflict (candidate_id) do update set skill_evidence = excluded.skill_evidence`,
    [candidateId, JSON.stringify(features.skillEvidence)],
  )
}

/**
 * Records a parsed resume: a new candidate, or (same email or phone) one more file for a known
 * person, who is then read from whichever of their files is newer. Both files are always kept.
 */
export function recordParsedFile(
  direct: Direct,
  writer: SyncedWriter,
  ref: ItemRef,
  file: ParsedFile,
  now: number,
): SettledOutcome {
  const sameFile = duplicateOfFile(direct, writer, ref, file.hash)
  if (sameFile) return sameFile

  const columns = candidateColumns(file)
  let person: { id: string; name: string; current_file_id: string | null; matchedBy: string } | undefined
  if (columns.email_key || columns.phone_key) {
    const rows = direct.all<{
      id: string
      name: string
      current_file_id: string | null
      email_key: string | null
      phone_key: string | null
    }>(
      `select id, name, current_file_id, email_key, phone_key from candidates
       where deleted_at is null and (email_key = ? or phone_key = ?) order by created_at`,
      [columns.email_key, columns.phone_key],
    )
    const keys = { emailKey: columns.email_key, phoneKey: columns.phone_key }
    const match = samePersonAmong(keys, rows, (row) => ({ emailKey: row.email_key, phoneKey: row.phone_key }))
    if (match) person = { ...match.person, matchedBy: match.by }
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
    insertRow(direct, 'resume_documents', {
      file_id: fileId,
      text: file.document.text,
      hidden_text: file.document.hiddenText,
      parsed: JSON.stringify(file.resume),
    })

  if (person) {
    const fileId = writer.insertNow(direct, 'resume_files', { candidate_id: person.id, ...fileValues })
    storeDocument(fileId)
    const current = person.current_file_id
      ? direct.get<{ file_time: number }>('select file_time from resume_files where id = ?', [person.current_file_id])
      : undefined
    const newer = !current || file.fileTime >= current.file_time
    if (newer) {
      writer.updateNow(direct, 'candidates', person.id, { ...columns, current_file_id: fileId })
      writeFeatures(direct, person.id, fileId, file.features, now)
    }
    if (ref.jobId) ensureApplication(direct, writer, ref.jobId, person.id)
    return {
      outcome: 'duplicate',
      reason: 'same_person',
      message: `Same person as ${person.name} (same ${person.matchedBy}); both files are kept and the ${newer ? 'new' : 'existing'} one is newer, so it is used`,
      candidateId: person.id,
    }
  }

  const fileId = uuidv7()
  const candidateId = writer.insertNow(direct, 'candidates', { ...columns, tags: '[]', current_file_id: fileId })
  writer.insertNow(direct, 'resume_files', { id: fileId, candidate_id: candidateId, ...fileValues })
  storeDocument(fileId)
  writeFeatures(direct, candidateId, fileId, file.features, now)
  if (ref.jobId) addApplication(direct, writer, ref.jobId, candidateId)
  return { outcome: 'imported', reason: null, message: null, candidateId }
}
