import { describe, expect, it } from 'vitest'
import type { PipelineStatus, StatusChange } from '@shared/contract/screening'
import {
  emailKey,
  PeopleByKeys,
  phoneKey,
  samePersonBy,
  type ContactKeys,
} from '@core/screening/candidates/contact-keys'
import { lineNaming, nameSpans, skillHighlights } from '@core/screening/candidates/highlights'
import { changeToUndo } from '@core/screening/candidates/applications'

describe('finding the same person', () => {
  it('keys emails by case and phones by their last ten digits', () => {
    expect(emailKey(' Ada.Lovelace@Example.COM ')).toBe('ada.lovelace@example.com')
    expect(emailKey('not an email')).toBeNull()
    expect(phoneKey('+1 (415) 555-0142')).toBe('4155550142')
    expect(phoneKey('415.555.0142')).toBe('4155550142')
    expect(phoneKey('12-34')).toBeNull()
  })

  it('matches by email, or by phone unless the emails disagree', () => {
    const a = { emailKey: 'a@x.com', phoneKey: '4155550142' }
    expect(samePersonBy(a, { emailKey: 'a@x.com', phoneKey: null })).toBe('email')
    expect(samePersonBy(a, { emailKey: null, phoneKey: '4155550142' })).toBe('phone')
    expect(samePersonBy(a, { emailKey: 'b@x.com', phoneKey: '4155550142' })).toBeNull()
    expect(samePersonBy({ emailKey: null, phoneKey: null }, { emailKey: null, phoneKey: null })).toBeNull()
  })

  it('finds the kept person a scan of them all would find, the first by email, else the first by phone', () => {
    // Many emails, few phones, some of each missing: every rule of samePersonBy is met many times.
    const EMAILS = Array.from({ length: 1000 }, (_, index) => `p${index}@x.io`)
    let seed = 7
    // The generator's high bits: its low bits repeat with a short period and would pair emails with phones.
    const pick = <T>(values: readonly T[]) =>
      values[Math.floor((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 16) % values.length]!
    const people = new PeopleByKeys<{ keys: ContactKeys; id: number }>()
    const kept: { keys: ContactKeys; id: number }[] = []
    const seen = { found: 0, byPhone: 0, phoneRuledOut: 0 }
    for (let id = 0; id < 2000; id++) {
      const keys = {
        emailKey: pick([true, false, false]) ? null : pick(EMAILS),
        phoneKey: pick([null, '1111111', '2222222', '3333333']),
      }
      // As intake finds a stored candidate (record-outcome.ts): by email first, then by phone.
      const by = (kind: string) => kept.find((other) => samePersonBy(keys, other.keys) === kind)
      const scanned = by('email') ?? by('phone')
      expect(people.find(keys)?.id).toBe(scanned?.id)
      if (scanned) seen.found++
      if (scanned && samePersonBy(keys, scanned.keys) === 'phone') seen.byPhone++
      if (!scanned && kept.some((other) => keys.phoneKey && other.keys.phoneKey === keys.phoneKey)) seen.phoneRuledOut++
      // Keep some of the matched too, so that several kept people share a key.
      if (!scanned || id % 3 === 0) {
        kept.push({ keys, id })
        people.add({ keys, id })
      }
    }
    expect(seen.found).toBeGreaterThan(1000)
    // Found by a shared phone, and a shared phone ruled out by different emails, each many times.
    expect(seen.byPhone).toBeGreaterThan(50)
    expect(seen.phoneRuledOut).toBeGreaterThan(30)
    expect(kept.length).toBeGreaterThan(500)
  })
})

describe('highlights', () => {
  it('keeps spans sorted and apart, the longer one winning an overlap', () => {
    const spans = skillHighlights(
      [
        { skillId: 'sql', start: 10, end: 13 },
        { skillId: 'postgresql', start: 6, end: 16 },
        { skillId: 'go', start: 0, end: 2 },
      ],
      (id) => (id === 'go' ? 'required' : 'other'),
    )
    expect(spans).toEqual([
      { start: 0, end: 2, skillId: 'go', kind: 'required' },
      { start: 6, end: 16, skillId: 'postgresql', kind: 'other' },
    ])
  })

  it('finds a custom skill by whole words and the line that proves it', () => {
    const text = 'Summary\nConfigured Salesforce  CPQ for quoting\nSalesforceCPQ is not it'
    expect(nameSpans(text, 'custom:cpq', 'Salesforce CPQ')).toEqual([{ skillId: 'custom:cpq', start: 19, end: 34 }])
    expect(lineNaming(text, 'salesforce cpq')).toBe('Configured Salesforce  CPQ for quoting')
  })
})

describe('undo', () => {
  const change = (kind: StatusChange['kind'], from: PipelineStatus | null, to: PipelineStatus): StatusChange => ({
    id: `${kind}-${to}`,
    kind,
    from,
    to,
    at: 0,
  })
  it('walks back one set change per undo', () => {
    const history = [
      change('import', null, 'new'),
      change('set', 'new', 'screened'),
      change('set', 'screened', 'shortlisted'),
    ]
    expect(changeToUndo(history)).toMatchObject({ to: 'shortlisted' })
    expect(changeToUndo([...history, change('undo', 'shortlisted', 'screened')])).toMatchObject({ to: 'screened' })
    expect(
      changeToUndo([...history, change('undo', 'shortlisted', 'screened'), change('undo', 'screened', 'new')]),
    ).toBeUndefined()
  })
})
