import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'

/** The WCAG 2.1 A and AA rules, the level a hiring product is held to (EN 301 549, Section 508). */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

export interface Violation {
  rule: string
  impact: string
  help: string
  /** CSS selectors of the offending elements (the first few). */
  targets: string[]
}

/** Every WCAG A/AA violation axe finds on the page as it is now, of any impact. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact ?? 'unknown',
    help: violation.help,
    targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
  }))
}

/** Only the violations that block people (axe's serious and critical), the ones a release must not have. */
export const blocking = (violations: Violation[]) =>
  violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')

/** A violation as one readable line for a failing assertion. */
export const describeViolation = (v: Violation) => `${v.impact} ${v.rule}: ${v.help} (${v.targets.join(', ')})`
