import os from 'node:os'
import { MAX_RESUME_BYTES } from '../../../../shared/contract/screening'
import { DEFAULT_EXTRACT_LIMITS } from '../extract/limits'
import { createParsePool, type ParsePool } from '../parse-pool'
import { defaultParseWorkerFile } from '../parse-pool/worker-file'
import type { WarmReader } from '../parse-pool/protocol'
import type { TaxonomyData } from '../taxonomy'
import type { ResumeParser } from './resume-parser'

export interface PoolParserOptions {
  taxonomy: TaxonomyData
  workerFile?: string
  /** Worker threads; default one per core. */
  size?: number
  /** Readers the workers load before their first file; default all. */
  warm?: readonly WarmReader[]
}

/**
 * The studio's resume parser: the reader's worker pool, started on the first file (a studio that
 * never imports never starts threads), with intake's size limit.
 */
export function poolParser(options: PoolParserOptions): ResumeParser {
  const size = Math.max(1, options.size ?? os.availableParallelism())
  const limits = { ...DEFAULT_EXTRACT_LIMITS, maxBytes: MAX_RESUME_BYTES }
  let pool: ParsePool | null = null
  return {
    concurrency: size,
    async parse(bytes, fileName) {
      pool ??= createParsePool({
        workerFile: options.workerFile ?? defaultParseWorkerFile(),
        taxonomy: options.taxonomy,
        size,
        ...(options.warm ? { warm: options.warm } : {}),
      })
      const { outcome, parsed, features } = await pool.parse(bytes, fileName, limits)
      if (!outcome.ok) return outcome
      if (!parsed || !features)
        return { ok: false, refusal: { reason: 'corrupt', message: 'The resume could not be read.' } }
      return { ok: true, document: outcome.document, resume: parsed, features }
    },
    async close() {
      const open = pool
      pool = null
      await open?.close()
    },
  }
}
