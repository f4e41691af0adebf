import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { writeFeatures } from '@core/screening/intake/record-outcome'
import { TERMS_VERSION } from '@core/screening/candidates/refresh-reads'
import { SCORE_VERSION } from '@core/screening/candidates/score-version'
import { SCREEN_READER_VERSION } from '@core/screening/intake/reader-version'
import { resumeTermVector } from '@core/screening/scoring/features'
import {
  fieldHash,
  frequencyOf,
  termHash,
  unpackTermVector,
  type TermVector,
} from '@core/screening/scoring/term-vector'
import { tokenize } from '@core/screening/scoring/tokenize'
import type { Studio } from '@core/studio'
import { createTempStudio } from '../../helpers/temp-studio'
import { seedCandidates } from './seed'

let studio: Studio | undefined
afterEach(async () => {
  await studio?.close()
  studio = undefined
})

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await studio!.dispatch(name, input, { audience: 'recruiter' })
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error)
  return result.value as T
}

/** A fresh studio (no workers) with one job, as each test here starts (the caller keeps `created.studio`). */
async function studioWithJob(input: Record<string, unknown>) {
  const created = await createTempStudio({ startWorkers: false })
  studio = created.studio
  return { created, job: await call<{ id: string }>('jobs.create', input) }
}

const metaValue = async (key: string) =>
  (await studio!.db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst())?.value

const TEXT =
  'Priya Raman\nQA Automation Engineer\npriya@example.com\nSkills\nSelenium, Java\nExperience\nTest Lead, Acme'
const PARSED = {
  sections: { skills: 'Selenium, Java' },
  employment: [{ title: 'Test Lead', company: 'Acme', start: '2019-01', end: null, current: true, source: '' }],
  skills: [{ skillId: 'selenium', name: 'Selenium', evidence: 'Selenium, Java', section: 'skills' }],
}

/** A vector as versions before TERMS_VERSION 2 stored it: body terms only. */
function bodyOnly(text: string): TermVector {
  const counts = new Map<number, number>()
  for (const token of tokenize(text)) counts.set(termHash(token), (counts.get(termHash(token)) ?? 0) + 1)
  const hashes = Uint32Array.from(counts.keys()).sort()
  return { length: tokenize(text).length, hashes, frequencies: Uint16Array.from(hashes, (h) => counts.get(h)!) }
}

const storedTerms = async (candidateId: string) => {
  const row = await studio!.db
    .selectFrom('candidate_features')
    .select(['terms', 'doc_length'])
    .where('candidate_id', '=', candidateId)
    .executeTakeFirstOrThrow()
  return unpackTermVector(row.terms, row.doc_length)
}

describe('stored term vectors from before the fields (TERMS_VERSION)', () => {
  it('are rebuilt from the stored text and reading at the next start, and their job re-ranked', async () => {
    const { created, job } = await studioWithJob({
      title: 'QA Automation Engineer',
      description: 'Selenium test automation in Java.',
      requiredSkills: [{ skillId: 'selenium', name: 'Selenium', weight: 3 }],
    })
    studio = created.studio
    const [id] = await seedCandidates(studio, job.id, [
      { name: 'Priya', text: TEXT, skills: ['selenium'], years: 6, education: 'bachelor' },
    ])
    // As an older version stored it: body terms only, and no version recorded.
    studio.direct.transaction((direct) => {
      direct.run('update resume_documents set parsed = ? where file_id = ?', [JSON.stringify(PARSED), `seed-${id}`])
      writeFeatures(
        direct,
        id!,
        `seed-${id}`,
        {
          skillIds: ['selenium'],
          skillEvidence: {},
          totalYears: 6,
          educationRank: 3,
          terms: bodyOnly(TEXT),
        },
        0,
      )
    })
    await sql`delete from meta where key = 'screening.terms_version'`.execute(studio.db)
    await call('jobs.update', { id: job.id, patch: { description: 'Selenium test automation in Java!' } })
    const before = await studio.db.selectFrom('application_scores').selectAll().executeTakeFirstOrThrow()
    expect(frequencyOf(await storedTerms(id!), fieldHash(termHash('automation'), 'title'))).toBe(0)
    await studio.close()

    studio = (await createTempStudio({ startWorkers: false, dataDir: created.dataDir })).studio
    const rebuilt = await storedTerms(id!)
    expect(rebuilt).toEqual(resumeTermVector(TEXT, PARSED as never))
    expect(frequencyOf(rebuilt, fieldHash(termHash('automation'), 'title'))).toBe(1)
    expect(await metaValue('screening.terms_version')).toBe(String(TERMS_VERSION))
    const after = await studio.db.selectFrom('application_scores').selectAll().executeTakeFirstOrThrow()
    expect(after.computed_at).toBeGreaterThanOrEqual(before.computed_at)
    expect(JSON.parse(after.parts).text).toBeGreaterThan(0)
    expect(after.parts).not.toEqual(before.parts)
  })
})

