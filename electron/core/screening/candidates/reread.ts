import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import type { SyncedWriter } from '../../db/synced'
import { candidateName, nameFromFile } from '../intake/record-outcome'
import type { ResumeFeatures } from '../scoring/features'
import { packTermVector } from '../scoring/term-vector'
import type { ContentFlag, ExtractedDocument, ParsedResume, ResumeFormat } from '../types'
import { skillIdsColumn } from './pool'

/** Reads a stored document again as intake reads a new one, "present" being `now`. May throw. */
export type StoredResumeReader = (
  document: ExtractedDocument,
  now: Date,
) => { parsed: ParsedResume; features: ResumeFeatures }

type Trx = Transaction<Database>

/** A candidate's current resume as stored: its text and what its file says of it. */
export interface StoredResume {
  candidate_id: string
  file_id: string
  text: string
  hidden_text: string
  /** Null for a resume stored without its file's row (none is, but the join allows it). */
  format: string | null
  pages: number | null
  flags: string | null
  file_name: string | null
  /** When the file was imported: "present" in its dates meant then. */
  imported_at: number | null
  candidate_name: string
}

const flagsOf = (flags: string | null): ContentFlag[] => {
  try {
    const value: unknown = JSON.parse(flags ?? '[]')
    return Array.isArray(value) ? (value as ContentFlag[]) : []
  } catch {
    return []
  }
}

/**
 * One candidate read again from their stored resume, as a newer reader reads it: the reading, the
 * scoring features and their evidence, and what the candidate shows of it (title, years, education,
 * and the name where the resume had given none). A JSON Resume keeps its reading (it came from its
 * fields, not its text); a name the recruiter gave is never replaced. Returns whether it was read.
 */
export async function rereadStoredResume(
  trx: Trx,
  writer: SyncedWriter,
  reader: StoredResumeReader,
  row: StoredResume,
): Promise<boolean> {
  if (row.format === 'json-resume') return false
  const document: ExtractedDocument = {
    format: (row.format ?? 'txt') as ResumeFormat,
    text: row.text,
    hiddenText: row.hidden_text,
    pages: row.pages ?? 1,
    flags: flagsOf(row.flags),
  }
  let read: ReturnType<StoredResumeReader>
  try {
    read = reader(document, new Date(row.imported_at ?? Date.now()))
  } catch {
    return false
  }
  const { parsed, features } = read
  await trx
    .updateTable('resume_documents')
    .set({ parsed: JSON.stringify(parsed) })
    .where('file_id', '=', row.file_id)
    .execute()
  await trx
    .updateTable('candidate_features')
    .set({
      skill_ids: skillIdsColumn(features.skillIds),
      total_years: features.totalYears,
      education_rank: features.educationRank,
      doc_length: features.terms.length,
      terms: packTermVector(features.terms),
    })
    .where('candidate_id', '=', row.candidate_id)
    .execute()
  await saveEvidence(trx, row.candidate_id, features.skillEvidence)
  await updateCandidate(trx, writer, row, parsed, features)
  return true
}

/** The line that proves each of a candidate's skills, in place of what was stored. */
export async function saveEvidence(trx: Kysely<Database>, candidateId: string, evidence: Record<string, string>) {
  await trx
    .updateTable('candidate_evidence')
    .set({ skill_evidence: JSON.stringify(evidence) })
    .where('candidate_id', '=', candidateId)
    .execute()
}

/** The candidate's shown fields, written (and so synced) only where the new reading differs. */
async function updateCandidate(
  trx: Trx,
  writer: SyncedWriter,
  row: StoredResume,
  parsed: ParsedResume,
  features: ResumeFeatures,
): Promise<void> {
  const shown = await trx
    .selectFrom('candidates')
    .select(['current_title', 'total_years', 'education_level', 'deleted_at'])
    .where('id', '=', row.candidate_id)
    .executeTakeFirst()
  if (!shown || shown.deleted_at !== null) return
  // Only a name the file's name stood in for is replaced; one the recruiter gave is theirs.
  const unnamed = row.file_name !== null && row.candidate_name === nameFromFile(row.file_name)
  const name = unnamed ? candidateName(parsed.contact.name, row.file_name!) : null
  const patch = {
    ...(shown.current_title !== parsed.currentTitle ? { current_title: parsed.currentTitle } : {}),
    ...(shown.total_years !== features.totalYears ? { total_years: features.totalYears } : {}),
    ...(shown.education_level !== parsed.educationLevel ? { education_level: parsed.educationLevel } : {}),
    ...(name && name !== row.candidate_name ? { name } : {}),
  }
  if (Object.keys(patch).length) await writer.update(trx, 'candidates', row.candidate_id, patch)
}
