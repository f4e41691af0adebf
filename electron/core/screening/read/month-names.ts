/**
 * Month names a resume may be written with, from the platform's own locale data rather than a
 * hand-kept list: English in full and abbreviated, and the long names of the languages our
 * recruiters most often see alongside English. Accents are kept, and also folded ("marz").
 */
const LONG_NAME_LOCALES = ['en', 'de', 'fr', 'es', 'pt', 'it', 'nl']
const ENGLISH_SHORT = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

const fold = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '')

/** Lower-case month word → month number (1–12). */
export function monthNamesByWord(): Map<string, number> {
  const names = new Map<string, number>()
  ENGLISH_SHORT.forEach((word, index) => names.set(word, index + 1))
  names.set('sept', 9)
  for (const locale of LONG_NAME_LOCALES) {
    const format = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' })
    for (let month = 1; month <= 12; month++) {
      const word = format.format(new Date(Date.UTC(2020, month - 1, 15))).toLowerCase()
      names.set(word, month)
      names.set(fold(word), month)
    }
  }
  return names
}
