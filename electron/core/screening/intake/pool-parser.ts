import os from 'node:os'
import { MAX_RESUME_BYTES } from '../../../../shared/contract/screening/resume-size'
import { DEFAULT_EXTRACT_LIMITS } from '../extract/limits'
import { createParsePool, type ParsePool } from '../parse-pool'
import { defaultParseWorkerFile } from '../parse-pool/worker-file'
import type { ParseResult, ReadChoice, WarmReader } from '../parse-pool/protocol'
import type { TaxonomyTransfer } from '../taxonomy/build'
import type { ExtractOutcome } from '../types'
import type { ParseOutcome, ResumeParser } from './resume-parser'

export interface PoolParserOptions {
  taxonomy: TaxonomyTransfer
  workerFile?: string
  /** Worker threads; default one per core. */
  size?: number
  /** Readers the workers load before their first file; default all. */
  warm?: readonly WarmReader[]
}

const INTAKE_LIMITS = { ...DEFAULT_EXTRACT_LIMITS, maxBytes: MAX_RESUME_BYTES }

/**
 * One file through the pool with intake's size limit, answered as a ResumeParser answers. `read`
 * reads what a pool of extractOnly workers gave back.
 */
export async function parseWithIntakeLimits(
  pool: ParsePool,
  bytes: Uint8Array,
  fileName: string,
  read?: (
    extracted: ExtractOutcome,
    choice?: ReadChoice,
  ) => Promise<Pick<ParseResult, 'outcome' | 'parsed' | 'features'>>,
  choice?: ReadChoice,
): Promise<ParseOutcome> {
  const extracted = await pool.parse(bytes, fileName, INTAKE_LIMITS, choice)
  const { outcome, parsed, features } = read ? await read(extracted.outcome, choice) : extracted
  if (!outcome.ok) return outcome
  if (!parsed || !features)
    return { ok: false, refusal: { reason: 'corrupt', message: 'The resume could not be read.' } }
  return { ok: true, document: outcome.document, resume: parsed, features }
}

/**
 * The studio's resume parser: the reader's worker pool, started on the first file (a studio that
 * never imports never starts threads), with intake's size limit.
 */
export function poolParser(options: PoolParserOptions): ResumeParser {
  const size = Math.max(1, options.size ?? os.availableParallelism())
  let pool: ParsePool | null = null
  return {
    concurrency: size,
    async parse(bytes, fileName, _signal, choice) {
      pool ??= createParsePool({
        workerFile: options.workerFile ?? defaultParseWorkerFile(),
        taxonomy: options.taxonomy,
        size,
        ...(options.warm ? { warm: options.warm } : {}),
      })
      return parseWithIntakeLimits(pool, bytes, fileName, undefined, choice)
    },
    async close() {
      const open = pool
      pool = null
      await open?.close()
    },
  }
}