describe('skills read with another taxonomy', () => {
  it('are read again from the stored text at the next start, their evidence and reading too, and their job re-ranked', async () => {
    const { created, job } = await studioWithJob({
      title: 'Electrical Maintenance Engineer',
      description: 'Maintenance of HT/LT panels and transformers.',
      requiredSkills: [{ skillId: 'electrical-engineering', name: 'Electrical Engineering', weight: 3 }],
    })
    studio = created.studio
    const text = 'Anil Kumar\nanil@example.com\nEducation\nB.Tech Electrical & Electronics Engineering, 2014'
    // As a version whose taxonomy did not know the degree's name read it: no skills at all.
    const [id] = await seedCandidates(studio, job.id, [
      { name: 'Anil', text, skills: [], years: 9, education: 'bachelor' },
    ])
    await call('jobs.update', { id: job.id, patch: { description: 'Maintenance of HT/LT panels and transformers!' } })
    const score = async () =>
      JSON.parse((await studio!.db.selectFrom('application_scores').selectAll().executeTakeFirstOrThrow()).parts)
    expect((await score()).requiredSkills).toBe(0)
    // As intake records it: the candidate is read from that file.
    await studio.db
      .updateTable('candidates')
      .set({ current_file_id: `seed-${id}` })
      .execute()
    await studio.db
      .updateTable('meta')
      .set({ value: 'an-older-taxonomy' })
      .where('key', '=', 'screening.taxonomy_version')
      .execute()
    await studio.close()

    studio = (await createTempStudio({ startWorkers: false, dataDir: created.dataDir })).studio
    const features = await studio.db.selectFrom('candidate_features').selectAll().executeTakeFirstOrThrow()
    expect(features.skill_ids).toBe('|electrical-engineering|')
    const evidence = await studio.db.selectFrom('candidate_evidence').selectAll().executeTakeFirstOrThrow()
    expect(JSON.parse(evidence.skill_evidence)).toEqual({
      'electrical-engineering': 'B.Tech Electrical & Electronics Engineering, 2014',
    })
    const document = await studio.db.selectFrom('resume_documents').selectAll().executeTakeFirstOrThrow()
    expect(JSON.parse(document.parsed).skills).toEqual([
      expect.objectContaining({ skillId: 'electrical-engineering', section: 'education' }),
    ])
    expect((await score()).requiredSkills).toBe(1)
    expect(await metaValue('screening.taxonomy_version')).not.toBe('an-older-taxonomy')
    const detail = await call<{ skills: { skillId: string }[] }>('candidates.get', { candidateId: id!, jobId: job.id })
    expect(detail.skills.map((s) => s.skillId)).toEqual(['electrical-engineering'])
  })
})

