import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { SCREEN_READER_VERSION } from '@core/screening/intake/reader-version'
import { DataFolderError, SCREEN_STORE_FILE, openScreenStore } from '@core/screening/intake/screen-store'
import { runCli } from '../../helpers/cli'
import { tempDir } from '../../helpers/temp-studio'
import { FIXTURE_JOBS, writeFixtureFolder } from '../../fixtures/resumes'

const writeJob = (dir: string, family: string) => {
  const fixture = FIXTURE_JOBS.find((j) => j.family === family)!
  const file = path.join(dir, `${family}.md`)
  fs.writeFileSync(file, `# ${fixture.title}\n\n${fixture.description}\n`)
  return file
}

const storeRows = (dataDir: string) => {
  const db = new BetterSqlite3(path.join(dataDir, SCREEN_STORE_FILE), { readonly: true })
  try {
    return db.prepare('SELECT content_hash, reader_version FROM reads').all() as {
      content_hash: string
      reader_version: string
    }[]
  } finally {
    db.close()
  }
}

interface Ranked {
  file: string
  email: string | null
  explanation: string
  evidence: Record<string, string>
  matched: string[]
  missing: string[]
}

describe('panelist screen --data', () => {
  it('keeps each read and reuses it: the second run reads nothing and prints what a fresh run prints; a changed file is read again', async () => {
    const dir = tempDir('panelist-cli-data-')
    const resumes = path.join(dir, 'resumes')
    const manifest = await writeFixtureFolder(resumes, { count: 8 })
    fs.writeFileSync(path.join(resumes, 'notes.txt'), '')
    const job = writeJob(dir, 'data_science')
    const data = path.join(dir, 'data', 'nested')
    const args = ['screen', '--job', job, resumes, '--json', '--top', '100']

    const first = await runCli([...args, '--data', data])
    expect(first.code, first.stderr).toBe(0)
    expect(first.stderr).toContain('9 read, 0 reused')
    if (process.platform !== 'win32') {
      expect(fs.statSync(data).mode & 0o777).toBe(0o700)
      expect(fs.statSync(path.join(data, SCREEN_STORE_FILE)).mode & 0o777).toBe(0o600)
    }
    // Every file's read is kept (the empty file's refusal too), under this reader's version.
    const rows = storeRows(data)
    expect(rows).toHaveLength(9)
    expect(rows.every((r) => r.reader_version.startsWith(`${SCREEN_READER_VERSION}:`))).toBe(true)

    const second = await runCli([...args, '--data', data])
    expect(second.code, second.stderr).toBe(0)
    expect(second.stderr).toContain('0 read, 9 reused')
    const fresh = await runCli(args)
    expect(fresh.code, fresh.stderr).toBe(0)
    expect(second.stdout).toBe(fresh.stdout)
    expect(first.stdout).toBe(fresh.stdout)
    expect(storeRows(data)).toHaveLength(9)

    // One file's bytes change: only it is read again, and the result is what a fresh run gives.
    const changed = manifest.find((f) => f.format === 'txt')!
    fs.appendFileSync(changed.path, '\nSkills: Apache Spark, PyTorch, Statistics\n')
    const third = await runCli([...args, '--data', data])
    expect(third.code, third.stderr).toBe(0)
    expect(third.stderr).toContain('1 read, 8 reused')
    const freshAfter = await runCli(args)
    expect(third.stdout).toBe(freshAfter.stdout)
    expect(third.stdout).not.toBe(second.stdout)
    expect(storeRows(data)).toHaveLength(10)

    // A read kept by another reader version is read again.
    const db = new BetterSqlite3(path.join(data, SCREEN_STORE_FILE))
    db.prepare("UPDATE reads SET reader_version = '0:old'").run()
    db.close()
    const fourth = await runCli([...args, '--data', data])
    expect(fourth.stderr).toContain('9 read, 0 reused')
    expect(fourth.stdout).toBe(freshAfter.stdout)
  }, 120_000)

  it('ranks one reading against several jobs: each ranking is what a run with that job alone gives', async () => {
    const dir = tempDir('panelist-cli-jobs-')
    const resumes = path.join(dir, 'resumes')
    await writeFixtureFolder(resumes, { count: 10 })
    const science = writeJob(dir, 'data_science')
    const nursing = writeJob(dir, 'nursing')

    const both = await runCli(['screen', '--job', science, '--job', nursing, resumes, '--json'])
    expect(both.code, both.stderr).toBe(0)
    const report = JSON.parse(both.stdout) as {
      results: { job: { title: string }; ranked: Ranked[] }[]
      refused: unknown[]
      duplicates: unknown[]
    }
    expect(report.results).toHaveLength(2)
    const alone = await Promise.all(
      [science, nursing].map(async (job) => {
        const run = await runCli(['screen', '--job', job, resumes, '--json'])
        expect(run.code, run.stderr).toBe(0)
        return JSON.parse(run.stdout) as { job: unknown; ranked: Ranked[]; refused: unknown[]; duplicates: unknown[] }
      }),
    )
    alone.forEach((single, i) => {
      expect(report.results[i]).toEqual({ job: single.job, ranked: single.ranked })
      expect(report.refused).toEqual(single.refused)
      expect(report.duplicates).toEqual(single.duplicates)
    })
    expect(report.results[0]!.ranked[0]!.email).not.toBe(report.results[1]!.ranked[0]!.email)

    const table = await runCli(['screen', '--job', science, '--job', nursing, resumes])
    expect(table.code, table.stderr).toBe(0)
    const titles = report.results.map((r) => r.job.title)
    expect(table.stdout).toContain(`== ${titles[0]} (data_science.md) ==`)
    expect(table.stdout).toContain(`== ${titles[1]} (nursing.md) ==`)
    expect(table.stdout.match(/10 candidates ranked/g)).toHaveLength(2)
  }, 120_000)

  it('gives each candidate the app’s explanation and the resume lines that prove each skill', async () => {
    const dir = tempDir('panelist-cli-explain-')
    const resumes = path.join(dir, 'resumes')
    fs.mkdirSync(resumes)
    const text = [
      'Grace Hopper',
      'grace@example.com',
      '',
      'Experience',
      'Senior Data Scientist, Acme, 2015 - present',
      '- Built forecasting models in Python and SQL for the supply team',
      '- Ran weekly churn analysis with pandas',
      '- Designed widget telemetry dashboards',
      '',
      'Education',
      'BSc Mathematics',
    ].join('\n')
    fs.writeFileSync(path.join(resumes, 'grace.txt'), `${text}\n`)
    const job = path.join(dir, 'job.md')
    fs.writeFileSync(
      job,
      '# Data Scientist\n\nForecasting for the supply team.\n\nRequired: Python, SQL, Kubernetes, Widget telemetry\nPreferred: pandas\nMinimum years: 3\n',
    )

    const run = await runCli(['screen', '--job', job, resumes, '--json'])
    expect(run.code, run.stderr).toBe(0)
    const [grace] = (JSON.parse(run.stdout) as { ranked: Ranked[] }).ranked
    expect(grace!.missing).toContain('Kubernetes')
    expect(grace!.explanation).toMatch(/^Has 3 of 4 required skills; missing Kubernetes\./)
    expect(grace!.explanation).toContain('Has all 1 preferred skills.')
    expect(grace!.explanation).toMatch(/of experience .*meets the 3 years minimum/)
    expect(Object.keys(grace!.evidence)).toEqual(
      expect.arrayContaining(['Python', 'SQL', 'pandas', 'Widget telemetry']),
    )
    expect(grace!.evidence).not.toHaveProperty('Kubernetes')
    const lines = text.split('\n').map((line) => line.trim())
    for (const line of Object.values(grace!.evidence)) expect(lines).toContain(line)
    expect(grace!.evidence.Python).toBe('- Built forecasting models in Python and SQL for the supply team')
    expect(grace!.evidence['Widget telemetry']).toBe('- Designed widget telemetry dashboards')
  }, 60_000)

  it('ranks files refused as not a resume only when asked, marked with why, and keeps the plain judgement in --data', async () => {
    const dir = tempDir('panelist-cli-anyway-')
    const resumes = path.join(dir, 'resumes')
    await writeFixtureFolder(resumes, { count: 4 })
    const posting = [
      'Data Scientist - Bengaluru',
      'We are hiring a data scientist to join our analytics team.',
      'You will build forecasting models in Python and SQL.',
      'Requirements: 3+ years of experience, Python, SQL, pandas. Good to have: Spark.',
      'Immediate joiners preferred. Share your CV at jobs@example.com.',
    ].join('\n')
    fs.writeFileSync(path.join(resumes, 'posting.txt'), `${posting}\n`)
    fs.writeFileSync(path.join(resumes, 'empty.txt'), '')
    const job = writeJob(dir, 'data_science')
    const data = path.join(dir, 'data')
    const args = ['screen', '--job', job, resumes, '--top', '100', '--data', data]
    type Report = { ranked: (Ranked & { notAResume: string | null })[]; refused: { file: string; reason: string }[] }

    const plain = await runCli([...args, '--json'])
    expect(plain.code, plain.stderr).toBe(0)
    const refusedPlain = (JSON.parse(plain.stdout) as Report).refused
    expect(refusedPlain.map((r) => [path.basename(r.file), r.reason])).toEqual([
      ['empty.txt', 'empty'],
      ['posting.txt', 'not_a_resume'],
    ])
    const table = await runCli(args)
    expect(table.stdout).toContain('run again with --accept-non-resumes')

    const anyway = await runCli([...args, '--json', '--accept-non-resumes'])
    expect(anyway.code, anyway.stderr).toBe(0)
    // The posting is read again without the judgement; the rest comes from --data.
    expect(anyway.stderr).toContain('1 read, 5 reused')
    const report = JSON.parse(anyway.stdout) as Report
    expect(report.refused.map((r) => path.basename(r.file))).toEqual(['empty.txt'])
    const read = report.ranked.find((r) => path.basename(r.file) === 'posting.txt')!
    expect(read.notAResume).toMatch(/job posting/)
    expect(read.matched).toEqual(expect.arrayContaining(['Python', 'SQL']))
    expect(report.ranked.filter((r) => r.notAResume !== null)).toEqual([read])
    const anywayTable = await runCli([...args, '--accept-non-resumes'])
    expect(anywayTable.stdout).toMatch(/1 file judged not a resume, ranked anyway:\n {2}posting\.txt: .*job posting/)
    expect(anywayTable.stdout).toMatch(/not a resume\?/)

    // What --data keeps is the plain judgement: a run without the option refuses the posting again.
    const again = await runCli([...args, '--json'])
    expect(again.stderr).toContain('0 read, 6 reused')
    expect(again.stdout).toBe(plain.stdout)
  }, 120_000)

  it('sets a damaged or foreign store aside with a message and starts a new one', async () => {
    const dir = tempDir('panelist-cli-corrupt-')
    const resumes = path.join(dir, 'resumes')
    await writeFixtureFolder(resumes, { count: 3 })
    const job = writeJob(dir, 'data_science')
    const data = path.join(dir, 'data')
    fs.mkdirSync(data)
    const store = path.join(data, SCREEN_STORE_FILE)
    fs.writeFileSync(store, 'this is not a database '.repeat(200))

    const run = await runCli(['screen', '--job', job, resumes, '--json', '--data', data])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toMatch(
      /could not be used \(it is damaged or not a database\); it was moved to screen-cache\.sqlite\.set-aside-/,
    )
    expect(run.stderr).toContain('3 read, 0 reused')
    const aside = fs.readdirSync(data).filter((name) => name.includes('set-aside'))
    expect(aside).toHaveLength(1)
    expect(fs.readFileSync(path.join(data, aside[0]!), 'utf8')).toContain('this is not a database')
    expect(storeRows(data)).toHaveLength(3)

    // Another program's SQLite file is not ours to write in either.
    fs.rmSync(store)
    const foreign = new BetterSqlite3(store)
    foreign.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine')")
    foreign.close()
    const again = await runCli(['screen', '--job', job, resumes, '--json', '--data', data])
    expect(again.code, again.stderr).toBe(0)
    expect(again.stderr).toContain('it is not a Panelist screening store')
    expect(again.stdout).toBe(run.stdout)
    expect(
      fs.readdirSync(data).filter((name) => name.includes('set-aside') && !name.endsWith('-journal')),
    ).toHaveLength(2)
  }, 90_000)

  it('refuses a --data path that is a file, and names a job file it cannot read, before reading anything', async () => {
    const dir = tempDir('panelist-cli-bad-')
    const resumes = path.join(dir, 'resumes')
    await writeFixtureFolder(resumes, { count: 1 })
    const job = writeJob(dir, 'data_science')
    const file = path.join(dir, 'a-file')
    fs.writeFileSync(file, 'x')

    const asFile = await runCli(['screen', '--job', job, resumes, '--data', file])
    expect(asFile.code).toBe(2)
    expect(asFile.stderr).toContain(`--data ${file} is a file, not a folder.`)
    expect(fs.readFileSync(file, 'utf8')).toBe('x')
    const under = await runCli(['screen', '--job', job, resumes, '--data', path.join(file, 'sub')])
    expect(under.code).toBe(2)
    expect(under.stderr).toContain('part of the path is a file, not a folder')

    const missing = path.join(dir, 'nope.md')
    const noJob = await runCli(['screen', '--job', job, '--job', missing, resumes, '--data', path.join(dir, 'data')])
    expect(noJob.code).toBe(2)
    expect(noJob.stderr).toContain(`Cannot read the job file ${missing}.`)
    expect(fs.existsSync(path.join(dir, 'data'))).toBe(false)
  }, 60_000)
})

