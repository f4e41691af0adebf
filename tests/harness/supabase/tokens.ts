import { jwtVerify, SignJWT, errors as joseErrors, type JWTPayload } from 'jose'

/** The API roles a Supabase token may carry; PostgREST switches to the one named in `role`. */
export type ApiRole = 'anon' | 'authenticated' | 'service_role'

export interface AccessClaims extends JWTPayload {
  sub: string
  role: 'authenticated'
  aud: 'authenticated'
  email: string
  session_id: string
}

export type VerifiedToken =
  { ok: true; claims: JWTPayload & { role: ApiRole } } | { ok: false; expired: boolean; message: string }

/** Signs and checks the project's HS256 tokens with its JWT secret, as GoTrue and PostgREST both do. */
export interface TokenSigner {
  sign(claims: JWTPayload, expiresInSeconds: number): Promise<string>
  verify(token: string): Promise<VerifiedToken>
}

const ROLES: readonly string[] = ['anon', 'authenticated', 'service_role']

export function createTokenSigner(jwtSecret: string): TokenSigner {
  const key = new TextEncoder().encode(jwtSecret)
  return {
    async sign(claims, expiresInSeconds) {
      const now = Math.floor(Date.now() / 1000)
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuedAt(now)
        .setExpirationTime(now + expiresInSeconds)
        .sign(key)
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'] })
        if (typeof payload.role !== 'string' || !ROLES.includes(payload.role)) {
          return { ok: false, expired: false, message: 'JWT role is not one of anon, authenticated, service_role' }
        }
        return { ok: true, claims: payload as JWTPayload & { role: ApiRole } }
      } catch (error) {
        if (error instanceof joseErrors.JWTExpired) return { ok: false, expired: true, message: 'JWT expired' }
        return { ok: false, expired: false, message: (error as Error).message }
      }
    },
  }
}

/** The project's API keys: long-lived JWTs naming a role, as Supabase issues them. */
export async function projectKeys(signer: TokenSigner): Promise<{ anonKey: string; serviceRoleKey: string }> {
  const tenYears = 10 * 365 * 24 * 3600
  return {
    anonKey: await signer.sign({ iss: 'supabase', role: 'anon' }, tenYears),
    serviceRoleKey: await signer.sign({ iss: 'supabase', role: 'service_role' }, tenYears),
  }
}
