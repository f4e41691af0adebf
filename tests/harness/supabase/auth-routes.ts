import { randomBytes, randomInt } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type pg from 'pg'
import { z } from 'zod'
import { bearerToken, parseJson, type Reply } from './http'
import { hashPassword, verifyPassword } from './passwords'
import type { AccessClaims, TokenSigner } from './tokens'

/**
 * The GoTrue endpoints supabase-js's auth client calls for email + password accounts: sign-up
 * (confirmed at once, as a project with "Confirm email" off), password and refresh-token grants,
 * the current user, and sign-out, and one-time codes by email (the email itself is not sent: the
 * stand-in keeps it in `sentCodes`, where a test reads it as a person reads their inbox). Users
 * live in auth.users of the test database.
 */
export interface AuthRoutesDeps {
  /** A pool connected as the owner of the auth schema (GoTrue's role on Supabase). */
  db: pg.Pool
  signer: TokenSigner
  /** GoTrue's `iss`: the project's auth URL, known once the server listens. */
  issuer: () => string
  accessTokenSeconds: number
}

interface UserRow {
  id: string
  aud: string
  role: string
  email: string
  encrypted_password: string
  email_confirmed_at: Date | null
  last_sign_in_at: Date | null
  raw_app_meta_data: Record<string, unknown>
  raw_user_meta_data: Record<string, unknown>
  created_at: Date
  updated_at: Date
}

const API_VERSION = { 'x-supabase-api-version': '2024-01-01' }

/** GoTrue's error body for clients that send the 2024-01-01 API version (auth-js always does). */
const authError = (status: number, code: string, message: string): Reply => ({
  status,
  body: { code, message },
  headers: API_VERSION,
})

const credentials = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string() })
const signUpBody = credentials.extend({ data: z.record(z.string(), z.unknown()).optional() })
const refreshBody = z.object({ refresh_token: z.string().min(1) })
const otpBody = z.object({ email: z.string().trim().toLowerCase().email(), create_user: z.boolean().optional() })
const verifyBody = z.object({
  type: z.enum(['email', 'magiclink']),
  email: z.string().trim().toLowerCase(),
  token: z.string(),
})
/** GoTrue's default: a code is valid for an hour, once. */
const OTP_SECONDS = 3600
const MIN_PASSWORD_LENGTH = 6

function userJson(user: UserRow) {
  return {
    id: user.id,
    aud: user.aud,
    role: user.role,
    email: user.email,
    email_confirmed_at: user.email_confirmed_at,
    phone: '',
    confirmed_at: user.email_confirmed_at,
    last_sign_in_at: user.last_sign_in_at,
    app_metadata: user.raw_app_meta_data,
    user_metadata: user.raw_user_meta_data,
    identities: [],
    created_at: user.created_at,
    updated_at: user.updated_at,
    is_anonymous: false,
  }
}

/** One code emailed by the stand-in: what the person would find in their inbox. */
export interface SentCode {
  email: string
  code: string
}

