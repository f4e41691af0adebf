import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_EXTRACT_LIMITS } from '@core/screening/extract'
import { createParsePool, type ParsePool, type ParseResult } from '@core/screening/parse-pool'
import { readExtracted } from '@core/screening/parse-pool/read-extracted'
import { buildFeatures } from '@core/screening/scoring/features'
import type { ExtractLimits } from '@core/screening/types'
import { loadTaxonomyFile, type Taxonomy } from '@core/screening/taxonomy'
import {
  buildHostileCases,
  buildResume,
  FIXTURE_NOW,
  HIDDEN_SKILLS,
  renderResume,
  RESUME_PEOPLE,
  type FixtureFormat,
} from '../../fixtures/resumes'

const REAL_WORKER = path.resolve('electron/core/screening/parse-pool/worker.ts')
const HOSTILE_WORKER = path.resolve('tests/unit/screening/pool-hostile-worker.ts')
const FAST = { ...DEFAULT_EXTRACT_LIMITS, maxMs: 400 }

let taxonomy: Taxonomy
let files: { fileName: string; bytes: Uint8Array }[]
const pools: ParsePool[] = []

beforeAll(async () => {
  taxonomy = await loadTaxonomyFile(path.resolve('resources/skills.json'))
  const formats: FixtureFormat[] = ['pdf', 'docx', 'txt', 'md', 'json', 'pdf-banner']
  files = await Promise.all(
    RESUME_PEOPLE.slice(0, 12).map(async (person, index) => {
      const format = formats[index % formats.length]!
      return {
        fileName: `${person.id}.${format === 'pdf-banner' ? 'pdf' : format}`,
        bytes: await renderResume(buildResume(person), format),
      }
    }),
  )
})

afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()))
})

function pool(options: Partial<Parameters<typeof createParsePool>[0]> = {}) {
  const created = createParsePool({
    workerFile: REAL_WORKER,
    taxonomy: taxonomy.transfer,
    size: 2,
    now: () => FIXTURE_NOW,
    ...options,
  })
  pools.push(created)
  return created
}

const reasonOf = (result: ParseResult) => (result.outcome.ok ? 'ok' : result.outcome.refusal.reason)

