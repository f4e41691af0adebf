import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'kysely'
import { createFileStore } from '@core/screening/intake/file-store'
import { assessedCandidate, createJob, seedCandidate } from '../assessment/assessed-job'
import type { AssessmentWorld } from '../assessment/world'

export const NAME = 'Zebediah Quillfeather'
export const EMAIL = 'zebediah.quillfeather@example.org'
export const NOTE = 'Spoke with Zebediah about relocation to Lisbon.'

/**
 * A candidate with everything the studio can hold about them: an application, a resume file and its
 * text, a note, an interview with a recording on disk, its AI assessment and the recruiter's decision.
 */
export async function fullCandidate(w: AssessmentWorld) {
  await w.setKey()
  const jobId = await createJob(w, 'Backend engineer')
  const { candidateId, sessionId } = await assessedCandidate(w, jobId, NAME, 4)
  const store = createFileStore(w.dataDir)
  const resume = await store.put(Buffer.from(`${NAME}\n${EMAIL}\nBackend engineer, six years.`), 'resume.txt')
  await w.studio.db.transaction().execute(async (trx) => {
    const fileId = await w.studio.writer.insert(trx, 'resume_files', {
      candidate_id: candidateId,
      file_name: 'zebediah-resume.txt',
      content_hash: resume.hash,
      format: 'txt',
      size: 60,
      stored_path: resume.relativePath,
      file_time: 1,
      pages: 1,
      flags: '[]',
    })
    await trx
      .insertInto('resume_documents')
      .values({ file_id: fileId, text: `${NAME} ${EMAIL}`, hidden_text: '', parsed: '{}' })
      .execute()
    await w.studio.writer.update(trx, 'candidates', candidateId, { email: EMAIL, current_file_id: fileId })
  })
  await w.call('candidates.addNote', { candidateId, body: NOTE })
  // Questions generated from the resume, cached as interviews/generation caches them: by the text's hash.
  await w.studio.db
    .insertInto('question_generation_cache')
    .values({
      cache_key: 'generated-for-zebediah',
      job_id: jobId,
      difficulty: 'standard',
      resume_hash: crypto.createHash('sha256').update(`${NAME} ${EMAIL}`).digest('hex'),
      prompt_version: 'v1',
      questions: JSON.stringify([{ text: `${NAME}, tell us about your six years.` }]),
      created_at: 1,
    })
    .execute()
  await w.call('assessments.decide', { sessionId, decision: 'advance', note: `Advance ${NAME}` })
  const recording = `recordings/${sessionId}/turn-000-abcdef.wav`
  fs.mkdirSync(path.join(w.dataDir, 'recordings', sessionId), { recursive: true })
  fs.writeFileSync(path.join(w.dataDir, recording), Buffer.from('RIFF fake audio'))
  await w.studio.db
    .insertInto('interview_recordings')
    .values({
      id: 'rec-zebediah',
      session_id: sessionId,
      turn_index: 0,
      kind: 'audio',
      path: recording,
      status: 'complete',
      sample_rate: 16_000,
      bytes: 15,
      duration_ms: 1000,
      answer_id: null,
      started_at: 1,
      ended_at: 2,
    })
    .execute()
  return { candidateId, sessionId, jobId, resumePath: resume.relativePath, recording }
}

/** Someone else, whose rows must survive the deletion. */
export async function otherCandidate(w: AssessmentWorld) {
  const id = await seedCandidate(w, 'Other Person')
  await w.call('candidates.addNote', { candidateId: id, body: 'Keep this note.' })
  return id
}

/** Every file under the folder, recursively, relative to it. */
export function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
}

/** The text of every row of every table, one string per table. */
export async function everyTableText(w: AssessmentWorld): Promise<Map<string, string>> {
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(w.studio.db)
  const out = new Map<string, string>()
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(w.studio.db)
    out.set(
      name,
      rows.rows
        .map((r) =>
          Object.values(r)
            .map((v) => (Buffer.isBuffer(v) ? v.toString('latin1') : String(v)))
            .join('\u0001'),
        )
        .join('\n'),
    )
  }
  return out
}

/** A published one-question template and the candidate's invitation code. */
export async function invited(w: AssessmentWorld, candidateId: string) {
  const template = await w.call<{ id: string }>('templates.create', {
    name: 'Support engineer',
    jobId: null,
    settings: { maxQuestions: 4, maxDurationMinutes: 30, maxFollowUps: 0 },
  })
  await w.call('questions.add', {
    templateId: template.id,
    question: {
      type: 'technical',
      text: 'How would you use caching in a busy web service?',
      skill: 'caching',
      difficulty: 'standard',
      timeLimitSec: 120,
      retakesAllowed: 0,
      rubric: [{ name: 'Correctness', description: 'Explains caching accurately', weight: 3 }],
      expectedPoints: ['caching trade-offs'],
    },
  })
  await w.call('templates.publish', { id: template.id })
  return (
    await w.call<{ code: string }>('invitations.create', {
      templateId: template.id,
      candidateId,
      candidateName: 'Ines',
    })
  ).code
}
