import { PRESENT } from '../read/month-names'

/**
 * Marks a PDF's font could not draw, written as "?" by the script that made it (fpdf's Latin-1 core
 * fonts with errors replaced). A dash: "Mar 2021 ? Present", "2016?2019", "2018-07 ? 2019-12".
 * Between a date and a date or "present", a lone "?" is that dash: no sentence asks a question there.
 */
const LOST_DASH = new RegExp(
  String.raw`(?<=\b(?:(?:19|20)\d\d(?:[/.-]\d\d?)?|\d\d?[/.-](?:19|20)\d\d)) ?\? ?(?=(?:\p{L}{3,9}\.? )?(?:(?:19|20)\d\d|\d\d?[/.-](?:19|20)\d\d)\b|(?:till |to )?${PRESENT}(?![\p{L}]))`,
  'giu',
)

/** The line with each "?" that stands for a lost dash between two dates read as "–". */
export const withLostDashes = (line: string): string =>
  line.includes('?') ? line.replace(LOST_DASH, (dash) => dash.replace('?', '–')) : line

// A "?" that leads a line is the bullet or the icon the font could not draw ("? Built …", "? ana@…");
// one standing alone inside a line, a separator ("HR Generalist ? Atlas Contact", "1991 ? Marocaine").
// Only where the text holds no dash or bullet drawn as itself: a font that drew "—" lost something
// else ("Actuarial Analyst ? Pricing Actuary — Severn Mutual" was an arrow).
const LOST_BULLET = /^\? (?=\S)/
const LOST_SEPARATOR = /(?<=\S) \? (?=\S)/g
const DRAWN_MARK = /[–—•]/

/**
 * The lines with each lost bullet read as "•" and each lost separator as "–", where `drawnFrom` (the
 * text as it came, before a mis-decoded "â¢" is read as "•") holds no dash or bullet.
 */
export function withLostMarks(lines: string[], drawnFrom: string): string[] {
  if (!lines.some((line) => line.includes('? ')) || DRAWN_MARK.test(drawnFrom)) return lines
  return lines.map((line) => line.replace(LOST_BULLET, '• ').replace(LOST_SEPARATOR, ' – '))
}
