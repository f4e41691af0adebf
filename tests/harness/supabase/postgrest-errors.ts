import type { Reply } from './http'

/**
 * PostgREST's translation of a Postgres error code to an HTTP status
 * (docs.postgrest.org, references/errors: "HTTP Status Codes"). 42501 depends on who asked:
 * 401 for a request without a user token, 403 for a signed-in user.
 */
export function statusForSqlState(code: string, authenticated: boolean): number {
  const exact: Record<string, number> = {
    '23503': 409,
    '23505': 409,
    '25006': 405,
    '53400': 500,
    P0001: 400,
    '42883': 404,
    '42P01': 404,
    '42P17': 500,
    '42501': authenticated ? 403 : 401,
  }
  if (exact[code] !== undefined) return exact[code]
  const byClass: Record<string, number> = {
    '08': 503,
    '09': 500,
    '0L': 403,
    '0P': 403,
    '25': 500,
    '28': 403,
    '2D': 500,
    '38': 500,
    '39': 500,
    '3B': 500,
    '40': 500,
    '53': 503,
    '54': 500,
    '55': 500,
    '57': 500,
    '58': 500,
    F0: 500,
    HV: 500,
    P0: 500,
    XX: 500,
  }
  return byClass[code.slice(0, 2)] ?? 400
}

interface PgErrorFields {
  code?: string
  message: string
  detail?: string
  hint?: string
}

/** The body PostgREST sends for a database error: Postgres's fields under its own names. */
export function postgresErrorReply(error: PgErrorFields, authenticated: boolean): Reply {
  const code = error.code ?? 'XX000'
  return {
    status: statusForSqlState(code, authenticated),
    body: { code, details: error.detail ?? null, hint: error.hint ?? null, message: error.message },
  }
}

/** An error PostgREST raises itself (codes PGRSTxxx). */
export function postgrestError(status: number, code: string, message: string, hint: string | null = null): Reply {
  return { status, body: { code, details: null, hint, message } }
}
