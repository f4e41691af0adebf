import crypto from 'node:crypto'

/**
 * After a rotation the old secret keeps signing beside the new one for a day, so a receiver that
 * has not yet been given the new secret still verifies every delivery; then it is dropped.
 */
export const ROTATION_GRACE_MS = 24 * 60 * 60_000

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
export const newSigningSecret = (): string => `whsec_${crypto.randomBytes(32).toString('base64')}`

export function signingSecrets(
  endpoint: { secret: string | null; previous_secret: string | null; previous_secret_until: number | null },
  now: number,
): string[] {
  const secrets = endpoint.secret ? [endpoint.secret] : []
  if (endpoint.previous_secret && (endpoint.previous_secret_until ?? 0) > now) secrets.push(endpoint.previous_secret)
  return secrets
}
