/**
 * Month names a resume may be written with: English in full and abbreviated, and the long names of
 * the languages our recruiters most often see alongside English. Accents are kept, and also folded
 * ("marz"). Written out rather than asked of Intl.DateTimeFormat at start: building the seven
 * formatters took about 23 ms of every parse worker's start. A test compares these with the
 * platform's locale data, so a typo here fails it.
 */
export const LONG_MONTH_NAMES: Readonly<Record<string, readonly string[]>> = {
  en: [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ],
  de: [
    'januar',
    'februar',
    'märz',
    'april',
    'mai',
    'juni',
    'juli',
    'august',
    'september',
    'oktober',
    'november',
    'dezember',
  ],
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  es: [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ],
  pt: [
    'janeiro',
    'fevereiro',
    'março',
    'abril',
    'maio',
    'junho',
    'julho',
    'agosto',
    'setembro',
    'outubro',
    'novembro',
    'dezembro',
  ],
  it: [
    'gennaio',
    'febbraio',
    'marzo',
    'aprile',
    'maggio',
    'giugno',
    'luglio',
    'agosto',
    'settembre',
    'ottobre',
    'novembre',
    'dicembre',
  ],
  nl: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
}
const ENGLISH_SHORT = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

const fold = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '')

/** Lower-case month word → month number (1–12). */
export function monthNamesByWord(): Map<string, number> {
  const names = new Map<string, number>()
  ENGLISH_SHORT.forEach((word, index) => names.set(word, index + 1))
  names.set('sept', 9)
  for (const words of Object.values(LONG_MONTH_NAMES)) {
    words.forEach((word, index) => {
      names.set(word, index + 1)
      names.set(fold(word), index + 1)
    })
  }
  return names
}

/** The word for "to this day" that ends a range, in these languages (a pattern's source). */
export const PRESENT = String.raw`(?:present|current(?:ly)?|now|today|date|ongoing|heute|aujourd['’]hui|actualidad|presente|atual|actual|oggi)`
