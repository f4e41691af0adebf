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

/**
 * Of earlier resumes (oldest first), the one a new resume's keys make it the same person as: the first
 * with the same email, else the first with the same phone (see samePersonBy), and by which.
 */
export function samePersonAmong<T>(
  keys: ContactKeys,
  earlier: readonly T[],
  keysOf: (other: T) => ContactKeys,
): { person: T; by: 'email' | 'phone' } | undefined {
  for (const by of ['email', 'phone'] as const) {
    const person = earlier.find((other) => samePersonBy(keys, keysOf(other)) === by)
    if (person) return { person, by }
  }
  return undefined
}

/**
 * People already kept, found by their keys as samePersonAmong finds them over all of them, without
 * comparing each new one with every one kept (a folder of 10,000 files would compare 50 million pairs,
 * and a shared office phone would make every file ask every other). Only the first kept per key can
 * be the one found: the first with the email; else, for a resume with an email, the first with the
 * phone and no email (a different email rules a phone out), and for one without, the first with the phone.
 */
export class PeopleByKeys<T extends { keys: ContactKeys }> {
  private readonly first = new Map<string, T>()

  find({ emailKey, phoneKey }: ContactKeys): T | undefined {
    const byEmail = emailKey ? this.first.get(`email:${emailKey}`) : undefined
    if (byEmail || !phoneKey) return byEmail
    return this.first.get(`${emailKey ? 'bare-phone' : 'phone'}:${phoneKey}`)
  }

  add(person: T): void {
    const { emailKey, phoneKey } = person.keys
    const keys = [emailKey && `email:${emailKey}`, phoneKey && `phone:${phoneKey}`]
    if (phoneKey && !emailKey) keys.push(`bare-phone:${phoneKey}`)
    for (const key of keys) if (key && !this.first.has(key)) this.first.set(key, person)
  }
}
