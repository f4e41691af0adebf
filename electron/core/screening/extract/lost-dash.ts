/**
 * A dash a PDF's font could not draw, written as "?" by the script that made it (fpdf's Latin-1 core
 * fonts with errors replaced): "Mar 2021 ? Present", "2016?2019". Between a date and a date or
 * "present", a lone "?" is that dash: no sentence asks a question there.
 */
const LOST_DASH =
  /(?<=\b(?:(?:19|20)\d\d|\d{1,2}[/.-](?:19|20)\d\d)) ?\? ?(?=(?:\p{L}{3,9}\.? )?(?:(?:19|20)\d\d|\d{1,2}[/.-](?:19|20)\d\d)\b|(?:present|current|now|today|till|to date|date)\b)/giu

/** The line with each "?" that stands for a lost dash between two dates read as "–". */
export const withLostDashes = (line: string): string =>
  line.includes('?') ? line.replace(LOST_DASH, (dash) => dash.replace('?', '–')) : line
