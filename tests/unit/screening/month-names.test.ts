import { describe, expect, it } from 'vitest'
import { LONG_MONTH_NAMES, monthNamesByWord } from '@core/screening/read/month-names'

describe('month names', () => {
  for (const [locale, words] of Object.entries(LONG_MONTH_NAMES)) {
    // Node and Electron ship full ICU data; a build without this locale's data has nothing to compare.
    it.skipIf(Intl.DateTimeFormat.supportedLocalesOf(locale).length === 0)(
      `are the platform's own long names in ${locale}`,
      () => {
        const format = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' })
        const platform = words.map((_, month) => format.format(new Date(Date.UTC(2020, month, 15))).toLowerCase())
        expect(words).toEqual(platform)
      },
    )
  }

  it('map written and accent-folded words to their month', () => {
    const names = monthNamesByWord()
    expect(names.get('sept')).toBe(9)
    expect(names.get('märz')).toBe(3)
    expect(names.get('marz')).toBe(3)
    expect(names.get('fevrier')).toBe(2)
    expect(names.get('augustus')).toBe(8)
    expect(names.get('dec')).toBe(12)
  })
})
