import { describe, expect, it } from 'vitest'
import { firstLoads } from '../../bench/renderer-size'

/*
 * The first-load budgets of issue 19, on the built renderer (this project runs after
 * `electron-vite build`): a statically imported schema or chart in the kiosk or the recruiter's
 * shell shows here before a candidate's slow connection does.
 */
describe('the built renderer’s first loads', () => {
  it('stay within their budgets: kiosk ≤ 300 KB, recruiter ≤ 500 KB of JavaScript', () => {
    const loads = firstLoads()
    expect(loads.map((load) => load.page)).toEqual(['kiosk (code entry)', 'recruiter (jobs list)'])
    for (const load of loads)
      expect(load.jsRaw / 1024, `${load.page} first load (KB)`).toBeLessThanOrEqual(load.targetKb)
  })
})
