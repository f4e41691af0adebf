import { afterEach, describe, expect, it } from 'vitest'
import type { KioskStart } from '@shared/contract/interviews'
import { question } from '../interviews/fixtures'
import { PAUSED_FOR_DISPLAY } from '@core/voice/session-pause'
import { KioskSim, voiceWorld, type VoiceWorld } from './world'

let world: VoiceWorld | undefined
afterEach(async () => {
  await world?.close()
  world = undefined
})

describe("the kiosk window's own integrity signals", () => {
  it('are recorded against the interview that window is running, and nowhere else', async () => {
    world = await voiceWorld({ keys: false })
    const code = await world.invite([question({ text: 'Tell me about a system you built.' })])
    const kiosk = { audience: 'kiosk' as const, connection: 'kiosk-window-7' }
    const redeemed = await world.studio.dispatch('interview.redeem', { code }, kiosk)
    expect(redeemed.ok).toBe(true)
    const { token } = (redeemed as { value: KioskStart }).value

    // Before the window has sent anything that names its interview, there is nothing to attach to.
    expect(await world.studio.recordKioskWindowSignal('kiosk-window-7', 'shortcut-blocked')).toBe(false)
    expect(await world.studio.dispatch('interview.consent', { token, choice: 'consented' }, kiosk)).toMatchObject({
      ok: true,
    })
    expect(await world.studio.recordKioskWindowSignal('kiosk-window-7', 'shortcut-blocked')).toBe(true)
    expect(await world.studio.recordKioskWindowSignal('kiosk-window-7', 'display-added')).toBe(true)
    expect(await world.studio.recordKioskWindowSignal('some-other-window', 'focus-lost')).toBe(false)

    const rows = await world.studio.db
      .selectFrom('interview_kiosk_events')
      .select(['kind', 'session_id'])
      .orderBy('id')
      .execute()
    expect(rows.map((r) => r.kind)).toEqual(['consented', 'window:shortcut-blocked', 'window:display-added'])
    expect(new Set(rows.map((r) => r.session_id)).size).toBe(1)
  })

  it('pause the interview at its question when a second display is connected (§7 K03)', async () => {
    world = await voiceWorld({ keys: false })
    const code = await world.invite([question({ text: 'Tell me about a system you built.' })])
    const kiosk = { audience: 'kiosk' as const, connection: 'kiosk-window-9' }
    const redeemed = (await world.studio.dispatch('interview.redeem', { code }, kiosk)) as { value: KioskStart }
    const { token } = redeemed.value
    await world.studio.dispatch('interview.consent', { token, choice: 'consented' }, kiosk)
    const sim = new KioskSim(world, token)
    await sim.start()
    await sim.phase('listening', 0)

    expect(await world.studio.recordKioskWindowSignal('kiosk-window-9', 'display-added')).toBe(true)
    const paused = await sim.phase('paused')
    expect(paused.notice).toBe(PAUSED_FOR_DISPLAY)
    expect(paused.turn?.question?.turnIndex).toBe(0)
    await sim.stop()
  })
})
