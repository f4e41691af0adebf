/** Error codes that cross the bridge as values; the renderer branches on them, never on text. */
export type ErrorCode =
  'invalid_input' | 'unknown_request' | 'forbidden' | 'not_found' | 'conflict' | 'unavailable' | 'internal'

/** One problem with one field of a request's input, in words for the person who typed it. */
export interface FieldIssue {
  /** The field's dotted path in the input (`salaryMin`, `patch.title`, `requiredSkills.0.name`); '' for the input as a whole. */
  path: string
  message: string
}

export interface StudioErrorShape {
  code: ErrorCode
  message: string
  /** Field-level problems for invalid_input, as `path: message`. */
  issues?: string[]
  /** The same problems for invalid_input from the contract's schemas, by field, so a form shows each beside its field. */
  fields?: FieldIssue[]
  /** For a refusal that lifts by itself (a lockout): how long until asking again can succeed. */
  retryAfterMs?: number
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: StudioErrorShape }

/** Thrown by core services for expected failures; the dispatcher turns it into a Result. */
export class StudioError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: string[],
    readonly retryAfterMs?: number,
  ) {
    super(message)
    this.name = 'StudioError'
  }

  /** Set by `invalidField`: the problem is one field's, and a form shows it beside that field. */
  fields?: FieldIssue[]

  /** Invalid input a service found in one field (a rule across fields its schema cannot state). */
  static invalidField(path: string, message: string): StudioError {
    const error = new StudioError('invalid_input', message, [`${path}: ${message}`])
    error.fields = [{ path, message }]
    return error
  }

  toShape(): StudioErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.fields ? { fields: this.fields } : {}),
      ...(this.retryAfterMs !== undefined ? { retryAfterMs: this.retryAfterMs } : {}),
    }
  }
}
