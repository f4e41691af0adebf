import type { IncomingMessage } from 'node:http'
import pg from 'pg'
import { bearerToken, parseJson, type Reply } from './http'
import { postgresErrorReply, postgrestError } from './postgrest-errors'
import { asRequestRole } from './request-role'
import type { ApiRole, TokenSigner } from './tokens'

/**
 * PostgREST's `POST /rest/v1/rpc/<function>` for functions in `public`: the JSON body's keys are
 * the function's named arguments, the call runs in one transaction as the role the token names
 * (`anon` for the anon key) with the token's claims in `request.jwt.claims`, and the result is the
 * function's value as JSON. Database errors come back as PostgREST maps them.
 */
export interface RpcRoutesDeps {
  /** A pool connected as `authenticator`, which may only switch to the API roles. */
  db: pg.Pool
  signer: TokenSigner
}

interface FunctionRow {
  returns_set: boolean
  returns_void: boolean
  input_names: string[]
  input_types: string[]
  required: number
}

const FIND_FUNCTIONS = `
  select p.proretset as returns_set,
         p.prorettype = 'void'::regtype as returns_void,
         coalesce(p.proargnames[1:p.pronargs], '{}') as input_names,
         array(select format_type(t, null) from unnest(p.proargtypes::oid[]) t) as input_types,
         p.pronargs - p.pronargdefaults as required
  from pg_proc p
  join pg_namespace n on n.oid = p.pronamespace
  where n.nspname = 'public' and p.proname = $1 and p.prokind = 'f' and p.proargmodes is null`

/** The overload PostgREST would pick: every key is an argument and every argument without a default is given. */
function pickOverload(candidates: FunctionRow[], keys: string[]): FunctionRow | null {
  return (
    candidates.find(
      (fn) =>
        keys.every((key) => fn.input_names.includes(key)) &&
        fn.input_names.slice(0, fn.required).every((name) => keys.includes(name)),
    ) ?? null
  )
}

/** `select ... from json_to_record($1)`: Postgres parses each argument to its declared type, as PostgREST does. */
function callSql(name: string, fn: FunctionRow, keys: string[]): string {
  const args = fn.input_names.filter((arg) => keys.includes(arg))
  const call = `public.${pg.escapeIdentifier(name)}(${args
    .map((arg) => `${pg.escapeIdentifier(arg)} := _.${pg.escapeIdentifier(arg)}`)
    .join(', ')})`
  const record = args.length
    ? ` from json_to_record($1::json) as _(${args
        .map((arg) => `${pg.escapeIdentifier(arg)} ${fn.input_types[fn.input_names.indexOf(arg)]}`)
        .join(', ')})`
    : ''
  if (fn.returns_set) {
    return `select coalesce(jsonb_agg(to_jsonb(r)), '[]') as body${record || ' from (select) _'} cross join lateral ${call} r`
  }
  if (fn.returns_void) return `select ${call}, null::jsonb as body${record}`
  return `select to_jsonb(${call}) as body${record}`
}

export function createRpcRoutes(deps: RpcRoutesDeps) {
  async function callFunction(
    role: ApiRole,
    claims: object,
    name: string,
    args: Record<string, unknown>,
  ): Promise<Reply> {
    const authenticated = role !== 'anon'
    try {
      const candidates = (await deps.db.query<FunctionRow>(FIND_FUNCTIONS, [name])).rows
      const keys = Object.keys(args)
      const fn = pickOverload(candidates, keys)
      if (!fn) {
        return postgrestError(
          404,
          'PGRST202',
          `Could not find the function public.${name}(${[...keys].sort().join(', ')}) in the schema cache`,
          'Perhaps you meant to call another function, or the arguments are named differently',
        )
      }
      const result = await asRequestRole(deps.db, role, claims, `/rpc/${name}`, (client) =>
        client.query<{ body: unknown }>(callSql(name, fn, keys), keys.length ? [JSON.stringify(args)] : []),
      )
      return { status: 200, body: result.rows[0]?.body ?? null }
    } catch (error) {
      if (error instanceof pg.DatabaseError) return postgresErrorReply(error, authenticated)
      throw error
    }
  }

  /** Answers a request under /rest/v1, or null when the stand-in does not serve that route. */
  return async function handle(req: IncomingMessage, route: string, text: string): Promise<Reply | null> {
    const match = /^\/rpc\/([A-Za-z_][A-Za-z0-9_]*)$/.exec(route)
    if (req.method !== 'POST' || !match) return null
    const profile = req.headers['content-profile']
    if (profile !== undefined && profile !== 'public') {
      return postgrestError(406, 'PGRST106', 'The schema must be one of the following: public')
    }
    const args = text === '' ? {} : parseJson(text)
    if (typeof args !== 'object' || args === null || Array.isArray(args)) {
      return postgrestError(400, 'PGRST102', 'Empty or invalid json')
    }
    const token = bearerToken(req)
    // Without a token PostgREST runs the request as its anonymous role.
    if (!token) return callFunction('anon', { role: 'anon' }, match[1]!, args as Record<string, unknown>)
    const verified = await deps.signer.verify(token)
    if (!verified.ok) return postgrestError(401, verified.expired ? 'PGRST303' : 'PGRST301', verified.message)
    return callFunction(verified.claims.role, verified.claims, match[1]!, args as Record<string, unknown>)
  }
}
