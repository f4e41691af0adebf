import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createParsePool, type ParsePool, type ParseResult } from '@core/screening/parse-pool'
import { privateCacheDir } from '@core/screening/parse-pool/code-cache'
import { loadTaxonomyFile, type Taxonomy } from '@core/screening/taxonomy'
import { tempDir } from '../../helpers/temp-studio'
import {
  buildHostileCases,
  buildResume,
  FIXTURE_NOW,
  HIDDEN_SKILLS,
  renderResume,
  RESUME_PEOPLE,
} from '../../fixtures/resumes'

// The code cache is installed by the build's worker entry only (`npm test` builds first).
const BUILT_WORKER = path.resolve('out/main/parse-worker.js')

let taxonomy: Taxonomy
let files: { fileName: string; bytes: Uint8Array }[]
const pools: ParsePool[] = []

beforeAll(async () => {
  taxonomy = await loadTaxonomyFile(path.resolve('resources/skills.json'))
  const hidden = (await buildHostileCases()).find((item) => item.fileName === 'tiny-text.pdf')!
  files = [
    { fileName: 'resume.pdf', bytes: await renderResume(buildResume(RESUME_PEOPLE[0]!), 'pdf') },
    { fileName: 'resume.docx', bytes: await renderResume(buildResume(RESUME_PEOPLE[1]!), 'docx') },
    { fileName: hidden.fileName, bytes: hidden.bytes },
  ]
})

afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()))
})

/** Each file through a fresh pool of one built worker, then the pool closed (a new thread per run). */
async function readAll(codeCacheDir?: string): Promise<ParseResult[]> {
  const pool = createParsePool({
    workerFile: BUILT_WORKER,
    taxonomy: taxonomy.transfer,
    size: 1,
    now: () => FIXTURE_NOW,
    warm: ['pdf'],
    ...(codeCacheDir ? { codeCacheDir } : {}),
  })
  pools.push(pool)
  const results: ParseResult[] = []
  for (const file of files) results.push(await pool.parse(file.bytes, file.fileName))
  await pool.close()
  return results
}

const reading = (results: ParseResult[]) =>
  results.map((result) =>
    result.outcome.ok ? { document: result.outcome.document, parsed: result.parsed } : result.outcome,
  )

/** Each cache file's bytes and inode: a file written again (to a temporary name, then renamed) has a new inode. */
const cacheFiles = (dir: string) =>
  Object.fromEntries(
    fs
      .readdirSync(dir)
      .sort()
      .map((name) => [
        name,
        { bytes: fs.readFileSync(path.join(dir, name)), inode: fs.statSync(path.join(dir, name)).ino },
      ]),
  )

describe('the parse worker code cache', () => {
  it('is kept only in a folder no one else can write to', () => {
    const base = tempDir('panelist-code-cache-')
    const fresh = path.join(base, 'fresh', 'code')
    expect(privateCacheDir(fresh)).toBe(fresh)
    expect(fs.statSync(fresh).mode & 0o777).toBe(0o700)
    const shared = path.join(base, 'shared')
    fs.mkdirSync(shared)
    fs.chmodSync(shared, 0o777)
    expect(privateCacheDir(shared)).toBeNull()
  })

  it('reads the same with and without it, reuses what it kept, and compiles again over a damaged cache', async () => {
    expect(fs.existsSync(BUILT_WORKER), `${BUILT_WORKER} is missing: run npx electron-vite build`).toBe(true)
    const dir = path.join(tempDir('panelist-code-cache-'), 'code')
    const uncached = reading(await readAll())
    expect(uncached.map((item) => ('document' in item ? 'ok' : item.ok))).toEqual(['ok', 'ok', 'ok'])
    const hiddenRead = uncached[2]! as { document: { hiddenText: string } }
    expect(hiddenRead.document.hiddenText).toContain(HIDDEN_SKILLS)

    expect(reading(await readAll(dir))).toEqual(uncached)
    const kept = cacheFiles(dir)
    // pdf.js (display and worker halves) and the reader's own code.
    const names = Object.keys(kept)
    expect(names.some((name) => name.startsWith('pdf.worker-'))).toBe(true)
    expect(names.some((name) => /^pdf-/.test(name))).toBe(true)
    expect(names.some((name) => name.startsWith('reader-thread-'))).toBe(true)

    // Accepted by V8, so not written again: the same files, byte for byte.
    expect(reading(await readAll(dir))).toEqual(uncached)
    expect(cacheFiles(dir)).toEqual(kept)

    // A damaged cache is rejected by V8: the file is compiled from source, reads the same, and is rewritten.
    const pdfWorkerCache = path.join(
      dir,
      names.find((name) => name.startsWith('pdf.worker-'))!,
    )
    const garbage = Buffer.alloc(fs.statSync(pdfWorkerCache).size, 0x5a)
    fs.writeFileSync(pdfWorkerCache, garbage)
    expect(reading(await readAll(dir))).toEqual(uncached)
    expect(fs.readFileSync(pdfWorkerCache).equals(garbage)).toBe(false)

    // A chunk changed where it lies (a new modification time) is not given the cache of the old one.
    const chunks = path.join(path.dirname(BUILT_WORKER), 'chunks')
    const pdfChunk = path.join(
      chunks,
      fs.readdirSync(chunks).find((name) => /^pdf-.*\.js$/.test(name))!,
    )
    const { atime, mtime } = fs.statSync(pdfChunk)
    const before = new Set(fs.readdirSync(dir))
    try {
      fs.utimesSync(pdfChunk, atime, new Date(mtime.getTime() + 60_000))
      expect(reading(await readAll(dir))).toEqual(uncached)
    } finally {
      fs.utimesSync(pdfChunk, atime, mtime)
    }
    const added = fs.readdirSync(dir).filter((name) => !before.has(name))
    expect(added).toHaveLength(1)
    expect(added[0]).toMatch(/^pdf-/)
  })
})
