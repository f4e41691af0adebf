import { stringify } from 'csv-stringify/sync'

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (or, for tab and carriage
 * return, shifts it into one). OWASP's advice for CSV injection: prefix such a cell with a single quote.
 */
const FORMULA_START = /^[=+\-@\t\r]/u

export type CsvCell = string | number | null

/** The cell as text, neutralised if a spreadsheet would read it as a formula. */
export function safeCell(value: CsvCell): string {
  if (value === null) return ''
  const text = String(value)
  return FORMULA_START.test(text) ? `'${text}` : text
}

/**
 * A CSV file (RFC 4180 quoting by csv-stringify) whose every cell went through safeCell. Numbers are
 * neutralised too: a negative number would otherwise start with "-" and look like the same attack.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify([header.map(safeCell), ...rows.map((row) => row.map(safeCell))], { record_delimiter: 'windows' })
}
