/**
 * A value that satisfies a JSON Schema, for structured chat answers nobody scripted (the keyless
 * demo). Covers what zod's toJSONSchema emits: objects, arrays, enums, consts, unions, refs, bounds.
 */
type Schema = Record<string, unknown>

const asSchema = (value: unknown): Schema => (typeof value === 'object' && value !== null ? (value as Schema) : {})

export function exampleFor(schema: unknown, root: unknown = schema, depth = 0): unknown {
  const s = asSchema(schema)
  if (depth > 12) return null
  if ('const' in s) return s.const
  if (Array.isArray(s.enum)) return s.enum[0]
  if (typeof s.$ref === 'string') {
    const name = s.$ref.replace(/^#\/(\$defs|definitions)\//, '')
    const defs = asSchema(asSchema(root).$defs ?? asSchema(root).definitions)
    return exampleFor(defs[name], root, depth + 1)
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const options = s[key]
    if (Array.isArray(options) && options.length) {
      const chosen = options.find((o) => asSchema(o).type !== 'null') ?? options[0]
      return exampleFor(chosen, root, depth + 1)
    }
  }
  const type = Array.isArray(s.type) ? (s.type.find((t) => t !== 'null') ?? s.type[0]) : s.type
  switch (type) {
    case 'object': {
      const properties = asSchema(s.properties)
      return Object.fromEntries(Object.entries(properties).map(([key, sub]) => [key, exampleFor(sub, root, depth + 1)]))
    }
    case 'array': {
      const count = Math.min(
        Math.max(typeof s.minItems === 'number' ? s.minItems : 1, 1),
        typeof s.maxItems === 'number' ? s.maxItems : 3,
      )
      return Array.from({ length: count }, () => exampleFor(s.items, root, depth + 1))
    }
    case 'integer':
    case 'number': {
      const min =
        typeof s.minimum === 'number' ? s.minimum : typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : 3
      const max =
        typeof s.maximum === 'number'
          ? s.maximum
          : typeof s.exclusiveMaximum === 'number'
            ? s.exclusiveMaximum - 1
            : Math.max(min, 3)
      const value = Math.min(Math.max(3, min), max)
      return type === 'integer' ? Math.ceil(value) : value
    }
    case 'boolean':
      return true
    case 'null':
      return null
    case 'string': {
      if (s.format === 'date-time') return '2026-01-01T09:00:00Z'
      if (s.format === 'email') return 'candidate@example.com'
      if (s.format === 'uri' || s.format === 'url') return 'https://example.com/'
      const min = typeof s.minLength === 'number' ? s.minLength : 0
      const max = typeof s.maxLength === 'number' ? s.maxLength : 200
      const text = 'A sample answer from the demo provider.'
      return text.padEnd(min, '.').slice(0, max)
    }
    default:
      return null
  }
}
