import fs from 'node:fs'
import path from 'node:path'
import type { Kysely } from 'kysely'
import type { DataExport } from '../../../shared/contract/rights'
import { pathInside } from '../data-folder/inside'
import type { Database } from '../db/schema'
import { candidateJsonResume } from '../exports/json-resume'
import { writeStoredZip } from '../screening/extract/zip'

/** Reads a file in the data folder, or null when it is missing or would leave the folder. */
function readInside(dataDir: string, relative: string): Buffer | null {
  const full = pathInside(dataDir, '', relative)
  if (!full || !fs.existsSync(full)) return null
  return fs.readFileSync(full)
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2))

/** A name safe inside a zip: no folders, no dots leading out. */
const entryName = (name: string) => name.replace(/[\\/]+/g, '_').replace(/^\.+/, '_') || 'file'

async function interviewEntries(
  db: Kysely<Database>,
  dataDir: string,
  sessionId: string,
  files: Map<string, Uint8Array>,
) {
  const dir = `interviews/${sessionId}`
  const answers = await db
    .selectFrom('interview_answers')
    .select([
      'turn_index',
      'question_text',
      'input_mode',
      'text',
      'transcript_words',
      'started_at',
      'ended_at',
      'skipped',
    ])
    .where('session_id', '=', sessionId)
    .orderBy('turn_index')
    .execute()
  files.set(`${dir}/answers.json`, json(answers))
  const assessments = await db.selectFrom('assessments').selectAll().where('session_id', '=', sessionId).execute()
  const ids = assessments.map((a) => a.id)
  files.set(
    `${dir}/assessment.json`,
    json({
      assessments,
      answerScores: ids.length
        ? await db.selectFrom('assessment_answer_scores').selectAll().where('assessment_id', 'in', ids).execute()
        : [],
      integritySignals: await db
        .selectFrom('assessment_integrity_signals')
        .selectAll()
        .where('session_id', '=', sessionId)
        .execute(),
      decisions: await db.selectFrom('assessment_decisions').selectAll().where('session_id', '=', sessionId).execute(),
      overrides: await db
        .selectFrom('assessment_score_overrides')
        .selectAll()
        .where('session_id', '=', sessionId)
        .execute(),
      consentAndKioskEvents: await db
        .selectFrom('interview_kiosk_events')
        .selectAll()
        .where('session_id', '=', sessionId)
        .execute(),
    }),
  )
  const recordings = await db
    .selectFrom('interview_recordings')
    .select('path')
    .where('session_id', '=', sessionId)
    .execute()
  for (const r of recordings) {
    const bytes = readInside(dataDir, r.path)
    if (bytes) files.set(`${dir}/recordings/${entryName(path.posix.basename(r.path))}`, bytes)
  }
}

/**
 * Everything the studio holds about one candidate, for an access request: their resume as JSON
 * Resume and as the files they sent, the recruiter's notes, and per interview the answers with
 * their transcripts, the assessments (scores, integrity signals, decisions) and the recordings.
 * One stored (uncompressed) zip: recordings are compressed already.
 */
export async function exportCandidateData(
  db: Kysely<Database>,
  dataDir: string,
  candidateId: string,
  now: number,
): Promise<DataExport> {
  const resume = await candidateJsonResume(db, candidateId, now)
  const files = new Map<string, Uint8Array>()
  files.set('resume.json', json(resume))
  const applications = await db
    .selectFrom('applications as a')
    .leftJoin('job_openings as j', 'j.id', 'a.job_id')
    .select(['j.title as job', 'a.status', 'a.created_at', 'a.updated_at'])
    .where('a.candidate_id', '=', candidateId)
    .execute()
  const notes = await db
    .selectFrom('candidate_notes')
    .select(['body', 'created_at'])
    .where('candidate_id', '=', candidateId)
    .execute()
  files.set('applications.json', json({ applications, notes }))
  const resumeFiles = await db
    .selectFrom('resume_files')
    .select(['id', 'file_name', 'stored_path'])
    .where('candidate_id', '=', candidateId)
    .execute()
  for (const f of resumeFiles) {
    const bytes = readInside(dataDir, f.stored_path)
    if (bytes) files.set(`resume-files/${f.id}-${entryName(f.file_name)}`, bytes)
  }
  const sessions = await db
    .selectFrom('interview_sessions')
    .select('id')
    .where('candidate_id', '=', candidateId)
    .execute()
  for (const s of sessions) await interviewEntries(db, dataDir, s.id, files)
  return {
    fileName: `${resume.basics.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'candidate'}-data.zip`,
    mediaType: 'application/zip',
    base64: Buffer.from(writeStoredZip(files)).toString('base64'),
    entries: [...files.keys()],
  }
}
