import type { z } from 'zod'

/**
 * Reads a JSON column defensively: a synced row written by another version, or a damaged one,
 * yields the fallback instead of breaking a list.
 */
export function readJson<T>(text: string | null, schema: z.ZodType<T>, fallback: T): T {
  if (text === null) return fallback
  try {
    const parsed = schema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : fallback
  } catch {
    return fallback
  }
}
