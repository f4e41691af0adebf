import { describe, expect, it } from 'vitest'
import {
  decideUpdateFeed,
  describeUpdateStatus,
  mayRestartToUpdate,
  releaseNotesText,
  restartRefusal,
} from '@main/platform/update-feed'

describe('update feed', () => {
  it('uses the https feed from the environment, with the channel from preferences', () => {
    expect(
      decideUpdateFeed({ url: 'https://updates.example.com/panelist/', channel: 'stable', packaged: true }),
    ).toEqual({
      enabled: true,
      feed: { provider: 'generic', url: 'https://updates.example.com/panelist/', channel: 'latest' },
    })
    expect(decideUpdateFeed({ url: 'https://updates.example.com/p', channel: 'beta', packaged: true })).toMatchObject({
      enabled: true,
      feed: { channel: 'beta' },
    })
  })

  it('stays off, with the reason, for dev runs and unsafe or missing feeds', () => {
    const off = (url: string | undefined, packaged = true) => decideUpdateFeed({ url, channel: 'stable', packaged })
    expect(off('https://updates.example.com', false)).toEqual({ enabled: false, reason: 'not a packaged build' })
    expect(off(undefined)).toEqual({ enabled: false, reason: 'PANELIST_UPDATE_URL is not set' })
    expect(off('  ')).toEqual({ enabled: false, reason: 'PANELIST_UPDATE_URL is not set' })
    expect(off('http://updates.example.com')).toEqual({ enabled: false, reason: 'PANELIST_UPDATE_URL must use https' })
    expect(off('file:///srv/updates')).toEqual({ enabled: false, reason: 'PANELIST_UPDATE_URL must use https' })
    expect(off('https://me:secret@updates.example.com')).toEqual({
      enabled: false,
      reason: 'PANELIST_UPDATE_URL must not carry credentials',
    })
    expect(off('updates.example.com')).toEqual({ enabled: false, reason: 'PANELIST_UPDATE_URL is not a URL' })
  })

  it('restarts to update only with a downloaded update and no candidate in the kiosk', () => {
    expect(mayRestartToUpdate({ downloaded: true, kioskOpen: false })).toBe(true)
    expect(mayRestartToUpdate({ downloaded: true, kioskOpen: true })).toBe(false)
    expect(mayRestartToUpdate({ downloaded: false, kioskOpen: false })).toBe(false)
  })

  it('describes each state in a sentence', () => {
    expect(describeUpdateStatus({ state: 'disabled', reason: 'not a packaged build' })).toBe(
      'Automatic updates are off: not a packaged build.',
    )
    expect(
      describeUpdateStatus({
        state: 'downloading',
        version: '1.2.0',
        percent: 42.7,
        bytesPerSecond: 1,
        transferred: 1,
        total: 2,
      }),
    ).toBe('Downloading version 1.2.0: 42%.')
  })

  it('says why a restart to update cannot happen now', () => {
    expect(restartRefusal({ downloaded: true, kioskOpen: false })).toBeNull()
    expect(restartRefusal({ downloaded: true, kioskOpen: true })).toMatch(/Close the candidate kiosk/)
    expect(restartRefusal({ downloaded: false, kioskOpen: false })).toMatch(/No update has been downloaded/)
  })

  it('keeps release notes as plain text: tags dropped, one line per version, capped', () => {
    expect(releaseNotesText('<h2>1.2.0</h2><p>Faster <b>screening</b>.</p><script>alert(1)</script>')).toBe(
      '1.2.0\nFaster screening.\nalert(1)',
    )
    expect(
      releaseNotesText([
        { version: '1.2.0', note: 'Compare view' },
        { version: '1.1.0', note: null },
      ]),
    ).toBe('1.2.0: Compare view\n1.1.0:')
    expect(releaseNotesText(null)).toBeNull()
    expect(releaseNotesText('x'.repeat(10_000))).toHaveLength(4_000)
  })
})
