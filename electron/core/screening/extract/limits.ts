import { z } from 'zod'
import type { ExtractLimits, Refusal, RefusalReason } from '../types'

/** Limits for one resume: generous for real CVs, far below what hurts a laptop. */
export const DEFAULT_EXTRACT_LIMITS: ExtractLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxPages: 30,
  maxMs: 15_000,
  maxUnzippedBytes: 50 * 1024 * 1024,
  maxZipRatio: 100,
}

export const extractLimitsSchema = z
  .object({
    maxBytes: z.number().int().positive(),
    maxPages: z.number().int().positive(),
    maxMs: z.number().positive(),
    maxUnzippedBytes: z.number().int().positive(),
    maxZipRatio: z.number().positive(),
  })
  .strict() satisfies z.ZodType<ExtractLimits>

/** Text formats have no pages; this many characters count as one for the page cap. */
export const CHARS_PER_PAGE = 4_000

/** Thrown inside a reader to end it with a refusal; extractDocument turns it into an outcome. */
export class RefusalError extends Error {
  override readonly name = 'RefusalError'
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message)
  }

  toRefusal(): Refusal {
    return { reason: this.reason, message: this.message }
  }
}

export function refuse(reason: RefusalReason, message: string): never {
  throw new RefusalError(reason, message)
}

export const formatBytes = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`
