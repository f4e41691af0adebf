import { findDateRanges, type DateRange, type MonthIndex } from './dates'

/**
 * An application form's work history, as applicant tracking systems export it: each of a job's
 * fields on a line of its own ("Employer 1: …", "Job title: …", "Start date: 06/2019", "End date:
 * Current"), so no line holds a range and the line reader finds no job.
 */
const START_KEY = String.raw`(?:start(?:ing)?\s+date|from\s+date|date\s+(?:of\s+)?(?:joining|from)|joining\s+date|from)`
const END_KEY = String.raw`(?:end(?:ing)?\s+date|to\s+date|date\s+(?:of\s+)?(?:leaving|relieving|to)|(?:leaving|relieving)\s+date|to|until|till)`
const value = String.raw`\s*(?:\d{1,2}\s*)?[:=]\s*(\S.*?)\s*$`
const START_FIELD = new RegExp(String.raw`^\s*${START_KEY}${value}`, 'i')
const END_FIELD = new RegExp(String.raw`^\s*${END_KEY}${value}`, 'i')
/** A start date field with a year, and an end date field on the next line: a dated span, in a whole text. */
export const FORM_DATE_SPAN = new RegExp(
  String.raw`^[ \t]*${START_KEY}[ \t]*[:=][^\n]*?(?:19|20)\d\d[^\n]*\n[ \t]*${END_KEY}[ \t]*[:=][ \t]*\S[^\n]*`,
  'gim',
)
const TITLE_FIELD = new RegExp(
  String.raw`^\s*(?:job\s+title|job\s+role|position(?:\s+held)?|designation|role|title)${value}`,
  'i',
)
const EMPLOYER_FIELD = new RegExp(String.raw`^\s*(?:employer|company|organi[sz]ation)(?:\s+name)?${value}`, 'i')

/** How far from its dates a job's title and employer are looked for: a form lists a job's fields together. */
const FIELDS_WITHIN = 4

export interface FormJob {
  title: string | null
  company: string | null
  range: DateRange
  /** The job's field lines, as the resume shows them. */
  source: string
  /** The last line the job's fields take. */
  last: number
}

/**
 * The job whose start date field is line `index`, with its end date field on one of the next two
 * lines and its title and employer fields near them (not above `after`); null when `index` starts
 * no such job.
 */
export function formJob(
  lines: readonly string[],
  index: number,
  after: number,
  include: (index: number) => boolean,
  now: MonthIndex,
): FormJob | null {
  const start = START_FIELD.exec(lines[index]!)
  if (!start) return null
  let endAt = -1
  let end: RegExpExecArray | null = null
  for (let next = index + 1; next <= index + 2 && next < lines.length && include(next) && !end; next++) {
    end = END_FIELD.exec(lines[next]!)
    if (end) endAt = next
  }
  if (!end) return null
  const [range] = findDateRanges(`${start[1]} - ${end[1]}`, now)
  if (!range) return null
  const near: number[] = []
  for (let back = index - 1; back > after && back >= index - FIELDS_WITHIN && include(back); back--) near.unshift(back)
  for (let next = endAt + 1; next <= endAt + 2 && next < lines.length && include(next); next++) near.push(next)
  const field = (pattern: RegExp) => {
    for (const at of near) {
      const match = pattern.exec(lines[at]!)
      if (match) return { text: match[1]!, at }
    }
    return null
  }
  const title = field(TITLE_FIELD)
  const company = field(EMPLOYER_FIELD)
  const shown = [title?.at, company?.at, index, endAt]
    .filter((at): at is number => at !== undefined)
    .sort((a, b) => a - b)
  return {
    title: title?.text ?? null,
    company: company?.text ?? null,
    range,
    source: shown.map((at) => lines[at]!).join('\n'),
    last: Math.max(endAt, title?.at ?? -1, company?.at ?? -1),
  }
}
