import fs from 'node:fs'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { IntakeBatchDetail, IntakeBatchView } from '@shared/contract/screening'
import { contentHash, createFileStore } from '@core/screening/intake/file-store'
import { dropStaleRefusedUploads, KEEP_REFUSED_UPLOADS_MS } from '@core/screening/intake/kept-refusals'
import { poolParser } from '@core/screening/intake/pool-parser'
import type { ResumeParser } from '@core/screening/intake/resume-parser'
import { loadTaxonomyFile } from '@core/screening/taxonomy'
import type { Studio } from '@core/studio'
import { createTempStudio, tempDir } from '../../helpers/temp-studio'
import {
  buildResume,
  FIXTURE_JOBS,
  HIDDEN_SKILLS,
  INJECTION,
  RESUME_PEOPLE,
  renderResume,
  writeFixtureFolder,
} from '../../fixtures/resumes'

let studio: Studio | undefined
/** Picks paths in the studio's open dialog, as the recruiter does before importing them. */
let pick: (paths: readonly string[]) => Promise<void>
// One worker pool for the file: each test gets a fresh studio, not fresh threads.
let parser: ResumeParser
beforeAll(async () => {
  parser = poolParser({
    taxonomy: (await loadTaxonomyFile(path.join(__dirname, '../../../resources/skills.json'))).transfer,
  })
})
afterAll(() => parser.close())
afterEach(async () => {
  await studio?.close()
  studio = undefined
})

async function call<T>(name: string, input: unknown): Promise<T> {
  if (name === 'intake.importPaths') await pick((input as { paths: string[] }).paths)
  const result = await studio!.dispatch(name, input, { audience: 'recruiter' })
  if (!result.ok)
    throw Object.assign(new Error(`${result.error.message} ${result.error.issues?.join('; ') ?? ''}`), result.error)
  return result.value as T
}

async function settled(batchId: string): Promise<IntakeBatchDetail> {
  for (;;) {
    await studio!.queue.idle()
    const detail = await call<IntakeBatchDetail>('intake.get', { batchId })
    if (detail.status !== 'queued' && detail.status !== 'running') return detail
    await new Promise((r) => setTimeout(r, 20))
  }
}

async function setup() {
  ;({ studio, pick } = await createTempStudio({ resumeParser: parser }))
  const fixture = FIXTURE_JOBS[0]!
  const job = await call<{ id: string }>('jobs.create', {
    title: fixture.title,
    description: fixture.description,
    requiredSkills: fixture.requiredSkills.map((skillId) => ({ skillId, name: skillId, weight: 3 })),
    preferredSkills: fixture.preferredSkills.map((skillId) => ({ skillId, name: skillId, weight: 2 })),
    minYears: fixture.minYears,
  })
  return job.id
}

