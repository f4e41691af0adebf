/**
 * Skills named by a person's role ("Scrum Master", "Product Owner", "DBA"): a text may name someone
 * who holds that role rather than the skill itself. Job reading and resume reading both ask.
 */

/** A skill's words that name a person who holds it. */
const A_PERSON =
  /(?:owner|master|analyst|manager|engineer|designer|developer|architect|consultant|officer|administrator|\bDBA)s?$/i

/** What after the role makes it a qualification ("with Scrum Master certification", "product owner experience"). */
const THEIR_OWN = /^\s+(?:certifi|certificate|experience|skills?\b|background|role\b)/i

/** Whether the words from `start` to `end` on the line (and a plural "s") name a person by their role. */
export function namesAPerson(line: string, start: number, end: number): boolean {
  const stop = end + (line[end] === 's' ? 1 : 0)
  return A_PERSON.test(line.slice(start, stop)) && !THEIR_OWN.test(line.slice(stop, stop + 16))
}