export function createAuthRoutes(deps: AuthRoutesDeps) {
  const { db, signer } = deps
  const sentCodes: SentCode[] = []
  const openCodes = new Map<string, { code: string; expires: number }>()

  async function issueSession(user: UserRow, sessionId?: string) {
    const session =
      sessionId ??
      (await db.query<{ id: string }>('insert into auth.sessions (user_id) values ($1) returning id', [user.id]))
        .rows[0]!.id
    const refreshToken = randomBytes(24).toString('base64url')
    await db.query('insert into auth.refresh_tokens (token, user_id, session_id) values ($1, $2, $3)', [
      refreshToken,
      user.id,
      session,
    ])
    const claims: AccessClaims = {
      iss: deps.issuer(),
      sub: user.id,
      aud: 'authenticated',
      role: 'authenticated',
      email: user.email,
      phone: '',
      app_metadata: user.raw_app_meta_data,
      user_metadata: user.raw_user_meta_data,
      aal: 'aal1',
      amr: [{ method: 'password', timestamp: Math.floor(Date.now() / 1000) }],
      session_id: session,
      is_anonymous: false,
    }
    const accessToken = await signer.sign(claims, deps.accessTokenSeconds)
    return {
      status: 200,
      headers: API_VERSION,
      body: {
        access_token: accessToken,
        token_type: 'bearer',
        expires_in: deps.accessTokenSeconds,
        expires_at: Math.floor(Date.now() / 1000) + deps.accessTokenSeconds,
        refresh_token: refreshToken,
        user: userJson(user),
      },
    } satisfies Reply
  }

  const userById = async (id: string) =>
    (await db.query<UserRow>('select * from auth.users where id = $1', [id])).rows[0] ?? null

  async function signUp(body: unknown): Promise<Reply> {
    const parsed = signUpBody.safeParse(body)
    if (!parsed.success) return authError(400, 'validation_failed', 'An email address and a password are required')
    const { email, password, data } = parsed.data
    if (password.length < MIN_PASSWORD_LENGTH) {
      return {
        ...authError(422, 'weak_password', `Password should be at least ${MIN_PASSWORD_LENGTH} characters.`),
        body: {
          code: 'weak_password',
          message: `Password should be at least ${MIN_PASSWORD_LENGTH} characters.`,
          weak_password: { reasons: ['length'] },
        },
      }
    }
    const inserted = await db.query<UserRow>(
      `insert into auth.users (email, encrypted_password, email_confirmed_at, last_sign_in_at, raw_user_meta_data)
       values ($1, $2, now(), now(), $3) on conflict (email) do nothing returning *`,
      [email, await hashPassword(password), data ?? {}],
    )
    const user = inserted.rows[0]
    if (!user) return authError(422, 'user_already_exists', 'User already registered')
    return issueSession(user)
  }

  async function passwordGrant(body: unknown): Promise<Reply> {
    const parsed = credentials.safeParse(body)
    const invalid = authError(400, 'invalid_credentials', 'Invalid login credentials')
    if (!parsed.success) return invalid
    const user = (await db.query<UserRow>('select * from auth.users where email = $1', [parsed.data.email])).rows[0]
    if (!user || !(await verifyPassword(parsed.data.password, user.encrypted_password))) return invalid
    const signedIn = (
      await db.query<UserRow>('update auth.users set last_sign_in_at = now() where id = $1 returning *', [user.id])
    ).rows[0]!
    return issueSession(signedIn)
  }

  /** Emails a six-digit code; with create_user false, only to an existing account (as auth-js asks). */
  async function sendOtp(body: unknown): Promise<Reply> {
    const parsed = otpBody.safeParse(body)
    if (!parsed.success) return authError(400, 'validation_failed', 'An email address is required')
    const { email } = parsed.data
    const user = (await db.query<UserRow>('select * from auth.users where email = $1', [email])).rows[0]
    if (!user && parsed.data.create_user === false) {
      return authError(422, 'otp_disabled', 'Signups not allowed for otp')
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
    openCodes.set(email, { code, expires: Date.now() + OTP_SECONDS * 1000 })
    sentCodes.push({ email, code })
    return { status: 200, body: {}, headers: API_VERSION }
  }

  async function verifyOtp(body: unknown): Promise<Reply> {
    const parsed = verifyBody.safeParse(body)
    const invalid = authError(403, 'otp_expired', 'Token has expired or is invalid')
    if (!parsed.success) return invalid
    const open = openCodes.get(parsed.data.email)
    if (!open || open.expires < Date.now() || open.code !== parsed.data.token) return invalid
    openCodes.delete(parsed.data.email)
    const user = (
      await db.query<UserRow>(
        `update auth.users set last_sign_in_at = now(), email_confirmed_at = coalesce(email_confirmed_at, now())
         where email = $1 returning *`,
        [parsed.data.email],
      )
    ).rows[0]
    return user ? issueSession(user) : invalid
  }

  /** Rotates the refresh token: the old one is revoked, the session continues with a new pair. */
  async function refreshGrant(body: unknown): Promise<Reply> {
    const parsed = refreshBody.safeParse(body)
    if (!parsed.success) return authError(400, 'validation_failed', 'refresh_token is required')
    const revoked = await db.query<{ user_id: string; session_id: string; was_revoked: boolean }>(
      `update auth.refresh_tokens t set revoked = true
       from (select token, revoked as was_revoked from auth.refresh_tokens where token = $1 for update) old
       where t.token = old.token returning t.user_id, t.session_id, old.was_revoked`,
      [parsed.data.refresh_token],
    )
    const row = revoked.rows[0]
    if (!row) return authError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found')
    if (row.was_revoked) return authError(400, 'refresh_token_already_used', 'Invalid Refresh Token: Already Used')
    const user = await userById(row.user_id)
    if (!user) return authError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found')
    return issueSession(user, row.session_id)
  }

  /** The caller's verified claims, and whether their session still exists (sign-out ends it). */
  async function currentSession(req: IncomingMessage) {
    const token = bearerToken(req)
    if (!token) return { error: authError(401, 'no_authorization', 'This endpoint requires a valid Bearer token') }
    const verified = await signer.verify(token)
    if (!verified.ok || verified.claims.role !== 'authenticated' || typeof verified.claims.sub !== 'string') {
      return { error: authError(403, 'bad_jwt', `invalid JWT: ${verified.ok ? 'not a user token' : verified.message}`) }
    }
    const claims = verified.claims as AccessClaims
    const live = await db.query('select 1 from auth.sessions where id = $1 and user_id = $2', [
      claims.session_id,
      claims.sub,
    ])
    if (!live.rowCount)
      return { error: authError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist') }
    return { claims }
  }

  async function getUser(req: IncomingMessage): Promise<Reply> {
    const session = await currentSession(req)
    if (session.error) return session.error
    const user = await userById(session.claims.sub)
    if (!user) return authError(403, 'user_not_found', 'User from sub claim in JWT does not exist')
    return { status: 200, body: userJson(user), headers: API_VERSION }
  }

  async function logout(req: IncomingMessage, scope: string): Promise<Reply> {
    const session = await currentSession(req)
    if (session.error) return session.error
    const { sub, session_id } = session.claims
    if (scope === 'global') await db.query('delete from auth.sessions where user_id = $1', [sub])
    else if (scope === 'others')
      await db.query('delete from auth.sessions where user_id = $1 and id <> $2', [sub, session_id])
    else await db.query('delete from auth.sessions where id = $1', [session_id])
    return { status: 204, headers: API_VERSION }
  }

  /** Answers a request under /auth/v1, or null when the stand-in does not serve that route. */
  async function handle(
    req: IncomingMessage,
    route: string,
    query: URLSearchParams,
    text: string,
  ): Promise<Reply | null> {
    const key = `${req.method} ${route}`
    if (key === 'POST /signup') return signUp(parseJson(text))
    if (key === 'POST /otp') return sendOtp(parseJson(text))
    if (key === 'POST /verify') return verifyOtp(parseJson(text))
    if (key === 'POST /token' && query.get('grant_type') === 'password') return passwordGrant(parseJson(text))
    if (key === 'POST /token' && query.get('grant_type') === 'refresh_token') return refreshGrant(parseJson(text))
    if (key === 'GET /user') return getUser(req)
    if (key === 'POST /logout') return logout(req, query.get('scope') ?? 'global')
    return null
  }
  return { handle, sentCodes }
}
