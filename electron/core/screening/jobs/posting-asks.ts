import type { EducationLevelName } from '../../../../shared/contract/screening'
import { levelsNamed } from '../read/education'
import { countOf, NUMBER_WORDS } from '../read/experience'
import { ANY_GRADUATE, educationRequirement } from './education-requirement'

const NUMBER = `(?:\\d+(?:\\.\\d+)?|${NUMBER_WORDS.join('|')})`
// "4+ years", "5 or more years", "1-3 yrs", "4-8y", "three years"; in a range ("6-10 years", "two to four
// years") the lower bound is the minimum.
const YEARS = new RegExp(
  `\\b(${NUMBER})\\s*(?:(?:-|–|—|to)\\s*${NUMBER}\\s*)?\\+?\\s*(?:or more\\s+)?(?:years?|yrs?|(?<=\\d\\+?)y)\\b`,
  'gi',
)
// A number in words is ordinary prose ("over the next two years") unless it is asked for: "at
// least three years", "four or more years", "two to four years", "five years of experience".
const ASKED_BEFORE = /\b(?:at least|a minimum of|minimum of|minimum|min\.?|around|about|more than|over)\s+$/i
const ASKED_AFTER =
  /^\s*(?:or more\b|\+|of\b[^.;]{0,40}\b(?:experience|practice|work|working)\b|(?:of )?(?:experience|exp)\b)/i

/**
 * The second number of a range of digits, or Infinity: the least of a range is its lower end, and
 * where the first number is the greater it was no lower end ("Core Java 11/17 – 10+ yrs" asks for 10).
 */
const rangeEnd = (text: string) =>
  Number(/\d[-–—]\s*(\d+)|\s(?:to|-|–|—)\s+(\d+)/.exec(text)?.slice(1).find(Boolean) ?? Infinity)

// No one asks for more than this; a larger figure is the employer's age ("For 70 years we've
// planned…", "more than 120 years"), as is a sentence that opens with it ("For 12 years, Acme has…").
const MOST_ASKED = 30
const EMPLOYER_AGE_BEFORE = /(?:^|[.!?\n]\s*)for\s+(?:(?:more|less) than\s+|over\s+|nearly\s+|almost\s+|about\s+)?$/i
const EMPLOYER_AGE_AFTER = /^,?\s+(?:we\b|our\b|the (?:company|firm|group)\b|\p{Lu})/u

/** The least years of experience a posting's text asks for, or null when it names none. */
export function yearsAskedIn(text: string): number | null {
  for (const match of text.matchAll(YEARS)) {
    const number = match[1]!
    const before = text.slice(Math.max(0, match.index - 20), match.index)
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 60)
    if (countOf(number) > MOST_ASKED || (EMPLOYER_AGE_BEFORE.test(before) && EMPLOYER_AGE_AFTER.test(after))) continue
    const inWords = !/^\d/.test(number)
    // "6-10 years" is a range, "twenty-two years" one number (a firm's age in its "About us").
    const range = /\s(?:to|-|–|—)\s|\d[-–—]\d/.test(match[0])
    if (!inWords || range || ASKED_BEFORE.test(before) || ASKED_AFTER.test(after) || /or more|\+/.test(match[0]))
      return Math.min(countOf(number), rangeEnd(match[0]))
  }
  return null
}

/** The education a posting's text requires, read from its lines that name a degree or a graduate. */
export const educationAskedIn = (text: string): EducationLevelName =>
  educationRequirement(
    text
      .split('\n')
      .filter((line) => levelsNamed(line).length > 0 || ANY_GRADUATE.test(line))
      .join('\n'),
  )
