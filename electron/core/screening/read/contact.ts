import type { Contact } from '../types'
import { forwardedMessage } from './forwarded'
import { isSectionName } from './sections'

const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}/i
const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d[\d\s.-]{5,}\d/g
const YEAR_RANGE = /^(19|20)\d{2}\s*[-–]\s*(19|20)\d{2}$/
const URL =
  /\b(?:https?:\/\/[^\s<>()"']+|www\.[^\s<>()"']+|(?:linkedin\.com|github\.com|gitlab\.com|bitbucket\.org|behance\.net|dribbble\.com|medium\.com|stackoverflow\.com|twitter\.com|x\.com|kaggle\.com|scholar\.google\.com)\/[^\s<>()"']+)/gi
const MAX_LINKS = 10
// A capitalised word ("O'Neil", "Lee-Martinez", "K."); not one ending in a hyphen ("Python- Exprience").
const NAME_WORD = /^(\p{Lu}(?:[\p{L}'’-]*[\p{L}'’])?\.?|\p{Lu}\.)$/u
// Words of a heading, a job title, a contact label or a school or company, which a line of capitalised
// words at the top can be.
const NOT_A_NAME =
  /\b(resume|résumé|curriculum|vitae|cv|profile|summary|engineer|developer|manager|nurse|designer|analyst|generalist|specialist|administrator|dba|consultant|coordinator|director|executive|officer|architect|advocate|trainer|instructor|tester|accountant|technician|scientist|supervisor|dietitian|intern|fresher|associate|assistant|lecturer|professor|recruiter|attorney|lawyer|contact|e-?mail|phone|mobile|location|address|street|avenue|road|suite|education|engineering|electronics|school|college|university|academy|institute|consultants|foods|details|skills?|expe?rience|objective|company|projects?|qualifications?|declaration|personal|information|ltd|pvt|llc|inc|plc|gmbh|limited|consulting|corporation|employer|position|application|applicant|candidate|form|export|exported|portal|city)\b/i
const HEAD_LINES = 8
/** The lines above the first heading where a resume after a letter puts the name. */
const ABOVE_HEADING = 3
const LETTER_OPENING = /^(?:dear|to whom|hello|hi)\b/i

const MAX_EMAIL = 320

const EMAIL_SEPARATOR = /[\s<>()[\],;|•·]/

/**
 * The first e-mail address. Only the words around an "@" are tried (a word ends at a space or at
 * punctuation an address cannot hold), each once, which keeps this linear.
 */
export function findEmail(text: string): string | null {
  const isSeparator = (at: number) => EMAIL_SEPARATOR.test(text[at]!)
  for (let at = text.indexOf('@'); at !== -1;) {
    let start = at
    while (start > 0 && !isSeparator(start - 1)) start--
    let end = at + 1
    while (end < text.length && !isSeparator(end)) end++
    const match = end - start <= MAX_EMAIL ? EMAIL.exec(text.slice(start, end)) : null
    if (match) return match[0]
    at = text.indexOf('@', end)
  }
  return null
}

/** A phone number with 7 to 15 digits, preferring one near the top or after a "phone" label. */
export function findPhone(lines: readonly string[]): string | null {
  const labelled = lines.findIndex((line) => /\b(phone|tel|mobile|cell|telephone)\b/i.test(line))
  const order = [...(labelled >= 0 ? [labelled] : []), ...lines.keys()]
  for (const index of order) {
    const line = lines[index]!
    for (const match of line.matchAll(PHONE)) {
      const candidate = match[0].trim()
      const digits = candidate.replace(/\D/g, '')
      if (digits.length < 7 || digits.length > 15 || YEAR_RANGE.test(candidate) || /^\d{4}[-.]\d{1,2}$/.test(candidate))
        continue
      if (!/[\s().+-]/.test(candidate) && digits.length < 10) continue
      return candidate
    }
  }
  return null
}

