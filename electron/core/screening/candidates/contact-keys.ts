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
 * People already kept, found by their keys without comparing each new one with all of them (a folder
 * of 10,000 files would compare 50 million pairs): only those sharing an email or a phone are asked.
 */
export class PeopleByKeys<T extends { keys: ContactKeys }> {
  private readonly byKey = new Map<string, T[]>()

  find(keys: ContactKeys): T | undefined {
    const near = [...this.at('email', keys.emailKey), ...this.at('phone', keys.phoneKey)]
    return samePersonAmong(keys, near, (other) => other.keys)?.person
  }

  add(person: T): void {
    for (const [kind, key] of [
      ['email', person.keys.emailKey],
      ['phone', person.keys.phoneKey],
    ] as const)
      if (key) this.byKey.set(`${kind}:${key}`, [...this.at(kind, key), person])
  }

  private at(kind: 'email' | 'phone', key: string | null): T[] {
    return (key && this.byKey.get(`${kind}:${key}`)) || []
  }
}
