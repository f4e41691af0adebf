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
