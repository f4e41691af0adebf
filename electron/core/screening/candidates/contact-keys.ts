/** Keys that find the same person across resumes: a lower-cased email, the last ten digits of a phone. */

export function emailKey(email: string | null | undefined): string | null {
  const trimmed = email?.trim().toLowerCase()
  return trimmed && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed) ? trimmed : null
}

/** Fewer than seven digits is not a phone number we can trust to identify anyone. */
export function phoneKey(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/\D/g, '')
  return digits.length >= 7 ? digits.slice(-10) : null
}

export interface ContactKeys {
  emailKey: string | null
  phoneKey: string | null
}

/**
 * Whether two resumes are the same person, and by what. The same email is; the same phone is
 * unless both give different emails (a shared office or family number, or a digit collision).
 */
export function samePersonBy(a: ContactKeys, b: ContactKeys): 'email' | 'phone' | null {
  if (a.emailKey && a.emailKey === b.emailKey) return 'email'
  const emailsDiffer = !!a.emailKey && !!b.emailKey && a.emailKey !== b.emailKey
  if (a.phoneKey && a.phoneKey === b.phoneKey && !emailsDiffer) return 'phone'
  return null
}
