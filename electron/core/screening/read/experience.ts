import type { ExperienceReading } from '../types'

/** Counts as written in words ("five years"), in order from one. */
export const NUMBER_WORDS = [
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
]
const NUMBER = String.raw`(\d{1,2}(?:\.\d{1,2})?|${NUMBER_WORDS.join('|')})`
// "10 years' experience", as British resumes write it.
const YEARS_WORD = String.raw`(?:years?['’]?|yrs?)\.?`
const MONTHS_WORD = String.raw`(?:months?|mo?s|mths?)\.?`
// "2 years 6 months", "3 yrs 4 mos", "8+ years", "twenty-plus years", "104 months".
const DURATION = String.raw`(?:${NUMBER}\s*(?:\+|-?\s*plus\b)?\s*${YEARS_WORD}(?:\s*(?:and\s*)?(\d{1,2})\s*${MONTHS_WORD})?|(\d{1,3})\s*\+?\s*${MONTHS_WORD})`
// With the misspellings job portals print ("Skill Details Java- Exprience - 84 months").
const EXPERIENCE_WORD = String.raw`(?:experience|exprience|experiance|expirience|expierence|exp)`
const STATED_AFTER = new RegExp(String.raw`\b${DURATION}\s+(?:of\s+)?(?:[\p{L}-]+\s+){0,3}?${EXPERIENCE_WORD}\b`, 'iu')
// As summaries put it without the word: "with 7 years in insurance", "3 years as a surveyor", "15
// years building payment systems" (not "top seller three years running", nor a form's "Age 34 years
// as on cut-off date").
const STATED_LOOSELY = new RegExp(
  String.raw`(?<!\bage[ds]?\b\W{0,3})\b${DURATION}\s+(?:(?:in|as|into)\s+(?:an?\s+)?(?=\p{L})|(?!running\b)\p{L}{3,}ing\b)`,
  'iu',
)
// As a letter puts it: "I have been in sales for almost 6 years now", "worked in logistics for over ten years".
const STATED_FOR = new RegExp(
  String.raw`\b(?:been|worked|working)\b[^.\d\n]{0,40}?\bfor\s+(?:almost\s+|about\s+|nearly\s+|over\s+|around\s+|more\s+than\s+|the\s+(?:last|past)\s+)?${DURATION}`,
  'iu',
)
// What follows is checked apart (wordEnds): under the i flag a letter-case test cannot be written in the pattern.
const STATED_BEFORE = new RegExp(String.raw`\b${EXPERIENCE_WORD}\b[^\d\n]{0,25}?\b${DURATION}`, 'iu')
// As a form's field names its unit: "Total experience (years): 6.5", "Total Exp (in months): 30".
const STATED_IN_UNIT = new RegExp(
  String.raw`\b${EXPERIENCE_WORD}\b[^\d\n]{0,30}?\(\s*(?:in\s+)?(?:(years?|yrs?)|months?)\s*\)\s*[:=-]?\s*(\d{1,3}(?:\.\d{1,2})?)(?![\d.])`,
  'giu',
)

/**
 * A duration ends a word unless a lower-case letter follows ("5 yearsago" is not one); a capital may
 * follow, as in a portal's run-together "84 monthsCompany Details".
 */
const wordEnds = (line: string, match: RegExpExecArray | RegExpMatchArray) =>
  !/\p{Ll}/u.test(line.charAt(match.index! + match[0].length))
// A job's length written at the end of its line: "Mphasis (2 years 6 months)", "Internship: 6 months".
const JOB_DURATION = new RegExp(String.raw`(?:[(:|·,–—]|\s-)\s*${DURATION}\s*\)?\s*$`, 'iu')

/**
 * What every duration holds, checked first because it is cheap: "yr" or "year" (after a number), a
 * digit and then "m" ("104 months", "6 mos"), or a form's "(months)". Most lines hold none, and the
 * patterns above are a tenth of reading a resume when tried on every line.
 */
const MAY_HOLD_DURATION = /y(?:ea)?r|\d\s*\+?\s*m|month/iu

/** Years a stated total or a job's length is within of the dated years for the two to agree. */
const AGREEMENT = 1

/** A count in digits or in words ("5", "2.5", "five"). */
export function countOf(count: string): number {
  const word = NUMBER_WORDS.indexOf(count.toLowerCase())
  return word >= 0 ? word + 1 : Number(count)
}

const yearsOf = (match: RegExpExecArray): number => {
  const [, count, months, onlyMonths] = match
  if (onlyMonths !== undefined) return Number(onlyMonths) / 12
  return countOf(count!) + Number(months ?? 0) / 12
}

/**
 * The largest total the resume states ("8+ years of experience", "Experience - 104 months"); null
 * if none. `loosely` also takes "7 years in insurance" and "been in sales for almost 6 years": weaker
 * claims, for resumes with no dates.
 */
export function statedYears(lines: readonly string[], loosely = false): number | null {
  let best: number | null = null
  // Every statement on a line counts: a portal's run-together "Skill Details" holds several.
  const patterns = loosely ? [STATED_AFTER, STATED_BEFORE, STATED_LOOSELY, STATED_FOR] : [STATED_AFTER, STATED_BEFORE]
  const everywhere = patterns.map((pattern) => ({
    pattern: new RegExp(pattern.source, 'giu'),
    // Only there does the duration end the match.
    endsWithDuration: pattern === STATED_BEFORE || pattern === STATED_FOR,
  }))
  for (const line of lines) {
    if (!MAY_HOLD_DURATION.test(line)) continue
    for (const { pattern, endsWithDuration } of everywhere)
      for (const match of line.matchAll(pattern))
        if (!endsWithDuration || wordEnds(line, match)) best = Math.max(best ?? 0, yearsOf(match))
    for (const [, years, count] of line.matchAll(STATED_IN_UNIT))
      best = Math.max(best ?? 0, Number(count) / (years ? 1 : 12))
  }
  return best
}

/** The lengths written beside jobs instead of dates, summed; lines holding a stated total are not jobs. */
export function summedJobDurations(lines: readonly string[]): number {
  let total = 0
  for (const line of lines) {
    if (!MAY_HOLD_DURATION.test(line) || STATED_AFTER.test(line) || STATED_BEFORE.test(line)) continue
    const match = JOB_DURATION.exec(line)
    if (match) total += yearsOf(match)
  }
  return total
}

const round = (years: number) => Math.round(years * 10) / 10

/**
 * The years figure and how far to trust it. Dated ranges are the best evidence; a stated total
 * well above them means older jobs went undated, so the statement wins, marked as stated; with no
 * dates, a stated total, then job lengths written beside the jobs; else nothing is known.
 */
export function weighExperience(input: {
  datedYears: number
  preciseDates: boolean
  stated: number | null
  durations: number
}): ExperienceReading {
  const { datedYears, preciseDates, stated, durations } = input
  if (datedYears > 0 && (stated === null || stated <= datedYears + AGREEMENT)) {
    const agrees = stated !== null && Math.abs(stated - datedYears) <= AGREEMENT
    return { years: round(datedYears), basis: 'dates', confidence: preciseDates || agrees ? 'high' : 'medium' }
  }
  if (stated !== null) return { years: round(stated), basis: 'stated', confidence: datedYears > 0 ? 'low' : 'medium' }
  if (durations > 0) return { years: round(durations), basis: 'durations', confidence: 'medium' }
  return { years: 0, basis: 'none', confidence: 'low' }
}
