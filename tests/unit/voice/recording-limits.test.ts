import fs from 'node:fs'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { VIDEO_BYTES_PER_SECOND_ALLOWED } from '@shared/contract/kiosk'
import type { SessionDetail, SessionSummary } from '@shared/contract/interviews'
import { PAUSED_FOR_STORAGE } from '@core/voice/session-pause'
import { requireAudioTools, spokenAnswer, type SpokenAnswer } from '../../fixtures/audio/speech'
import { mountSmallDisk, smallDiskUnavailable, type SmallDisk } from '../../helpers/small-disk'
import { tempDir } from '../../helpers/temp-studio'
import { question } from '../interviews/fixtures'
import { KIOSK_RATE, KioskSim, voiceWorld, type VoiceWorld } from './world'

let world: VoiceWorld | undefined
let disk: SmallDisk | undefined
let dir: string
let answers: SpokenAnswer[]

beforeAll(() => {
  requireAudioTools()
  dir = tempDir('panelist-voice-limits-')
  answers = ['I keep a checklist and go through it every morning', 'I would ask the customer what they expected'].map(
    (text, i) => spokenAnswer(dir, `answer-${i}`, text, { sampleRate: KIOSK_RATE, leadSec: 0.3, tailSec: 1.2 }),
  )
})

afterEach(async () => {
  await world?.close()
  disk?.unmount()
  world = disk = undefined
})

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

async function sessionOf(w: VoiceWorld): Promise<SessionDetail> {
  const [summary] = await w.call<SessionSummary[]>('sessions.list', {})
  return w.call<SessionDetail>('sessions.get', { id: summary!.id })
}

const QUESTIONS = [
  question({ text: 'How do you organise your day?', type: 'open_voice' }),
  question({ text: 'How do you calm an upset customer?', type: 'open_voice' }),
]

const unavailable = smallDiskUnavailable()

describe.skipIf(unavailable)(`a disk that fills during an interview${unavailable ? ` [${unavailable}]` : ''}`, () => {
  it('pauses on the question, tells candidate and recruiter, loses nothing saved, and resumes there once freed', async () => {
    disk = mountSmallDisk(48 * 1024 * 1024)
    world = await voiceWorld({ keys: false, studio: { dataDir: disk.dir } })
    const recruiterNotices: string[] = []
    world.studio.events.subscribe((name, payload) => {
      if (name === 'app.storageFull') recruiterNotices.push((payload as { message: string }).message)
    })
    const code = await world.invite(QUESTIONS)
    let kiosk = await KioskSim.redeem(world, code)
    await kiosk.start()
    await kiosk.phase('listening', 0)
    await kiosk.say(answers[0]!.pcm)
    await kiosk.phase('listening', 1)

    disk.fill()
    await kiosk.say(answers[1]!.pcm)
    const paused = await kiosk.phase('paused')
    expect(paused.notice).toBe(PAUSED_FOR_STORAGE)
    expect(recruiterNotices).toHaveLength(1)
    expect(recruiterNotices[0]).toMatch(/disk .* is full/)
    await kiosk.stop()

    disk.free()
    const saved = await sessionOf(world)
    expect(saved.answers.map((a) => a.turnIndex)).toEqual([0])
    expect(fs.statSync(path.join(world.dataDir, saved.answers[0]!.audioPath!)).size).toBeGreaterThan(44)

    kiosk = await KioskSim.redeem(world, code)
    const resumed = await kiosk.start()
    expect(resumed.turn.question?.turnIndex).toBe(1)
    await kiosk.phase('listening', 1)
    await kiosk.say(answers[1]!.pcm)
    await kiosk.phase('done')
    await kiosk.stop()
    expect(kiosk.micErrors).toEqual([])
    expect((await sessionOf(world)).answers.map((a) => a.turnIndex)).toEqual([0, 1])
  })
})

describe('camera uploads', () => {
  const videoFiles = (w: VoiceWorld) => {
    const root = path.join(w.dataDir, 'recordings')
    if (!fs.existsSync(root)) return []
    return fs
      .readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.webm'))
      .map((name) => fs.statSync(path.join(root, name)).size)
  }

  it('keeps a video only while it is WebM and within what the time limit allows, and the answer goes on', async () => {
    world = await voiceWorld({ keys: false })
    const timeLimitSec = 15
    const code = await world.invite([question({ text: 'Show me your workspace.', type: 'video', timeLimitSec })])
    const kiosk = await KioskSim.redeem(world, code)
    await kiosk.start()
    await kiosk.phase('listening', 0)

    const megabyte = Buffer.alloc(1024 * 1024, 7)
    const webmStart = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), megabyte.subarray(4)])
    const camera = (seq: number, bytes: Buffer) =>
      kiosk.send('interview.voiceCamera', {
        streamId: kiosk.streamId,
        turnIndex: 0,
        seq,
        data: bytes.toString('base64'),
      })
    await camera(0, webmStart)
    for (let seq = 1; seq <= 24; seq++) await camera(seq, megabyte)
    await kiosk.until(() => videoFiles(world!).length === 1)
    const allowance = VIDEO_BYTES_PER_SECOND_ALLOWED * (timeLimitSec + 30)
    await kiosk.until(() => videoFiles(world!)[0]! >= allowance - megabyte.length)
    expect(videoFiles(world)[0]).toBeLessThanOrEqual(allowance)

    // The answer itself still works: it ends and the interview completes.
    await kiosk.send('interview.voiceEndAnswer', { streamId: kiosk.streamId })
    await kiosk.phase('done')
    await kiosk.stop()
    expect(kiosk.micErrors).toEqual([])
  })

  it('refuses a video that does not start as WebM, writing none of it', async () => {
    world = await voiceWorld({ keys: false })
    const code = await world.invite([question({ text: 'Show me your workspace.', type: 'video' })])
    const kiosk = await KioskSim.redeem(world, code)
    await kiosk.start()
    await kiosk.phase('listening', 0)
    for (let seq = 0; seq < 5; seq++) {
      await kiosk.send('interview.voiceCamera', {
        streamId: kiosk.streamId,
        turnIndex: 0,
        seq,
        data: Buffer.from(`#!/bin/sh\nrm -rf ~ ${seq}`).toString('base64'),
      })
    }
    await kiosk.until(() => videoFiles(world!).length === 1)
    await kiosk.send('interview.voiceEndAnswer', { streamId: kiosk.streamId })
    await kiosk.phase('done')
    await kiosk.stop()
    expect(videoFiles(world)).toEqual([0])
  })
})
