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

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  spring: 3,
  summer: 6,
  fall: 9,
  autumn: 9,
  winter: 12,
}

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|spring|summer|fall|autumn|winter)\.?`
const YEAR = String.raw`(?:19[5-9]\d|20[0-4]\d)`
const SHORT_YEAR = String.raw`'\d{2}`
const NUMERIC_MONTH = String.raw`(?:0?[1-9]|1[0-2])`
const DATE = String.raw`(?:${MONTH},?\s*(?:${YEAR}|${SHORT_YEAR})|${NUMERIC_MONTH}[/.-]${YEAR}|${YEAR}[/.-]${NUMERIC_MONTH}(?!\d)|${YEAR})`
const PRESENT = String.raw`(?:present|current(?:ly)?|now|today|to date|till date|ongoing)`
const SEPARATOR = String.raw`\s*(?:-|–|—|−|~|to|until|till|through|thru)\s*`
const PRESENT_ONLY = new RegExp(`^${PRESENT}$`, 'i')
const RANGE = new RegExp(
  String.raw`(?<![\w/.-])(${DATE})${SEPARATOR}(${DATE}|${PRESENT})(?![\w/-])|\bsince\s+(${DATE})(?![\w/-])`,
  'gi',
)

/** "Jan 2019", "January, 2019", "03/2018", "2018-03", "2019", "Sept '19" → month index; null if not a date. */
export function parseDate(text: string): { month: MonthIndex; precise: boolean } | null {
  const value = text.trim().toLowerCase()
  let match = /^([a-z]+)\.?,?\s*(\d{4}|'\d{2})$/.exec(value)
  if (match) {
    const month = MONTHS[match[1]!.slice(0, match[1]!.startsWith('sept') ? 4 : 3)] ?? MONTHS[match[1]!]
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

/**
 * Every date range written on a line. A year-only start means January; a year-only end means the
 * start of that year ("2017-2020" is three years), and a range within one year counts six months.
 */
export function findDateRanges(line: string, now: MonthIndex): DateRange[] {
  const ranges: DateRange[] = []
  RANGE.lastIndex = 0
  for (let match = RANGE.exec(line); match; match = RANGE.exec(line)) {
    const startText = match[1] ?? match[3]!
    const endText = match[2]
    const start = parseDate(startText)
    if (!start) continue
    const current = endText === undefined || PRESENT_ONLY.test(endText.trim())
    let end: MonthIndex
    let endPrecise = true
    if (current) end = now + 1
    else {
      const parsed = parseDate(endText!)
      if (!parsed) continue
      endPrecise = parsed.precise
      end = parsed.precise ? parsed.month + 1 : parsed.month
    }
    if (!endPrecise && !start.precise && end <= start.month) end = start.month + 6
    if (end <= start.month || start.month > now + 1) continue
    ranges.push({
      start: start.month,
      end: Math.min(end, now + 1),
      current,
      startPrecise: start.precise,
      endPrecise,
      from: match.index,
      to: match.index + match[0].length,
    })
  }
  return ranges
}

export const monthToIso = (month: MonthIndex) =>
  `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`

export const monthOf = (date: Date): MonthIndex => date.getUTCFullYear() * 12 + date.getUTCMonth()
