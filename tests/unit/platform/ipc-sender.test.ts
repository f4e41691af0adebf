import { describe, expect, it } from 'vitest'
import { appOrigins } from '@main/platform/app-origin'
import { verifySender } from '@main/platform/ipc-sender'

const origins = appOrigins()
const main = { url: 'panelist://app/index.html#/queue', isMainFrame: true, detached: false }

describe('IPC sender check', () => {
  it("takes the audience from the window, not from the page's route", () => {
    expect(verifySender(main, 'recruiter', origins)).toEqual({ ok: true, audience: 'recruiter' })
    expect(verifySender({ ...main, url: 'panelist://app/index.html#/' }, 'kiosk', origins)).toEqual({
      ok: true,
      audience: 'kiosk',
    })
  })

  it('fails closed on every doubtful sender', () => {
    expect(verifySender(main, undefined, origins)).toMatchObject({ ok: false, reason: 'not one of our windows' })
    expect(verifySender(null, 'recruiter', origins)).toMatchObject({ ok: false, reason: 'sender frame is gone' })
    expect(verifySender({ ...main, detached: true }, 'recruiter', origins)).toMatchObject({ ok: false })
    expect(verifySender({ ...main, isMainFrame: false }, 'recruiter', origins)).toMatchObject({
      ok: false,
      reason: 'sender is a subframe',
    })
    for (const url of ['https://evil.example/', 'panelist://app.evil/', 'about:blank', '', 'file:///tmp/x.html']) {
      expect(verifySender({ ...main, url }, 'recruiter', origins), url).toMatchObject({
        ok: false,
        reason: 'sender is not on the app origin',
      })
    }
  })
})