describe('resumes read by an older reader (SCREEN_READER_VERSION)', () => {
  /** A stored resume as an older reader left it: its file, its text, and nothing read from it. */
  async function storedAsBefore(candidateId: string, file: { name: string; format: string; importedAt: number }) {
    const s = studio!
    await s.db.transaction().execute(async (trx) => {
      const fileId = await s.writer.insert(trx, 'resume_files', {
        candidate_id: candidateId,
        file_name: file.name,
        content_hash: `hash-${candidateId}`,
        format: file.format,
        size: 100,
        stored_path: `files/${candidateId}.txt`,
        file_time: file.importedAt,
        pages: 1,
        flags: '[]',
      })
      await trx.updateTable('resume_files').set({ created_at: file.importedAt }).where('id', '=', fileId).execute()
      await trx
        .updateTable('resume_documents')
        .set({ file_id: fileId })
        .where('file_id', '=', `seed-${candidateId}`)
        .execute()
      await trx
        .updateTable('candidate_features')
        .set({ file_id: fileId })
        .where('candidate_id', '=', candidateId)
        .execute()
      await s.writer.update(trx, 'candidates', candidateId, { current_file_id: fileId })
    })
  }

  it('are read again from the stored text at the next start: years as of the import, title, a name the file stood in for', async () => {
    const { created, job } = await studioWithJob({
      title: 'Site Engineer – Civil',
      description: 'Site execution for residential towers.',
      minYears: 5,
      requiredSkills: [{ skillId: 'autocad', name: 'AutoCAD', weight: 3 }],
    })
    studio = created.studio
    const portal =
      'Mahesh Gowda Site Engineer - Civil Mysuru mahesh.gowda@example.com Skills * AutoCAD 2D * BBS Education Details 2017 B.E Civil Engineering VTU Company Details company - Chamundi Builders description - Site Engineer August 2017 to till date. * Supervised RCC works'
    const classic =
      'Priya Raman\npriya@example.com\nExperience\nSite Engineer, Acme Builds, Jan 2015 - Present\nSkills: AutoCAD'
    // An older reader found no name, no title and no years in the first; the recruiter named the second.
    const [unnamed, named, json] = await seedCandidates(studio, job.id, [
      { name: 'cv 0042', text: portal, skills: [], years: 0, education: 'none' },
      { name: 'Priya R. (referred)', text: classic, skills: [], years: 0, education: 'none' },
      { name: 'cv 0043', text: portal, skills: [], years: 0, education: 'none' },
    ])
    const importedAt = Date.UTC(2024, 0, 1)
    await storedAsBefore(unnamed!, { name: 'cv-0042.txt', format: 'txt', importedAt })
    await storedAsBefore(named!, { name: 'priya.txt', format: 'txt', importedAt })
    // A JSON Resume was read from its fields, which its stored text does not hold.
    await storedAsBefore(json!, { name: 'cv-0043.json', format: 'json-resume', importedAt })
    await call('jobs.update', { id: job.id, patch: { description: 'Site execution for residential towers!' } })
    const before = await studio.db
      .selectFrom('candidates')
      .selectAll()
      .where('id', '=', unnamed!)
      .executeTakeFirstOrThrow()
    await studio.db.updateTable('meta').set({ value: '14' }).where('key', '=', 'screening.reader_version').execute()
    await studio.close()

    studio = (await createTempStudio({ startWorkers: false, dataDir: created.dataDir })).studio
    const candidate = async (id: string) =>
      studio!.db.selectFrom('candidates').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    const mahesh = await candidate(unnamed!)
    expect(mahesh).toMatchObject({ name: 'Mahesh Gowda', current_title: 'Site Engineer', education_level: 'bachelor' })
    // "Till date" meant the day the resume came in, not today: August 2017 to January 2024.
    expect(mahesh.total_years).toBeCloseTo(6.4, 0)
    // Written as the recruiter's own changes are, so a team's other studios get them.
    expect(mahesh.updated_at).toBeGreaterThan(before.updated_at)
    const features = await studio.db
      .selectFrom('candidate_features')
      .selectAll()
      .where('candidate_id', '=', unnamed!)
      .executeTakeFirstOrThrow()
    expect(features).toMatchObject({ total_years: mahesh.total_years, skill_ids: expect.stringContaining('|autocad|') })
    const parts = JSON.parse(
      (
        await studio.db
          .selectFrom('application_scores')
          .select('parts')
          .where('candidate_id', '=', unnamed!)
          .executeTakeFirstOrThrow()
      ).parts,
    )
    expect(parts).toMatchObject({ requiredSkills: 1, experience: 1 })
    const priya = await candidate(named!)
    expect(priya.name).toBe('Priya R. (referred)')
    expect(priya.current_title).toBe('Site Engineer')
    expect(await candidate(json!)).toMatchObject({ name: 'cv 0043', total_years: 0 })
    expect(await metaValue('screening.reader_version')).toBe(String(SCREEN_READER_VERSION))
  })
})

describe('stored scores from an older formula (SCORE_VERSION)', () => {
  it('are computed again at the next start', async () => {
    const { created, job } = await studioWithJob({
      title: 'SAP ABAP Developer',
      description: 'ABAP development on SAP S/4HANA.',
      minYears: 3,
      requiredSkills: [
        { skillId: 'sap-abap', name: 'SAP ABAP', weight: 3 },
        { skillId: 'java', name: 'Java', weight: 1 },
      ],
    })
    studio = created.studio
    await seedCandidates(studio, job.id, [
      { name: 'Ravi', text: 'Java developer for twelve years', skills: ['java'], years: 12, education: 'bachelor' },
    ])
    await call('jobs.update', { id: job.id, patch: { description: 'ABAP development on SAP S/4HANA!' } })
    const scored = () => studio!.db.selectFrom('application_scores').selectAll().executeTakeFirstOrThrow()
    const current = await scored()
    expect(JSON.parse(current.parts).experience).toBeCloseTo(0.25)
    // As the formula before version 2 stored it: the years alone, and no version recorded.
    await studio.db
      .updateTable('application_scores')
      .set({ parts: JSON.stringify({ ...JSON.parse(current.parts), experience: 1 }) })
      .execute()
    await sql`delete from meta where key = 'screening.score_version'`.execute(studio.db)
    await studio.close()

    studio = (await createTempStudio({ startWorkers: false, dataDir: created.dataDir })).studio
    expect(JSON.parse((await scored()).parts).experience).toBeCloseTo(0.25)
    expect(await metaValue('screening.score_version')).toBe(String(SCORE_VERSION))
  })
})