describe('intake', () => {
  it('imports a folder of real resumes and every hostile case, each with its outcome, and the batch goes on', async () => {
    const jobId = await setup()
    const dir = tempDir('panelist-resumes-')
    const manifest = await writeFixtureFolder(dir, { count: 12, hostile: true })
    const progress: IntakeBatchView[] = []
    studio!.events.subscribe((name, payload) => name === 'intake.progress' && progress.push(payload as IntakeBatchView))

    const started = await call<IntakeBatchView>('intake.importPaths', { jobId, paths: [dir] })
    expect(started).toMatchObject({ total: manifest.length, done: 0, status: 'queued' })
    const batch = await settled(started.id)
    expect(batch.status).toBe('done')
    expect(batch.done).toBe(manifest.length)

    const byName = new Map(batch.items.map((item) => [item.name, item]))
    for (const file of manifest) {
      const item = byName.get(file.fileName)!
      if (file.hostile && 'refusal' in file.hostile) {
        expect([item.outcome, item.reason], file.fileName).toEqual(['refused', file.hostile.refusal])
        expect(item.message).toBeTruthy()
      } else {
        expect(['imported', 'duplicate'], `${file.fileName}: ${item.message}`).toContain(item.outcome)
      }
    }
    const refusals = manifest.filter((f) => f.hostile && 'refusal' in f.hostile).length
    expect(batch.refused).toBe(refusals)
    expect(batch.imported + batch.duplicates).toBe(manifest.length - refusals)
    expect(progress.at(-1)).toMatchObject({ status: 'done', done: manifest.length })
    expect(progress.some((p) => p.done > 0 && p.done < manifest.length)).toBe(true)

    // The original is kept by content hash, and never for a refused file.
    const files = await studio!.db.selectFrom('resume_files').select(['content_hash', 'stored_path']).execute()
    for (const file of files) {
      expect(file.stored_path).toMatch(new RegExp(`^files/${file.content_hash.slice(0, 2)}/${file.content_hash}\\.`))
      expect(fs.existsSync(path.join(studio!.info().dataDir, file.stored_path))).toBe(true)
    }
  }, 60_000)

  it('flags hidden text and instructions to AI, shows them, and never counts hidden skills', async () => {
    const jobId = await setup()
    const dir = tempDir('panelist-hostile-')
    const manifest = await writeFixtureFolder(dir, { count: 0, hostile: true })
    const keep = new Set(['hostile-white-text.pdf', 'hostile-near-white-text.pdf', 'hostile-hidden-runs.docx'])
    const batch = await settled(
      (
        await call<IntakeBatchView>('intake.importPaths', {
          jobId,
          paths: manifest.filter((f) => keep.has(f.fileName)).map((f) => f.path),
        })
      ).id,
    )
    const white = batch.items.find((i) => i.name === 'hostile-white-text.pdf')!
    const nearWhite = batch.items.find((i) => i.name === 'hostile-near-white-text.pdf')!
    const candidateIds = new Set(batch.items.map((i) => i.candidateId))
    expect(candidateIds.size).toBeGreaterThanOrEqual(1)

    const detail = await call<{ flags: { kind: string; text: string }[]; text: string; skills: { skillId: string }[] }>(
      'candidates.get',
      {
        candidateId: white.candidateId,
        jobId,
      },
    )
    expect(detail.text).not.toContain(INJECTION)
    const docx = batch.items.find((i) => i.name === 'hostile-hidden-runs.docx')!
    const docxDetail = await call<{
      flags: { kind: string; text: string }[]
      skills: { skillId: string }[]
      text: string
    }>('candidates.get', {
      candidateId: docx.candidateId,
    })
    expect(docxDetail.flags.map((f) => f.kind)).toEqual(expect.arrayContaining(['hidden_text', 'prompt_injection']))
    expect(docxDetail.flags.some((f) => f.text.includes(INJECTION))).toBe(true)
    expect(docxDetail.skills.map((s) => s.skillId)).not.toContain('haskell')

    // The near-white file's hidden skills (Kubernetes, Terraform, Rust, Haskell) are not evidence.
    const nearDetail = await call<{ skills: { skillId: string; evidence: string }[]; text: string }>('candidates.get', {
      candidateId: nearWhite.candidateId,
    })
    expect(nearDetail.text).not.toContain(HIDDEN_SKILLS)
    expect(nearDetail.skills.map((s) => s.skillId)).not.toContain('haskell')
    const list = await call<{ items: { candidateId: string; flagCount: number; flagKinds: string[] }[] }>(
      'candidates.list',
      { jobId },
    )
    expect(list.items.find((r) => r.candidateId === docx.candidateId)!.flagKinds).toEqual(
      expect.arrayContaining(['hidden_text', 'prompt_injection']),
    )
  }, 60_000)

  it('treats the same file as a duplicate, and the same person as one candidate with both files, using the newer', async () => {
    const jobId = await setup()
    const dir = tempDir('panelist-dupes-')
    const person = RESUME_PEOPLE[1]!
    const older = path.join(dir, 'older.pdf')
    const newer = path.join(dir, 'newer.docx')
    fs.writeFileSync(older, await renderResume(buildResume(person), 'pdf'))
    fs.writeFileSync(newer, await renderResume(buildResume(person, 1), 'docx'))
    fs.utimesSync(older, new Date('2024-01-01'), new Date('2024-01-01'))
    fs.utimesSync(newer, new Date('2025-01-01'), new Date('2025-01-01'))

    const first = await settled((await call<IntakeBatchView>('intake.importPaths', { jobId, paths: [older] })).id)
    expect(first.items[0]!.outcome).toBe('imported')
    const second = await settled(
      (await call<IntakeBatchView>('intake.importPaths', { jobId, paths: [newer, older] })).id,
    )
    const outcome = Object.fromEntries(second.items.map((i) => [path.basename(i.name), [i.outcome, i.reason]]))
    expect(outcome).toEqual({ 'newer.docx': ['duplicate', 'same_person'], 'older.pdf': ['duplicate', 'same_file'] })
    expect(new Set(second.items.map((i) => i.candidateId))).toEqual(new Set([first.items[0]!.candidateId]))

    const detail = await call<{ files: { fileName: string; current: boolean }[] }>('candidates.get', {
      candidateId: first.items[0]!.candidateId,
    })
    expect(detail.files.map((f) => [f.fileName, f.current])).toEqual([
      ['newer.docx', true],
      ['older.pdf', false],
    ])
    expect((await call<{ total: number }>('candidates.list', { jobId })).total).toBe(1)
  }, 60_000)

  it('keeps the files of a group whose write failed pending, and the retried job imports each once', async () => {
    const dir = tempDir('panelist-flaky-')
    const people = RESUME_PEOPLE.slice(0, 6)
    for (const [index, person] of people.entries())
      fs.writeFileSync(
        path.join(dir, `${person.id}.${index % 2 ? 'docx' : 'pdf'}`),
        await renderResume(buildResume(person), index % 2 ? 'docx' : 'pdf'),
      )
    // The first reading of one file carries a value the database refuses (education is required), as a
    // failing disk or a bug would: its whole group rolls back.
    let failed = false
    const flaky: ResumeParser = {
      concurrency: parser.concurrency,
      close: async () => {},
      async parse(bytes, fileName, signal) {
        const result = await parser.parse(bytes, fileName, signal)
        if (failed || !fileName.startsWith(people[3]!.id) || !result.ok) return result
        failed = true
        return { ...result, resume: { ...result.resume, educationLevel: null as never } }
      },
    }
    ;({ studio, pick } = await createTempStudio({ resumeParser: flaky }))
    const batch = await settled((await call<IntakeBatchView>('intake.importPaths', { paths: [dir] })).id)
    expect(failed).toBe(true)
    expect(batch).toMatchObject({ status: 'done', total: 6, imported: 6, duplicates: 0, refused: 0 })
    expect(await studio.queue.get(batch.queueJobId!)).toMatchObject({ status: 'succeeded', attempts: 2 })
    const names = (await studio.db.selectFrom('candidates').select('name').execute()).map((r) => r.name)
    expect(names.sort()).toEqual(people.map((p) => `${p.firstName} ${p.lastName}`).sort())
  }, 60_000)

  it("keeps the flags of a person's older resume after a newer one takes its place", async () => {
    const jobId = await setup()
    const resume = (extra: string) =>
      `Ada Byron\nada.byron@example.com\n\nExperience\nData Scientist, Analytical Engines, 2019 - present\nPython, SQL, statistics\n${extra}\n`
    const upload = (name: string, text: string, lastModified: number) => ({
      name,
      size: Buffer.byteLength(text),
      lastModified,
      base64: Buffer.from(text).toString('base64'),
    })
    const batch = await settled(
      (
        await call<IntakeBatchView>('intake.importFiles', {
          jobId,
          files: [
            upload('ada-2023.txt', resume(INJECTION), 1_690_000_000_000),
            upload('ada-2025.txt', resume('Led the forecasting team.'), 1_750_000_000_000),
          ],
        })
      ).id,
    )
    const candidateIds = new Set(batch.items.map((item) => item.candidateId))
    expect(candidateIds.size).toBe(1)
    const candidateId = [...candidateIds][0]!
    const detail = await call<{
      flags: { kind: string; fileName?: string }[]
      files: { fileName: string; current: boolean }[]
    }>('candidates.get', { candidateId })
    expect(detail.files.find((f) => f.current)?.fileName).toBe('ada-2025.txt')
    expect(detail.flags).toEqual([expect.objectContaining({ kind: 'prompt_injection', fileName: 'ada-2023.txt' })])
    const list = await call<{ items: { candidateId: string; flagCount: number; flagKinds: string[] }[] }>(
      'candidates.list',
      { jobId },
    )
    expect(list.items.find((row) => row.candidateId === candidateId)).toMatchObject({
      flagCount: 1,
      flagKinds: ['prompt_injection'],
    })
  })

  it('takes uploaded bytes in the web host, refuses files over the limit by name, and cancels', async () => {
    const jobId = await setup()
    const pdf = await renderResume(buildResume(RESUME_PEOPLE[3]!), 'pdf')
    const batch = await settled(
      (
        await call<IntakeBatchView>('intake.importFiles', {
          jobId,
          files: [
            {
              name: 'upload.pdf',
              size: pdf.length,
              lastModified: 1_700_000_000_000,
              base64: Buffer.from(pdf).toString('base64'),
            },
            { name: 'huge.pdf', size: 50 * 1024 * 1024 },
          ],
        })
      ).id,
    )
    expect(batch.items.map((i) => [i.name, i.outcome, i.reason])).toEqual([
      ['upload.pdf', 'imported', null],
      ['huge.pdf', 'refused', 'too_large'],
    ])
    await expect(
      call('intake.importFiles', { jobId, files: [{ name: 'x.pdf', size: 3, base64: 'not base64!' }] }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
    })

    await studio!.queue.stop()
    const queued = await call<IntakeBatchView>('intake.importPaths', { jobId, paths: [tempDirWithFiles(3)] })
    const cancelled = await call<IntakeBatchView>('intake.cancel', { batchId: queued.id })
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelled: 3, done: 0 })
  }, 60_000)

  it('imports anyway a file refused as not a resume, uploaded or by path, and no file refused for another reason', async () => {
    const jobId = await setup()
    // An employer's letter about someone: the judge refuses it, and the recruiter may want it all the same.
    const letterBytes = fs.readFileSync(
      path.join(__dirname, '../../fixtures/non-resumes/not/g-relieving-experience-letter.txt'),
    )
    const uploaded = await settled(
      (
        await call<IntakeBatchView>('intake.importFiles', {
          jobId,
          files: [
            { name: 'letter.txt', size: letterBytes.length, base64: letterBytes.toString('base64') },
            { name: 'empty.txt', size: 0, base64: '' },
          ],
        })
      ).id,
    )
    expect(uploaded.items.map((i) => [i.name, i.outcome, i.reason])).toEqual([
      ['letter.txt', 'refused', 'not_a_resume'],
      ['empty.txt', 'refused', 'empty'],
    ])
    const [letter, empty] = uploaded.items
    await expect(call('intake.importAnyway', { itemId: empty!.id })).rejects.toMatchObject({ code: 'conflict' })
    await expect(call('intake.importAnyway', { itemId: 999_999 })).rejects.toMatchObject({ code: 'not_found' })
    const again = await settled((await call<IntakeBatchView>('intake.importAnyway', { itemId: letter!.id })).id)
    expect(again.items).toMatchObject([{ name: 'letter.txt', outcome: 'imported', reason: null }])
    const list = await call<{ items: { candidateId: string }[] }>('candidates.list', { jobId })
    expect(list.items.map((c) => c.candidateId)).toContain(again.items[0]!.candidateId)
    // The refusal stands in its own batch; asking twice gives the same file again, a duplicate.
    expect((await call<IntakeBatchDetail>('intake.get', { batchId: uploaded.id })).items[0]!.outcome).toBe('refused')
    const twice = await settled((await call<IntakeBatchView>('intake.importAnyway', { itemId: letter!.id })).id)
    expect(twice.items).toMatchObject([{ outcome: 'duplicate', candidateId: again.items[0]!.candidateId }])

    const dir = tempDir('panelist-anyway-')
    fs.writeFileSync(
      path.join(dir, 'timesheet.txt'),
      'WEEKLY TIMESHEET\nContractor: Jakub Nowak\njakub@example.com\nMon 8 h',
    )
    const picked = await settled((await call<IntakeBatchView>('intake.importPaths', { jobId, paths: [dir] })).id)
    expect(picked.items).toMatchObject([{ outcome: 'refused', reason: 'not_a_resume' }])
    const taken = await settled(
      (await call<IntakeBatchView>('intake.importAnyway', { itemId: picked.items[0]!.id })).id,
    )
    expect(taken.items).toMatchObject([{ name: 'timesheet.txt', outcome: 'imported' }])
  }, 60_000)

  it('keeps uploaded bytes refused as not a resume for 30 days, then lets them go and says so', async () => {
    let now = Date.UTC(2026, 0, 1)
    const temp = await createTempStudio({ resumeParser: parser, clock: { now: () => now } })
    studio = temp.studio
    const files = createFileStore(temp.dataDir)
    const upload = async (name: string, text: string) => {
      const bytes = Buffer.from(text)
      const batch = await settled(
        (
          await call<IntakeBatchView>('intake.importFiles', {
            files: [{ name, size: bytes.length, base64: bytes.toString('base64') }],
          })
        ).id,
      )
      return { item: batch.items[0]!, stored: files.pathOf(contentHash(bytes), name) }
    }
    const old = await upload('old.txt', 'WEEKLY TIMESHEET\nContractor: Jakub Nowak\njakub@example.com\nMon 8 h')
    now += KEEP_REFUSED_UPLOADS_MS - 1000
    const recent = await upload(
      'recent.txt',
      'SALARY CERTIFICATE\nThis is to certify that Ms Cruz is employed with us.\nhr@example.com',
    )
    expect([old.item.reason, recent.item.reason]).toEqual(['not_a_resume', 'not_a_resume'])
    expect(await files.exists(old.stored)).toBe(true)

    now += 2000
    expect(await dropStaleRefusedUploads(studio.db, files, now)).toBe(1)
    expect(await files.exists(old.stored)).toBe(false)
    expect(await files.exists(recent.stored)).toBe(true)
    await expect(call('intake.importAnyway', { itemId: old.item.id })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('upload old.txt again'),
    })
    const taken = await settled((await call<IntakeBatchView>('intake.importAnyway', { itemId: recent.item.id })).id)
    expect(taken.items).toMatchObject([{ outcome: 'imported' }])
  }, 60_000)

  it('imports by path only what the recruiter picked, of resume types, never through a link out of it', async () => {
    await setup()
    const dir = tempDirWithFiles(1)
    fs.writeFileSync(path.join(dir, 'notes'), 'Plain text without a resume type\nsomeone@example.com')
    fs.symlinkSync('/etc/passwd', path.join(dir, 'passwd.txt'))
    const unpicked = (paths: string[]) => studio!.dispatch('intake.importPaths', { paths }, { audience: 'recruiter' })
    for (const paths of [['/etc/passwd'], [dir], ['etc/passwd']]) {
      expect(await unpicked(paths), paths[0]).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }

    await pick([dir])
    for (const escape of [
      path.join(dir, 'passwd.txt'),
      path.join(dir, '../../../../../../etc/passwd'),
      '/etc/passwd',
    ]) {
      expect(await unpicked([escape]), escape).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    const batch = await settled((await call<IntakeBatchView>('intake.importPaths', { paths: [dir] })).id)
    expect(batch.items.map((i) => [i.name, i.outcome, i.reason]).sort()).toEqual([
      ['notes', 'refused', 'unsupported_type'],
      ['r0.txt', 'imported', null],
    ])
    const texts = await studio!.db.selectFrom('resume_documents').select('text').execute()
    expect(texts.some((d) => d.text.includes('root:'))).toBe(false)
  })

  it('cancels a running batch between files: what settled stays, the rest is marked cancelled', async () => {
    // The real pool, slowed so that the batch is still running when the cancel comes.
    const slow: ResumeParser = {
      ...parser,
      parse: async (bytes, name) => (await sleep(150), parser.parse(bytes, name)),
    }
    ;({ studio, pick } = await createTempStudio({ resumeParser: slow }))
    const progress: IntakeBatchView[] = []
    studio.events.subscribe((name, payload) => name === 'intake.progress' && progress.push(payload as IntakeBatchView))
    const started = await call<IntakeBatchView>('intake.importPaths', { paths: [tempDirWithFiles(40)] })
    while (!progress.some((p) => p.done >= 3)) await sleep(20)
    const cancelled = await call<IntakeBatchView>('intake.cancel', { batchId: started.id })
    expect(cancelled.status).toBe('cancelled')
    await studio.queue.idle()
    const detail = await call<IntakeBatchDetail>('intake.get', { batchId: started.id })
    expect(detail.status).toBe('cancelled')
    expect(detail.done).toBeGreaterThanOrEqual(3)
    expect(detail.done + detail.cancelled).toBe(40)
    expect(detail.cancelled).toBeGreaterThan(0)
    expect((await studio.queue.get(started.queueJobId!)).status).toBe('cancelled')
    const candidates = await studio.db.selectFrom('candidates').select('id').execute()
    expect(candidates).toHaveLength(detail.imported)
  }, 60_000)
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function tempDirWithFiles(n: number): string {
  const dir = tempDir('panelist-some-')
  for (let i = 0; i < n; i++)
    fs.writeFileSync(path.join(dir, `r${i}.txt`), `Person ${i}\nperson${i}@example.com\nPython developer`)
  return dir
}
