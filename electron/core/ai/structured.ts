import { z } from 'zod'

export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; problems: string[] }

/**
 * Models sometimes wrap JSON in a code fence or a sentence. Take the outermost JSON value, nothing
 * else; what is inside is still validated in full.
 */
export function extractJson(text: string): string {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text)
  const body = (fenced ? fenced[1]! : text).trim()
  const start = body.search(/[[{]/)
  if (start < 0) return body
  const close = body[start] === '{' ? '}' : ']'
  const end = body.lastIndexOf(close)
  return end > start ? body.slice(start, end + 1) : body.slice(start)
}

/** Validates a model's reply against the schema; problems are phrased so the model can fix them. */
export function parseStructured<T>(text: string, schema: z.ZodType<T>): ParseOutcome<T> {
  let json: unknown
  try {
    json = JSON.parse(extractJson(text))
  } catch (error) {
    return { ok: false, problems: [`not valid JSON (${error instanceof Error ? error.message : String(error)})`] }
  }
  const result = schema.safeParse(json)
  if (result.success) return { ok: true, value: result.data }
  return {
    ok: false,
    problems: result.error.issues.slice(0, 20).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
  }
}

/** The JSON Schema sent to the provider as a hint; parts zod cannot express are left open, our own check is the real one. */
export function jsonSchemaFor(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'output' }) as Record<
    string,
    unknown
  >
  return rest
}
