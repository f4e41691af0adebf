import { Chrono, en as chronoEnglish } from 'chrono-node'
import { monthNamesByWord, PRESENT } from './month-names'

/** A month as an index (year × 12 + month − 1), so spans are subtraction. */
export type MonthIndex = number

export interface DateRange {
  start: MonthIndex
  /** Exclusive end; for "Present" the month after `now`. */
  end: MonthIndex
  current: boolean
  /** Whether the start/end were written with a month (not only a year). */
  startPrecise: boolean
  endPrecise: boolean
  /** Where in the line the range was written. */
  from: number
  to: number
}

const MONTH_WORD = monthNamesByWord()
// A day is written as a number of one or two digits ("16th", "03/", "-01-16"), beside an English month
// name or between two other numbers ("16/01/2017", "2017-01-16", "2017 1 16"). A line without both
// holds no date chrono can give a day and a year, and is spared its parsers: their first use in a
// worker compiled their patterns for 15 to 45 ms, on lines such as a phone number and a year.
const DAY_NUMBER = /(?<!\d)\d{1,2}(?!\d)/
const MONTH_OR_NUMERIC_DATE = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d[/.\-\s]\d{1,2}[/.\-\s]\d/i
// Strict day-first English: only written dates, without the casual parsers ("tomorrow", weekdays, times
// of day) that can never give a day and a year, and cost most of chrono's time.
const chronoDates = new Chrono(chronoEnglish.configuration.createConfiguration(true, true))
const SEASONS: Record<string, number> = { spring: 3, summer: 6, fall: 9, autumn: 9, winter: 12 }
// Longest first, so "sept" wins over "sep" and "janvier" over "jan".
const MONTH_NAMES = [...MONTH_WORD.keys(), ...Object.keys(SEASONS)].sort((a, b) => b.length - a.length)
const MONTH = String.raw`(?:${MONTH_NAMES.join('|')})\.?`
const YEAR = String.raw`(?:19[5-9]\d|20[0-4]\d)`
const SHORT_YEAR = String.raw`'\d{2}`
const NUMERIC_MONTH = String.raw`(?:0?[1-9]|1[0-2])`
// "Jan 2019", "January, 2019", "JAN-2014", "enero de 2019", "03/2018", "01.2017", "2018-03", "2019".
const MONTH_DATE = String.raw`(?:${MONTH}(?:,|-|/|\s+de)?\s*(?:${YEAR}|${SHORT_YEAR})|${NUMERIC_MONTH}[/.-]${YEAR}|${YEAR}[/.-]${NUMERIC_MONTH}(?!\d))`
const DATE = String.raw`(?:${MONTH_DATE}|${YEAR})`
/** The words and marks that join a range's two ends: a dash, "to", "till", an arrow ("2022-02 → present"). */
export const RANGE_CONNECTORS = String.raw`->|→|-|–|—|−|~|to|until|till|through|thru|upto|up to`
// "to till", "- till", "until": one or more range words between the two ends.
const SEPARATOR = String.raw`\s*(?:(?:${RANGE_CONNECTORS})\s*)+`
const PRESENT_ONLY = new RegExp(`^${PRESENT}$`, 'i')
// A row of a table of jobs, as HR systems and applicant tracking systems export one: "Start Date | End
// Date | Position" over "01-04-2019 | 31-12-2022 | Network Engineer", the current job's end cell
// "(current)", "Present" or a dash.
// Both ends with their month: bare years in cells are a skill's version and when it was last used
// ("SQL Server | 2019 | 2026 | 4 Years").
const TABLE_ROW = String.raw`(?<![\p{L}\p{N}_/.-])(${MONTH_DATE})\s*\|\s*(?:(${MONTH_DATE})|\(?(${PRESENT})\)?|[—–-])\s*(?=\||$)`
const RANGE = new RegExp(
  String.raw`(?<![\p{L}\p{N}_/.-])(${DATE})${SEPARATOR}(${DATE}|${PRESENT})(?![\p{L}\p{N}_/-])|\bsince\s+(${DATE})(?![\p{L}\p{N}_/-])|${TABLE_ROW}`,
  'giu',
)
const HAS_YEAR = /(?:19|20)\d{2}/
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "Jan 2019", "January, 2019", "Feb/2023", "März 2016", "03/2018", "2018-03", "2019", "Sept '19" → month index; null if not a date. */
export function parseDate(text: string): { month: MonthIndex; precise: boolean } | null {
  const value = text.trim().toLowerCase()
  let match = /^(\p{L}+)\.?(?:,|-|\/|\s+de)?\s*(\d{4}|'\d{2})$/u.exec(value)
  if (match) {
    const month = MONTH_WORD.get(match[1]!) ?? SEASONS[match[1]!]
    if (!month) return null
    const year = match[2]!.startsWith("'") ? 2000 + Number(match[2]!.slice(1)) : Number(match[2])
    return { month: year * 12 + month - 1, precise: true }
  }
  match = /^(\d{1,2})[/.-](\d{4})$/.exec(value)
  if (match) return { month: Number(match[2]) * 12 + Number(match[1]) - 1, precise: true }
  match = /^(\d{4})[/.-](\d{1,2})$/.exec(value)
  if (match) return { month: Number(match[1]) * 12 + Number(match[2]) - 1, precise: true }
  match = /^(\d{4})$/.exec(value)
  if (match) return { month: Number(match[1]) * 12, precise: false }
  return null
}

interface Rewrite {
  /** Offsets in the original line and in the rewritten one. */
  from: number
  to: number
  newFrom: number
  newTo: number
}

const monthText = (date: Date) => `${SHORT_MONTHS[date.getMonth()]} ${date.getFullYear()}`

/**
 * Dates written with a day ("16th Jan 2017", "1 April 2018", "31/03/2019") are read by chrono-node
 * and rewritten as "Jan 2017", which the range rules below understand; offsets map back to the line.
 * Day-first numbers are read day-first, as most resumes outside the US write them.
 */
function withDaysRemoved(line: string, reference: Date): { text: string; rewrites: Rewrite[] } {
  if (!HAS_YEAR.test(line) || !DAY_NUMBER.test(line) || !MONTH_OR_NUMERIC_DATE.test(line))
    return { text: line, rewrites: [] }
  let text = ''
  let last = 0
  const rewrites: Rewrite[] = []
  for (const result of chronoDates.parse(line, reference)) {
    if (!result.start.isCertain('day') || !result.start.isCertain('year') || !HAS_YEAR.test(result.text)) continue
    const end = result.end
    const endText = !end
      ? ''
      : end.date().getTime() === reference.getTime()
        ? ' - Present'
        : ` - ${monthText(end.date())}`
    const replacement = monthText(result.start.date()) + endText
    text += line.slice(last, result.index)
    rewrites.push({
      from: result.index,
      to: result.index + result.text.length,
      newFrom: text.length,
      newTo: text.length + replacement.length,
    })
    text += replacement
    last = result.index + result.text.length
  }
  return { text: text + line.slice(last), rewrites }
}

/** An offset in the rewritten line as an offset in the original: inside a rewrite, its edge. */
function originalOffset(offset: number, rewrites: readonly Rewrite[], edge: 'from' | 'to'): number {
  let shift = 0
  for (const rewrite of rewrites) {
    if (offset <= rewrite.newFrom) break
    if (offset < rewrite.newTo) return edge === 'from' ? rewrite.from : rewrite.to
    shift = rewrite.to - rewrite.newTo
  }
  return offset + shift
}

/**
 * Every date range written on a line. A year-only start means January; a year-only end means the
 * start of that year ("2017-2020" is three years), and a range within one year counts six months.
 */
export function findDateRanges(line: string, now: MonthIndex): DateRange[] {
  const reference = new Date(Math.floor(now / 12), now % 12, 15, 12)
  const { text, rewrites } = withDaysRemoved(line, reference)
  const ranges: DateRange[] = []
  RANGE.lastIndex = 0
  for (let match = RANGE.exec(text); match; match = RANGE.exec(text)) {
    const range = match[4]
      ? toRange(match[4], match[5] ?? match[6] ?? 'present', now)
      : toRange(match[1] ?? match[3]!, match[2], now)
    if (!range) continue
    ranges.push({
      ...range,
      from: originalOffset(match.index, rewrites, 'from'),
      to: originalOffset(match.index + match[0].length, rewrites, 'to'),
    })
  }
  return ranges
}

function toRange(
  startText: string,
  endText: string | undefined,
  now: MonthIndex,
): Omit<DateRange, 'from' | 'to'> | null {
  const start = parseDate(startText)
  if (!start) return null
  const current = endText === undefined || PRESENT_ONLY.test(endText.trim())
  let end: MonthIndex
  let endPrecise = true
  if (current) end = now + 1
  else {
    const parsed = parseDate(endText!)
    if (!parsed) return null
    endPrecise = parsed.precise
    end = parsed.precise ? parsed.month + 1 : parsed.month
  }
  if (!endPrecise && !start.precise && end <= start.month) end = start.month + 6
  if (end <= start.month || start.month > now + 1) return null
  return { start: start.month, end: Math.min(end, now + 1), current, startPrecise: start.precise, endPrecise }
}

export const monthToIso = (month: MonthIndex) =>
  `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`

export const monthOf = (date: Date): MonthIndex => date.getUTCFullYear() * 12 + date.getUTCMonth()
