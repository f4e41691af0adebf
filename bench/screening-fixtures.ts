import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { Studio } from '@core/studio'
import { buildResume, generatePeople, renderResume } from '../tests/fixtures/resumes'

/** Writes `count` realistic resumes into `dir`, half PDF and half DOCX; returns their paths. */
export async function writeResumeFolder(dir: string, count: number): Promise<string[]> {
  const files: string[] = []
  for (const [index, person] of generatePeople(count).entries()) {
    const format = index % 2 === 0 ? 'pdf' : 'docx'
    const file = path.join(dir, `${person.id}.${format}`)
    fs.writeFileSync(file, await renderResume(buildResume(person), format))
    files.push(file)
  }
  return files
}

/** Copies the imported candidates' stored features until the job holds `size` candidates. */
export async function growPool(studio: Pick<Studio, 'db'>, jobId: string, size: number): Promise<void> {
  const sources = await studio.db.selectFrom('candidate_features').select('candidate_id').execute()
  const now = Date.now()
  await studio.db.transaction().execute(async (trx) => {
    for (let i = 0; i < size; i++) {
      const source = sources[i % sources.length]!.candidate_id
      const id = uuidv7()
      await sql`insert into candidates (id, org_id, created_at, updated_at, deleted_at, name, email, phone, email_key, phone_key, links, current_title, total_years, education_level, tags, current_file_id)
        select ${id}, org_id, ${now}, ${now}, null, name, null, null, null, null, links, current_title, total_years, education_level, tags, current_file_id from candidates where id = ${source}`.execute(
        trx,
      )
      await sql`insert into candidate_features (candidate_id, file_id, skill_ids, total_years, education_rank, doc_length, terms, embedding, embedding_model, updated_at)
        select ${id}, file_id, skill_ids, total_years, education_rank, doc_length, terms, null, null, ${now} from candidate_features where candidate_id = ${source}`.execute(
        trx,
      )
      await sql`insert into applications (id, org_id, created_at, updated_at, deleted_at, job_id, candidate_id, status)
        select ${uuidv7()}, org_id, ${now}, ${now}, null, ${jobId}, ${id}, 'new' from candidates where id = ${id}`.execute(
        trx,
      )
    }
  })
}
