import { afterEach, describe, expect, it } from 'vitest'
import type { KioskTurn } from '@shared/contract/interviews'
import { question } from '../interviews/fixtures'
import { KioskSim, voiceWorld, type VoiceWorld } from './world'

let world: VoiceWorld | undefined
let kiosk: KioskSim | undefined
afterEach(async () => {
  await kiosk?.stop()
  await world?.close()
  kiosk = world = undefined
})

describe('starting an answer again', () => {
  it("uses the question's retakes and refuses once none are left", async () => {
    world = await voiceWorld({ keys: false })
    const code = await world.invite([
      question({ text: 'Walk me through a design you are proud of.', retakesAllowed: 1 }),
      question({ text: 'What would you change about it now?' }),
    ])
    kiosk = await KioskSim.redeem(world, code)
    const started = await kiosk.start()
    expect(started.turn.question?.retakesLeft).toBe(1)
    await kiosk.phase('listening', 0)

    await kiosk.send('interview.voiceRetake', { streamId: kiosk.streamId })
    const turn = await kiosk.send<KioskTurn>('interview.turn', { token: kiosk.token })
    expect(turn.question?.turnIndex).toBe(0)
    expect(turn.question?.retakesLeft).toBe(0)
    await expect(kiosk.send('interview.voiceRetake', { streamId: kiosk.streamId })).rejects.toMatchObject({
      code: 'conflict',
    })
    const after = await kiosk.send<KioskTurn>('interview.turn', { token: kiosk.token })
    expect(after.question?.turnIndex).toBe(0)
  })
})
