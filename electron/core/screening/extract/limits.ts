import type { ExtractLimits, Refusal, RefusalReason } from '../types'

/** Limits for one resume: generous for real CVs, far below what hurts a laptop. */
export const DEFAULT_EXTRACT_LIMITS: ExtractLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxPages: 30,
  maxMs: 15_000,
  maxUnzippedBytes: 50 * 1024 * 1024,
  maxZipRatio: 100,
}

/** Each limit, and whether it must be a whole number. */
const LIMIT_FIELDS: Record<keyof ExtractLimits, boolean> = {
  maxBytes: true,
  maxPages: true,
  maxMs: false,
  maxUnzippedBytes: true,
  maxZipRatio: false,
}

/**
 * What is wrong with limits a caller passes (empty: nothing): every limit present, a positive
 * number (whole where counted), and nothing else. Checked by hand, not with zod, because this
 * module loads before the command line starts its parse workers, and zod's load delayed them by
 * about 20 ms.
 */
export function extractLimitsProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return ['the limits must be an object']
  const given = value as Record<string, unknown>
  const problems = Object.keys(given)
    .filter((key) => !Object.hasOwn(LIMIT_FIELDS, key))
    .map((key) => `${key} is not a limit`)
  for (const [key, whole] of Object.entries(LIMIT_FIELDS)) {
    const limit = given[key]
    const valid =
      typeof limit === 'number' && limit > 0 && Number.isFinite(limit) && (!whole || Number.isInteger(limit))
    if (!valid) problems.push(`${key} must be a positive ${whole ? 'whole ' : ''}number`)
  }
  return problems
}

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