describe('parse pool', () => {
  it('sizes itself to the cores by default', () => {
    expect(pool({ size: undefined }).size).toBeGreaterThanOrEqual(1)
  })

  it('extracts and reads files on several worker threads at once', async () => {
    const parser = pool()
    await parser.ready()
    let mostBusy = 0
    const watching = setInterval(() => (mostBusy = Math.max(mostBusy, parser.stats().busy)), 1)
    const results = await Promise.all(files.map((file) => parser.parse(file.bytes, file.fileName)))
    clearInterval(watching)
    expect(results.map(reasonOf)).toEqual(files.map(() => 'ok'))
    expect(new Set(results.map((result) => result.workerId)).size).toBe(2)
    expect(mostBusy).toBe(2)
    const first = results[0]!
    expect(first.parsed?.contact.name).toBe(`${RESUME_PEOPLE[0]!.firstName} ${RESUME_PEOPLE[0]!.lastName}`)
    expect(parser.stats()).toMatchObject({ workers: 2, busy: 0, queued: 0, completed: files.length, replaced: 0 })
  })

  it('starts its workers before the taxonomy arrives, and reads once it has', async () => {
    let give!: (transfer: Taxonomy['transfer']) => void
    const parser = pool({ size: 1, taxonomy: new Promise((resolve) => (give = resolve)) })
    const reading = parser.parse(files[0]!.bytes, files[0]!.fileName)
    expect(parser.stats()).toMatchObject({ workers: 1, queued: 1, completed: 0 })
    give(taxonomy.transfer)
    const result = await reading
    expect(reasonOf(result)).toBe('ok')
    expect(result.parsed?.contact.name).toBe(`${RESUME_PEOPLE[0]!.firstName} ${RESUME_PEOPLE[0]!.lastName}`)
  })

  it('rejects waiting and later files when the taxonomy cannot be had', async () => {
    let fail!: (error: Error) => void
    const parser = pool({ size: 1, taxonomy: new Promise((_, reject) => (fail = reject)) })
    const waiting = parser.parse(files[0]!.bytes, files[0]!.fileName)
    const ready = parser.ready()
    fail(new Error('skills.json is not valid'))
    await expect(waiting).rejects.toThrow(/no taxonomy: skills.json is not valid/)
    await expect(ready).rejects.toThrow(/no taxonomy/)
    await expect(parser.parse(files[1]!.bytes, files[1]!.fileName)).rejects.toThrow(/no taxonomy/)
  })

  it('reads every format with workers that loaded no reader ahead (the CLI warms only what it needs)', async () => {
    const parser = pool({ size: 1, warm: [] })
    await parser.ready()
    const results = await Promise.all(files.map((file) => parser.parse(file.bytes, file.fileName)))
    expect(results.map(reasonOf)).toEqual(files.map(() => 'ok'))
    expect(results.every((result) => result.parsed?.contact.name)).toBe(true)
  })

  it('refuses hostile files in the worker and keeps hidden text out of the reading', async () => {
    const parser = pool()
    const cases = await buildHostileCases()
    const results = await Promise.all(cases.map((item) => parser.parse(item.bytes, item.fileName)))
    cases.forEach((item, index) => {
      const result = results[index]!
      if ('refusal' in item.expect) expect(reasonOf(result), item.fileName).toBe(item.expect.refusal)
      else expect(reasonOf(result), item.fileName).toBe('ok')
    })
    const tiny = results[cases.findIndex((item) => item.fileName === 'tiny-text.pdf')]!
    expect(tiny.outcome.ok && tiny.outcome.document.hiddenText).toContain(HIDDEN_SKILLS)
    expect(tiny.parsed?.skills.map((skill) => skill.skillId)).not.toContain('haskell')
    expect(tiny.features?.skillIds).not.toContain('haskell')
  })

  it('computes the scoring features in the worker, the same as from the reading on the main thread', async () => {
    const parser = pool()
    const results = await Promise.all(files.map((file) => parser.parse(file.bytes, file.fileName)))
    for (const result of results) {
      if (!result.outcome.ok || !result.parsed) throw new Error('expected a read resume')
      expect(result.features).toEqual(buildFeatures(result.outcome.document, result.parsed))
    }
    expect(results[0]!.features?.skillIds.length).toBeGreaterThan(0)
  })

  it('terminates and replaces a worker stuck on one file; the rest of the batch goes on', async () => {
    const parser = pool({ workerFile: HOSTILE_WORKER, graceMs: 300 })
    const batch = [{ fileName: 'hang.bin', bytes: new Uint8Array([1]) }, ...files.slice(0, 6)]
    // Only the stuck file gets a tight cap, so a slow machine cannot time out the ordinary ones.
    const results = await Promise.all(
      batch.map((file) =>
        parser.parse(file.bytes, file.fileName, file.fileName === 'hang.bin' ? FAST : DEFAULT_EXTRACT_LIMITS),
      ),
    )
    expect(results.map(reasonOf)).toEqual(['timeout', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'])
    const refused = results[0]!.outcome
    expect(!refused.ok && refused.refusal.message).toMatch(/took longer than/)
    expect(parser.stats()).toMatchObject({ workers: 2, replaced: 1 })
    // The replacement works.
    const again = await Promise.all(files.slice(6).map((file) => parser.parse(file.bytes, file.fileName)))
    expect(again.map(reasonOf)).toEqual(files.slice(6).map(() => 'ok'))
  })

  it('hands each worker its next file ahead; a file waiting behind a stuck one is read by the replacement', async () => {
    const parser = pool({ workerFile: HOSTILE_WORKER, size: 1, graceMs: 300 })
    await parser.ready()
    const stuck = parser.parse(new Uint8Array([1]), 'hang.bin', FAST)
    const behind = parser.parse(files[0]!.bytes, files[0]!.fileName)
    const later = parser.parse(files[1]!.bytes, files[1]!.fileName)
    // Both the stuck file and the next one are with the single worker; the third waits in the pool.
    expect(parser.stats()).toMatchObject({ workers: 1, busy: 1, queued: 1 })
    expect((await Promise.all([stuck, behind, later])).map(reasonOf)).toEqual(['timeout', 'ok', 'ok'])
    expect(parser.stats()).toMatchObject({ replaced: 1, completed: 3 })
  })

  it('caps each worker’s memory: a file that needs more is refused and the worker replaced', async () => {
    const parser = pool({ workerFile: HOSTILE_WORKER, maxMemoryMb: 128 })
    const [balloon, after] = await Promise.all([
      parser.parse(new Uint8Array([1]), 'balloon.bin'),
      parser.parse(files[0]!.bytes, files[0]!.fileName),
    ])
    expect(reasonOf(balloon!)).toBe('too_large')
    expect(!balloon!.outcome.ok && balloon!.outcome.refusal.message).toMatch(/more than 128 MB of memory/)
    expect(reasonOf(after!)).toBe('ok')
    expect(parser.stats().replaced).toBe(1)
    expect(reasonOf(await parser.parse(files[1]!.bytes, files[1]!.fileName))).toBe('ok')
  })

  it('answers a file whose worker died, and carries on', async () => {
    const parser = pool({ workerFile: HOSTILE_WORKER })
    expect(reasonOf(await parser.parse(new Uint8Array([1]), 'crash.bin'))).toBe('corrupt')
    expect(reasonOf(await parser.parse(files[2]!.bytes, files[2]!.fileName))).toBe('ok')
    expect(parser.stats()).toMatchObject({ workers: 2, replaced: 1 })
  })

  it('parseAll reads files lazily, never holding more than twice the pool size', async () => {
    const parser = pool()
    let read = 0
    let yielded = 0
    let mostHeld = 0
    const sources = Array.from({ length: 24 }, (_, index) => ({
      fileName: files[index % files.length]!.fileName,
      read: async () => {
        read++
        mostHeld = Math.max(mostHeld, read - yielded)
        return files[index % files.length]!.bytes
      },
    }))
    const names: string[] = []
    for await (const { source, result } of parser.parseAll(sources)) {
      yielded++
      names.push(source.fileName)
      expect(reasonOf(result)).toBe('ok')
    }
    expect(names).toHaveLength(24)
    expect(mostHeld).toBeLessThanOrEqual(2 * parser.size)
  })

  it('with extractOnly, gives back the extraction alone, and reading it on this thread gives what a worker reads', async () => {
    const hostile = (await buildHostileCases()).filter((c) => /injection|white-text|corrupt/.test(c.fileName))
    const recipe = fs.readFileSync(path.resolve('tests/fixtures/non-resumes/not/recipe-banana-bread.txt'))
    const mixed = [
      ...files,
      ...hostile.map(({ fileName, bytes }) => ({ fileName, bytes })),
      { fileName: 'recipe.txt', bytes: new Uint8Array(recipe) },
    ]
    const [reading, extracting] = [pool(), pool({ extractOnly: true })]
    const read = await Promise.all(mixed.map((file) => reading.parse(file.bytes, file.fileName)))
    const extracted = await Promise.all(mixed.map((file) => extracting.parse(file.bytes, file.fileName)))
    expect(extracted.filter((result) => result.parsed || result.features)).toEqual([])
    expect(read.filter((result) => result.parsed).length).toBeGreaterThanOrEqual(files.length)
    expect(read.map(reasonOf)).toEqual(expect.arrayContaining(['corrupt', 'not_a_resume']))
    extracted.forEach((result, index) => {
      const { outcome, parsed, features } = read[index]!
      expect(readExtracted(result.outcome, taxonomy, FIXTURE_NOW), mixed[index]!.fileName).toEqual({
        outcome,
        ...(parsed ? { parsed, features } : {}),
      })
    })
  })

  it('with extractOnly, extracts without waiting for the taxonomy, which it is never sent', async () => {
    // The caller reads on its own thread: a worker that only extracts needs nothing from the taxonomy.
    const parser = pool({ size: 1, extractOnly: true, taxonomy: new Promise<Taxonomy['transfer']>(() => undefined) })
    await parser.ready()
    const result = await parser.parse(files[0]!.bytes, files[0]!.fileName)
    expect(reasonOf(result)).toBe('ok')
    expect(result.parsed).toBeUndefined()
  })

  it('validates limits and rejects work after close', async () => {
    const parser = pool()
    await expect(parser.parse(files[0]!.bytes, 'a.pdf', { ...FAST, maxPages: -1 })).rejects.toThrow(
      /Invalid extract limits: maxPages/,
    )
    const bad = (limits: unknown) => parser.parse(files[0]!.bytes, 'a.pdf', limits as ExtractLimits)
    await expect(bad({ ...FAST, maxPages: 1.5 })).rejects.toThrow(/maxPages must be a positive whole number/)
    await expect(bad({ ...FAST, maxMs: Number.NaN })).rejects.toThrow(/maxMs must be a positive number/)
    await expect(bad({ ...FAST, maxBytes: Infinity })).rejects.toThrow(/maxBytes/)
    await expect(bad({ ...FAST, maxZipRatio: '100' })).rejects.toThrow(/maxZipRatio/)
    await expect(bad({ ...FAST, extra: 1 })).rejects.toThrow(/extra is not a limit/)
    const { maxMs: _dropped, ...missing } = FAST
    await expect(bad(missing)).rejects.toThrow(/maxMs must be/)
    await expect(bad(null)).rejects.toThrow(/must be an object/)
    // A fractional time or ratio is a valid limit.
    const fractional = await parser.parse(files[0]!.bytes, 'a.pdf', { ...FAST, maxMs: 15_000.5, maxZipRatio: 99.5 })
    expect(reasonOf(fractional)).toBe('ok')
    // The expectation is attached before close, as close rejects the file in flight straight away.
    const pending = expect(parser.parse(files[0]!.bytes, 'a.pdf')).rejects.toThrow(/closed/)
    await parser.close()
    await pending
    await expect(parser.parse(files[0]!.bytes, 'a.pdf')).rejects.toThrow(/closed/)
  })

  it('fails loudly when the worker entry cannot start', async () => {
    const parser = pool({ workerFile: path.resolve('tests/unit/screening/no-such-worker.ts') })
    await expect(parser.parse(files[0]!.bytes, 'a.pdf')).rejects.toThrow(/could not start/)
  })
})