export function findLinks(text: string, email: string | null): string[] {
  const links = new Set<string>()
  for (const match of text.matchAll(URL)) {
    const link = match[0].replace(/[.,;:!?)\]]+$/, '')
    if (email && email.toLowerCase().endsWith(link.toLowerCase())) continue
    links.add(link)
    if (links.size >= MAX_LINKS) break
  }
  return [...links]
}

// "JANE O'NEIL" → "Jane O'Neil"; names already in mixed case are kept as written.
const titleCase = (word: string) =>
  word === word.toUpperCase() && word.length > 1
    ? word
        .toLowerCase()
        .replace(/(^|['’])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase())
    : word

// "Name: Ada Lovelace", "Name - Ada Lovelace Email: …", "… on Tomcat. Name: Ada Lovelace" (portals run a
// resume's fields into one line, the name's among them); an HR system's or an agency's field names the
// person too: "Worker: Sinéad Byrne-Okafor", "Kandidat / Candidate  : Tomasz Wieczorek".
const NAME_LABEL =
  /(?:^|[|•·,;]\s*|\.\s+)(?:(?:(?:full|candidate|applicant)\s+)?name(?:\s+of\s+(?:the\s+)?(?:applicant|candidate))?\s*[:\-–]|(?:worker|candidate|kandidat(?:\s*\/\s*candidate)?)\s*:)\s*(.+)$/i
// Where a line's first field ends: "Ada Lovelace | London", "Ada Lovelace - Data Engineer - London".
const FIELD_END = /\s*(?:[|•·,]|\s[-–—]\s).*$/

// An application form's name fields, each on its own line: "First name: Rohit" / "Last name:
// Wagholikar", "Surname: van Wyk" / "First names: Lindiwe Charlotte".
const FIRST_NAME = /^\s*(?:first|given)\s*names?\s*[:\-–]\s*(\S.*)$/i
const LAST_NAME = /^\s*(?:last|sur|family)\s*names?\s*[:\-–]\s*(\S.*)$/i
/** How far down a form's name fields are looked for, and how close together they stand. */
const FORM_NAME_LINES = 30
const FORM_NAME_GAP = 3

/** The name an application form's first and last name fields give, and the first field's line. */
function formName(lines: readonly string[]): { name: string; line: number } | null {
  const top = lines.slice(0, FORM_NAME_LINES)
  const first = top.findIndex((line) => FIRST_NAME.test(line))
  const last = top.findIndex((line) => LAST_NAME.test(line))
  if (first === -1 || last === -1 || Math.abs(first - last) > FORM_NAME_GAP) return null
  const name = asName(`${FIRST_NAME.exec(top[first]!)![1]!.trim()} ${LAST_NAME.exec(top[last]!)![1]!.trim()}`)
  return name ? { name, line: Math.min(first, last) } : null
}

// A résumé that opens with a side column (LinkedIn's "Save to PDF": "Contact", "Top Skills",
// "Certifications") puts the name, the headline and the place just above its "Summary" or "Experience".
const OWN_PART = /^\s*(?:summary|about|experience|professional summary|profile)\s*$/i
/** How far down such an opening heading is looked for, and how far above it the name stands. */
const OWN_PART_WITHIN = 60
const OWN_PART_ABOVE = 3

/** The name nearest above the résumé's own opening heading (over its headline and place), where the top held none. */
function nameAboveSummary(lines: readonly string[]): { name: string; line: number } | null {
  const at = lines.slice(0, OWN_PART_WITHIN).findIndex((line) => OWN_PART.test(line))
  let seen = 0
  for (let line = at - 1; line >= 0 && seen < OWN_PART_ABOVE; line--) {
    const text = lines[line]!.replace(FIELD_END, '').trim()
    if (!text) continue
    seen++
    const name = asName(text)
    if (name) return { name, line }
  }
  return null
}

/**
 * The candidate's name and the line it was read from: a "Name:" label or the first field of a line of
 * capitalised words at the top; else a "Name:" label further down (a portal's export or a block of
 * personal details at the end), unless it names a referee.
 */
function findName(lines: readonly string[], headEnd: number): { name: string; line: number } | null {
  const form = formName(lines)
  if (form) return form
  const head = lines.slice(0, Math.max(1, Math.min(headEnd, HEAD_LINES)))
  // A "Name:" field at the top says what the first line only suggests: an HR system's export opens
  // with its own name ("SAP SuccessFactors — Employee Profile"), the person's field below it.
  for (const [index, line] of head.entries()) {
    const labelled = NAME_LABEL.exec(line)?.[1]
    // After a label the name is its leading capitalised words; whatever follows is another field.
    const name = labelled && asName(leadingNameWords(labelled))
    if (name) return { name, line: index }
  }
  for (const [index, line] of head.entries()) {
    // "Dear Engr. Ngozi,", "Hi Sir Pao,": a forwarded resume's greeting names its reader.
    if (LETTER_OPENING.test(line.trim()) || NAME_LABEL.test(line)) continue
    const name = asName(unframed(line).replace(FIELD_END, '').trim())
    if (name) return { name, line: index }
  }
  // A letter before the resume: the resume's own top is just above its first heading.
  const letterFirst = LETTER_OPENING.test(lines[0] ?? '')
  for (let index = Math.max(head.length, headEnd - ABOVE_HEADING); letterFirst && index < headEnd; index++) {
    const name = asName(lines[index]!.replace(FIELD_END, '').trim())
    if (name) return { name, line: index }
  }
  const aboveSummary = nameAboveSummary(lines)
  if (aboveSummary) return aboveSummary
  for (let index = head.length; index < lines.length; index++) {
    const label = NAME_LABEL.exec(lines[index]!)
    if (!label) continue
    const before = [...lines.slice(Math.max(0, index - 3), index), lines[index]!.slice(0, label.index)].join(' ')
    if (REFEREES.test(before)) continue
    const name = asName(leadingNameWords(label[1]!))
    if (name) return { name, line: index }
  }
  return null
}

const REFEREES = /\breferen|\breferee/i

// How a resume typed as plain text sets its name apart: a Markdown heading, a box of pipes or hashes,
// bold, a pictograph after it ("# Ines Takahara-Moss", "|  HENRIK SOLVANG   |", "# Amara Nwosu 🐍").
const FRAME = /^[\s#|*_=+~>]+|[\s#|*_=+~]+$/g
const unframed = (line: string) => line.replace(/\p{Extended_Pictographic}|\uFE0F/gu, ' ').replace(FRAME, '')

// A nickname in quotes or brackets between the names or after them is not one of them ('Shane
// "Shorty" McAllister', "Chukwuemeka (Emeka) Obi-Adeyemi", "Nguyễn Minh Khoa (Kevin)").
const NICKNAME = /(?<=\S)\s+(?:["“‘'][^"”’'\n]{1,20}["”’']|\([^()\n]{1,20}\))(?=\s+\S|\s*$)/u

/** The words as a name, capitalised as names are, or null when they do not read as one. */
function asName(candidate: string): string | null {
  // A full stop after a whole word ends the sentence ("Name: Seun Adekunle. Email: …"); an initial keeps its own.
  const named = candidate.replace(NICKNAME, '')
  const words = withoutPostNominals(
    named
      .replace(HONORIFIC, '')
      .replace(/(\p{L}{2,})\.$/u, '$1')
      .split(/\s+/),
  )
  const text = words.join(' ')
  if (words.length < 2 || words.length > MAX_NAME_WORDS || NOT_A_NAME.test(text) || /[@\d/]/.test(text)) return null
  // "Core Competencies • Oracle …": a portal's run-together text may open with a section's name.
  if (isSectionName(text)) return null
  if (
    !words.every(
      (word, index) => NAME_WORD.test(word) || (PARTICLE.test(word) && index > 0 && index < words.length - 1),
    )
  )
    return null
  // A particle in capitals is still one: "JOHANNES PETRUS VAN DER MERWE" holds three names.
  const names = words.filter(
    (word) => NAME_WORD.test(word) && !INITIAL.test(word) && !PARTICLE.test(word.toLowerCase()),
  )
  if (names.length > MAX_NAMES) return null
  return words.map((word) => word.split('-').map(titleCase).join('-')).join(' ')
}

// What stands before a name but is not one: "Mr.", "Dr", "Er." and "Eng." (an engineer, in South Asia and
// the Gulf), "Adv." (an advocate), "Shri", "Smt.", a German "Dipl.-Ing. (FH)". Those that are also names
// ("Eng Wei Ling") only with their full stop.
const HONORIFIC =
  /^(?:(?:(?:mr|mrs|ms|dr|shri|smt)\.?|miss|(?:er|eng|engr|ing|adv|prof|sri)\.|dipl\.-(?:ing|kfm|inf)\.(?:\s*\((?:fh|th|tu)\))?)\s+)+(?=\p{Lu})/iu

// A surname's particle, written in lower case between the names ("Pieter van der Meulen", "Maria da
// Silva", "Ahmad bin Ismail"); and an initial ("Joanna Mae R. Dela Cruz"). Neither counts among the
// four names a line may hold, though six words are the most it may.
const PARTICLE = /^(?:van|von|der|den|de|del|della|di|da|du|dos|das|la|le|ten|ter|bin|binti|bint|al|el)$/
const INITIAL = /^\p{Lu}\.?$/u
const MAX_NAMES = 4
const MAX_NAME_WORDS = 6

// Letters written after a name ("PMP", "RN", "CEng MIStructE", "PhD", "Chartered FCIPD"), as written: a
// surname in capitals ("Jean-Pierre MARTIN") or with a capital inside ("John Paul McDonald") is not one.
// Short ones that are also surnames ("Ma", "Do") are left out.
const POST_NOMINAL =
  /^(?:PMP|RN|LPN|MD|DDS|PhD|MPhil|DPhil|MBA|BA|MSc|BSc|BEd|MEd|PGCE|BEng|MEng|CEng|IEng|PEng|CPA|ACA|FCA|ACCA|FCCA|CFA|CIMA|ACMA|CIPD|MCIPD|FCIPD|MICE|FICE|MIStructE|MIMechE|MIET|MIChemE|CISSP|CISA|CISM|CSM|SHRM|LLB|LLM|JD|Esq|FRCS|MRCP|MBBS|CFP|FIET|FIMechE|FIStructE|FREng|MRICS|FRICS|MCIOB|FCIOB|FHEA|PE|Chartered)\.?,?$/

/** The words without the letters written after a name, unless the whole name is in capitals ("NGUYEN VAN BA"). */
function withoutPostNominals(words: string[]): string[] {
  if (words.every((word) => word === word.toUpperCase())) return words
  let end = words.length
  // South Africa's "Pr Eng" (a registered professional engineer) is two words; "Eng" alone is a surname.
  if (end > 3 && /^Pr\.?$/.test(words[end - 2]!) && /^Eng\.?,?$/.test(words[end - 1]!)) end -= 2
  while (end > 2 && POST_NOMINAL.test(words[end - 1]!)) end--
  return words.slice(0, end)
}

const leadingNameWords = (text: string) => {
  const words = text.replace(NICKNAME, '').replace(FIELD_END, '').trim().split(/\s+/)
  const end = words.findIndex((word) => !(NAME_WORD.test(word) || PARTICLE.test(word)) || NOT_A_NAME.test(word))
  const named = words.slice(0, end < 0 ? MAX_NAME_WORDS : Math.min(end, MAX_NAME_WORDS))
  // The names and what stands between them, up to the fourth: "Name: Anna Maria Rossi Lopez Mobile …".
  let names = 0
  const upTo = named.findIndex((word) => !PARTICLE.test(word) && !INITIAL.test(word) && ++names > MAX_NAMES)
  return named.slice(0, upTo < 0 ? named.length : upTo).join(' ')
}

/** How far into the top of a resume a name matched to its address is looked for (a portal's one line holds it all). */
const NAME_BY_EMAIL_CHARS = 200
const LETTER_BEFORE = /\p{L}$/u
const LETTER_AFTER = /^\p{L}/u
// As /\p{Lu}/ matches with the case ignored: any letter that has a case.
const CASED = /^\p{Lu}/iu

/** Whether `token` ends with `word` (any case), no letter before it. */
const endsWithWord = (token: string, word: string) =>
  token.length >= word.length &&
  token.slice(-word.length).toLowerCase() === word &&
  !LETTER_BEFORE.test(token.slice(0, -word.length))

/** Whether `token` starts with `word` (any case), no letter after it. */
const startsWithWord = (token: string, word: string) =>
  token.slice(0, word.length).toLowerCase() === word && !LETTER_AFTER.test(token.slice(word.length))

/**
 * The first place `top` writes `first`, perhaps one capitalised word, then `second`, each a whole word
 * ("mahesh" "gowda": "Mahesh Gowda", "Mahesh K. Gowda"), from the first word to the second. Scanned
 * word by word: a pattern built for each address cost a quarter of a millisecond to compile, a tenth
 * of reading a resume.
 */
function pairWritten(top: string, first: string, second: string): string | null {
  const words = Array.from(top.matchAll(/\S+/g), (found) => ({ text: found[0], at: found.index }))
  for (let index = 0; index < words.length; index++) {
    const opening = words[index]!
    if (!endsWithWord(opening.text, first)) continue
    const between = words[index + 1]
    // With a capitalised word between first, as the pattern this replaced tried it, then without.
    const after = [words[index + 2], between].find(
      (word, gap) => word && (gap === 1 || CASED.test(between!.text)) && startsWithWord(word.text, second),
    )
    if (after) return top.slice(opening.at + opening.text.length - first.length, after.at + second.length)
  }
  return null
}

/**
 * The name the e-mail address spells, where the top of the resume writes it: "mahesh.gowda@…" and
 * "Mahesh Gowda Site Engineer - Civil Mysuru …", a portal's one line with no field break after the name.
 */
export function nameSpelledByEmail(lines: readonly string[], email: string | null): string | null {
  const parts = (email?.split('@')[0] ?? '')
    .split(/[._-]+/)
    .filter((part) => /^[a-z]{2,}$/i.test(part))
    .map((part) => part.toLowerCase())
  const top = lines.slice(0, HEAD_LINES).join(' ').slice(0, NAME_BY_EMAIL_CHARS)
  for (let index = 0; index + 1 < parts.length; index++) {
    const found = pairWritten(top, parts[index]!, parts[index + 1]!)
    const name = found && asName(found)
    if (name) return name
  }
  return null
}

export function readContact(lines: readonly string[], text: string, headEnd: number): Contact {
  const forwarded = forwardedMessage(lines)
  if (forwarded) {
    // Only the forwarded message is the candidate's (read/forwarded.ts), without its quoted replies ("> On
    // Tue, Oct 20, Dana Whitcomb wrote:"), which name the people it passed between.
    const body = lines.slice(forwarded.bodyStart).filter((line) => !/^\s*>/.test(line))
    const bodyText = body.join('\n')
    const email = findEmail(bodyText) ?? findEmail(forwarded.sender)
    const name = nameOf(body, Math.max(1, headEnd - forwarded.bodyStart), email) ?? asName(forwarded.name ?? '')
    return { name, email, phone: findPhone(body), links: findLinks(bodyText, email) }
  }
  const email = findEmail(text)
  return { name: nameOf(lines, headEnd, email), email, phone: findPhone(lines), links: findLinks(text, email) }
}

/**
 * The name at the top; but where a line below the first reads as a name that the address does not
 * spell, and the address spells one at the top, that one ("Naukri RMS" is a tool a portal's skills list
 * ran onto its own line; "priyanka.sharma@…" spells the "Priyanka Sharma" it opened with).
 */
function nameOf(lines: readonly string[], headEnd: number, email: string | null): string | null {
  const found = findName(lines, headEnd)
  if (found?.line === 0) return found.name
  const spelled = nameSpelledByEmail(lines, email)
  if (!found || !spelled) return found?.name ?? spelled
  const words = new Set(spelled.toLowerCase().split(' '))
  return found.name
    .toLowerCase()
    .split(' ')
    .some((word) => words.has(word))
    ? found.name
    : spelled
}
