import os from 'node:os'
import path from 'node:path'
import { parseWithIntakeLimits } from '../core/screening/intake/pool-parser'
import type { ResumeParser } from '../core/screening/intake/resume-parser'
import { createParsePool } from '../core/screening/parse-pool'
import type { ReadChoice, WarmReader } from '../core/screening/parse-pool/protocol'
import { defaultParseWorkerFile } from '../core/screening/parse-pool/worker-file'
import type { Taxonomy } from '../core/screening/taxonomy'
import type { TaxonomyTransfer } from '../core/screening/taxonomy/build'
import type { ExtractOutcome } from '../core/screening/types'
import { capYoungGeneration } from './young-generation'

/** See capYoungGeneration: where this thread's young generation stops growing. */
const YOUNG_GENERATION_BYTES = 8 * 1024 * 1024

export interface ReaderPoolOptions {
  /** Arrives while the workers load their readers: the CLI reads the taxonomy file meanwhile. */
  taxonomy: Promise<TaxonomyTransfer>
  size: number
  warm: readonly WarmReader[]
  /** Where the workers keep V8's code cache between runs (see parse-pool/code-cache.ts). */
  codeCacheDir?: string
  /**
   * Read on this thread what the workers extract, where this thread would otherwise wait on them.
   * The taxonomy as this thread holds it.
   */
  readHere?: Promise<Taxonomy>
}

/**
 * The CLI's resume parser: the studio's pool parser (intake's limits, the same outcome), except that
 * its workers start now rather than on the first file. A worker's start (the thread, the reader's
 * code, pdf.js) is most of a small run's time; begun first, it overlaps the main thread's own start
 * (the taxonomy, the jobs, listing the files) on another core.
 */
export function startReaderPool(options: ReaderPoolOptions): ResumeParser {
  const pool = createParsePool({
    workerFile: defaultParseWorkerFile(),
    taxonomy: options.taxonomy,
    size: options.size,
    warm: options.warm,
    ...(options.readHere ? { extractOnly: true } : {}),
    ...(options.codeCacheDir ? { codeCacheDir: options.codeCacheDir } : {}),
  })
  const { readHere } = options
  // The reader loads on this thread with the first file's extraction, not before: a run that fails
  // earlier (a bad job file) never loads it.
  let reading: Promise<[typeof import('../core/screening/parse-pool/read-extracted'), Taxonomy]> | undefined
  const checkYoungGeneration = capYoungGeneration(YOUNG_GENERATION_BYTES)
  const read =
    readHere &&
    (async (extracted: ExtractOutcome, choice?: ReadChoice) => {
      reading ??= Promise.all([import('../core/screening/parse-pool/read-extracted'), readHere])
      const [{ readExtracted }, taxonomy] = await reading
      const result = readExtracted(extracted, taxonomy, new Date(), choice)
      checkYoungGeneration()
      return result
    })
  return {
    // Intake keeps twice this many files in flight: while this thread reads, the workers' queues stay full.
    concurrency: read ? pool.size * 4 : pool.size,
    parse: (bytes, fileName, _signal, choice) => parseWithIntakeLimits(pool, bytes, fileName, read, choice),
    close: () => pool.close(),
  }
}

/**
 * The user's cache folder for the CLI's code cache ('code') or its remembered taxonomy validation
 * ('taxonomy'): PANELIST_CACHE_DIR if set (empty turns both off), else the platform's cache folder.
 * Each is used only if it is private.
 */
export function codeCacheDirectory(
  env: NodeJS.ProcessEnv = process.env,
  kind: 'code' | 'taxonomy' = 'code',
): string | undefined {
  if (env.PANELIST_CACHE_DIR !== undefined)
    return env.PANELIST_CACHE_DIR ? path.join(env.PANELIST_CACHE_DIR, kind) : undefined
  const base =
    env.XDG_CACHE_HOME ||
    (process.platform === 'win32' ? env.LOCALAPPDATA : undefined) ||
    (process.platform === 'darwin' ? path.join(os.homedir(), 'Library', 'Caches') : path.join(os.homedir(), '.cache'))
  return base ? path.join(base, 'panelist', kind) : undefined
}