describe('the screening store', () => {
  const read = (name: string) => ({
    ok: true as const,
    read: {
      name,
      email: `${name}@example.com`,
      keys: { emailKey: `${name}@example.com`, phoneKey: null },
      years: 3,
      educationLevel: 'bachelor' as const,
      skills: [{ skillId: 'python', name: 'Python' }],
      flags: [],
      text: `${name}\nPython\n`,
      features: {
        skillIds: ['python'],
        skillEvidence: { python: 'Python' },
        totalYears: 3,
        educationRank: 3,
        terms: { length: 2, hashes: Uint32Array.from([1, 2]), frequencies: Uint16Array.from([1, 1]) },
      },
    },
  })

  it('gives back what it kept, typed arrays included, and treats a damaged row as not kept', () => {
    const dir = tempDir('panelist-store-')
    const store = openScreenStore(dir, { version: 'v1' })
    store.saveAll([
      { hash: 'a', outcome: read('ada') },
      { hash: 'b', outcome: { ok: false, refusal: { reason: 'empty', message: 'The file is empty' } } },
    ])
    expect(store.get('a')).toEqual(read('ada'))
    expect((store.get('a') as ReturnType<typeof read>).read.features.terms.hashes).toBeInstanceOf(Uint32Array)
    expect(store.get('b')).toEqual({ ok: false, refusal: { reason: 'empty', message: 'The file is empty' } })
    store.close()

    const other = openScreenStore(dir, { version: 'v2' })
    expect(other.get('a')).toBeNull()
    other.close()

    const db = new BetterSqlite3(path.join(dir, SCREEN_STORE_FILE))
    db.prepare('UPDATE reads SET outcome = \'{"ok":true,"read":{"name":1}}\' WHERE content_hash = \'a\'').run()
    db.close()
    const again = openScreenStore(dir, { version: 'v1' })
    expect(again.get('a')).toBeNull()
    expect(again.damaged).toBe(1)
    again.close()
  })

  it('on a full disk saves nothing of the run and says so', () => {
    const dir = tempDir('panelist-store-full-')
    const first = openScreenStore(dir, { version: 'v1' })
    first.saveAll([{ hash: 'kept', outcome: read('kept') }])
    first.close()

    const store = openScreenStore(dir, { version: 'v1', maxPages: 8 })
    const many = Array.from({ length: 200 }, (_, i) => ({ hash: `h${i}`, outcome: read(`person${i}`.repeat(50)) }))
    expect(() => store.saveAll(many)).toThrow(DataFolderError)
    expect(() => store.saveAll(many)).toThrow(/the disk is full; the store is as it was before this run/)
    store.close()
    const rows = storeRows(dir)
    expect(rows.map((r) => r.content_hash)).toEqual(['kept'])
  })
})
