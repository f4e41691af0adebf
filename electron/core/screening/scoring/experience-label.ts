import type { ExperienceReadingView } from '../../../../shared/contract/screening'
import type { ExperienceReading } from '../types'

const yearsText = (years: number) => `${years} year${years === 1 ? '' : 's'}`

/** Where a years figure came from, in a recruiter's words; empty when it was dated to the month. */
export function experienceSource({ basis, confidence }: ExperienceReading): string {
  switch (basis) {
    case 'dates':
      return confidence === 'high' ? '' : 'from years without months'
    case 'stated':
      return confidence === 'low' ? 'stated; the dates show less' : 'stated'
    case 'durations':
      return 'from job lengths'
    case 'none':
      return 'no dates or stated total found'
  }
}

/** The reading with its label: exact only when dated to the month, "≈" otherwise ("≈ 8 years (stated)"). */
export function describeExperience(reading: ExperienceReading): ExperienceReadingView {
  const source = experienceSource(reading)
  if (reading.basis === 'none') return { ...reading, label: source }
  const label = source ? `≈ ${yearsText(reading.years)} (${source})` : yearsText(reading.years)
  return { ...reading, label }
}
