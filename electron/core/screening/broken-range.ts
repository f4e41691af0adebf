/**
 * A date range a layout broke in two: a PDF maker's wrap of a date set at the right margin ("Head of
 * PMO      2019 –" / "present", "Business Analyst      2009" / "– 2012", "Since Aug" / "2021",
 * "16th Jan 2017 to 30th" / "Dec 2018", "2021-02 →" / "2022-04") or a column's text copied out
 * ("03/2021 –" / "present").
 * Both the PDF reader and the text reader join the two lines, so that the range reads whole in every
 * format. No imports: the PDF worker loads it.
 */
const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\p{L}{0,6}\.?`
const CONNECTOR = /^(?:[–—→-]|->|to|till|until|since|from)$/i
const DATED = new RegExp(
  String.raw`^(?:\d{4}(?:-\d\d)?|'\d{2}|${MONTH}(?:'\d{2})?|\d{1,2}[/.]\d{4}|\d{1,2}(?:st|nd|rd|th)?|present|current|date|today|now|ongoing)[,.]?$`,
  'iu',
)
const YEAR_OR_NOW = /\d{4}|'\d{2}|^(?:present|current|date|today|now|ongoing)/i
// A wrapped range's second line is a few words: longer lines are not looked at.
const NEXT_MAX = 40
const TAIL = 60

// Brackets around a range ("(Jun 2021 - Present)") are no part of its words.
const words = (text: string) =>
  text
    .replace(/[()[\]]/g, ' ')
    .replace(/([–—→])/g, ' $1 ')
    .trim()
    .split(/\s+/)
const dateWord = (word: string) => CONNECTOR.test(word) || DATED.test(word)

/** The run of date words that ends `line` ("Sep", "2022", "-", "present"), if any. */
function dateTail(line: string): string[] {
  const before = words(line.slice(-TAIL))
  let start = before.length
  while (start > 0 && dateWord(before[start - 1]!)) start--
  return before.slice(start)
}

/** Whether the run of date words holds a connector, two dated words and a year or "present". */
function isRange(range: readonly string[]): boolean {
  const dated = range.filter((word) => !CONNECTOR.test(word))
  return range.length > dated.length && dated.length >= 2 && dated.some((word) => YEAR_OR_NOW.test(word))
}

/** Whether `line` ends with a whole date range ("Sep 2022 - present", "2009 – 2012"). */
export function endsInRange(line: string): boolean {
  const tail = dateTail(line)
  return tail.length > 0 && !CONNECTOR.test(tail.at(-1)!) && isRange(tail)
}

// A dash or "to" between a range's ends; "since" and "from" start a range that a line may end with.
const BETWEEN = /^(?:[–—→-]|->|to|till|until)$/i

/**
 * Whether `text` holds a span of dates from one end to the other anywhere ("In-house designer, Adeola
 * Prints (2022 – 2023): …", "Jan 2019 to till date"); "since March 2020" is no such span.
 */
export function holdsSpan(text: string): boolean {
  let run: string[] = []
  for (const word of [...words(text), '']) {
    if (word && dateWord(word)) run.push(word)
    else if (isRange(run) && run.some((date) => BETWEEN.test(date))) return true
    else run = []
  }
  return false
}

/**
 * Whether `next` is only the rest of a date range that `line` ends by starting: every word of `next`
 * is part of a date, the words of both around the break hold a connector ("–", "to", "since") and
 * at least two dated words, one of them a year or "present". A whole range under a whole range is the
 * next job's ("Mar 2019 – Present" / "Aug 2014 – Feb 2019", a column of dates beside the jobs).
 */
export function continuesRange(line: string, next: string): boolean {
  if (next.length > NEXT_MAX || !next.trim()) return false
  const after = words(next)
  if (!after.every(dateWord)) return false
  if (isRange(after) && endsInRange(line)) return false
  const tail = dateTail(line)
  return tail.length > 0 && isRange([...tail, ...after])
}

const MONTH_AND_YEAR = new RegExp(String.raw`^(?:${MONTH},?\s*(\d{4})|\d{1,2}[/.](\d{4}))$`, 'iu')
const NOW_WORD = /^(?:present|current|currently|now|today|ongoing|till date|to date)$/i

/**
 * Whether `line` and `next` are a span's two ends typed on lines of their own with nothing between,
 * as a designed template's date column comes out ("Jan 2022" / "Present", "Jul 2020" / "Dec 2021"):
 * a month and year, then "present" or a month and year no earlier. Bare years are left alone: a
 * column of degrees' years ("2015" / "2017") is two dates, not a span.
 */
export function spanApart(line: string, next: string): boolean {
  const start = MONTH_AND_YEAR.exec(line.trim())
  if (!start) return false
  if (NOW_WORD.test(next.trim())) return true
  const end = MONTH_AND_YEAR.exec(next.trim())
  return end !== null && Number(end[1] ?? end[2]) >= Number(start[1] ?? start[2])
}
