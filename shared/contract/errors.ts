/** Error codes that cross the bridge as values; the renderer branches on them, never on text. */
export type ErrorCode =
  'invalid_input' | 'unknown_request' | 'forbidden' | 'not_found' | 'conflict' | 'unavailable' | 'internal'

export interface StudioErrorShape {
  code: ErrorCode
  message: string
  /** Field-level problems for invalid_input, as `path: message`. */
  issues?: string[]
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

  toShape(): StudioErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.retryAfterMs !== undefined ? { retryAfterMs: this.retryAfterMs } : {}),
    }
  }
}
