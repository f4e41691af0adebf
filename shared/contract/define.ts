import type { z } from 'zod'

/** Which window may call a request: the kiosk never reaches recruiter data. */
export type Audience = 'recruiter' | 'kiosk'

export interface RequestDef<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I
  readonly audience: readonly Audience[]
  /** Phantom: carries the result type; never set at run time. */
  readonly _result?: O
}

/**
 * Declares a request. The result type is given explicitly because results are produced by our own
 * code, while inputs cross the trust boundary and are validated with the schema.
 */
export function request<O>() {
  return <I extends z.ZodType>(input: I, audience: readonly Audience[] = ['recruiter']): RequestDef<I, O> => ({
    input,
    audience,
  })
}
