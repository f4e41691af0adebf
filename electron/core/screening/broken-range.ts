/**
 * A date range a layout broke at its dash: a PDF maker's wrap ("Head of PMO      2019 –" / "present")
 * or a column's text copied out ("03/2021 –" / "present"). Both the PDF reader and the text reader
 * join the two lines, so that the range reads whole in every format. No imports: the PDF worker loads it.
 */
const RANGE_CUT = /\d{4}\s*[–—-]$/
const RANGE_END = /^\s*(?:present|current|till date|to date|today|now|ongoing|\d{4}\b|\p{L}{3,9}\.?\s+\d{4}\b)/iu

/** Whether `line` ends in a range's start and `next` goes on with its end. */
export const continuesRange = (line: string, next: string) =>
  RANGE_CUT.test(line.trimEnd().slice(-8)) && RANGE_END.test(next)
