import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseWav } from '@core/audio/wav'
import { systemClock } from '@core/clock'
import { openDatabase } from '@core/db/open'
import { silentLogger } from '@core/logger'
import { createRecordingsStore } from '@core/recording/recordings-store'
import { createWavRecorder, repairWav, WAV_HEADER_BYTES } from '@core/recording/wav-file'
import { chunked, probeDuration, requireAudioTools, spokenAnswer, type SpokenAnswer } from '../../fixtures/audio/speech'
import { tempDir } from '../../helpers/temp-studio'

let dir: string
let speech: SpokenAnswer

beforeAll(() => {
  requireAudioTools()
  dir = tempDir('panelist-recording-')
  speech = spokenAnswer(dir, 'answer', 'I would put a cache in front of the database and measure the hit rate.', {
    sampleRate: 16_000,
  })
})

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const openStore = async (dataDir: string) => {
  const { db } = await openDatabase({
    file: path.join(dataDir, 'panelist.sqlite'),
    clock: systemClock,
    logger: silentLogger,
  })
  return { db, store: createRecordingsStore({ db, dataDir, clock: systemClock, logger: silentLogger }) }
}

describe('WAV recording', () => {
  it('is written as it arrives and is exact and playable once finished', async () => {
    const file = path.join(dir, 'finished.wav')
    const recorder = createWavRecorder(file, speech.sampleRate)
    for (const chunk of chunked(speech.pcm, speech.sampleRate, 20)) recorder.write(chunk)
    // Before finishing, everything written is already in the file (a killed process loses nothing).
    expect(fs.statSync(file).size).toBe(WAV_HEADER_BYTES + speech.pcm.byteLength)
    const result = await recorder.finish()
    expect(await recorder.finish()).toEqual(result)
    expect(result.bytes).toBe(speech.pcm.byteLength)
    const info = parseWav(new Uint8Array(fs.readFileSync(file)))!
    expect(info.dataBytes).toBe(speech.pcm.byteLength)
    expect(info.sampleRate).toBe(16_000)
    expect(probeDuration(file)).toBeCloseTo(speech.durationSec, 2)
    expect(result.durationMs).toBe(Math.round(speech.durationSec * 1000))
  })

  it('repairs a file cut short mid-sample and leaves an intact one alone', async () => {
    const file = path.join(dir, 'cut.wav')
    const recorder = createWavRecorder(file, speech.sampleRate)
    recorder.write(speech.pcm.subarray(0, 32_001))
    // No finish(): the sizes on disk still say "streaming" and the last byte is half a sample.
    const repaired = repairWav(file)
    expect(repaired).toEqual({ outcome: 'repaired', bytes: 32_000, durationMs: 1000, sampleRate: 16_000 })
    expect(fs.statSync(file).size).toBe(WAV_HEADER_BYTES + 32_000)
    expect(probeDuration(file)).toBeCloseTo(1, 3)
    expect(repairWav(file)).toEqual({ outcome: 'intact', bytes: 32_000, durationMs: 1000, sampleRate: 16_000 })
  })

  it('calls a file without a complete header unreadable instead of guessing', () => {
    const file = path.join(dir, 'stub.wav')
    fs.writeFileSync(file, Buffer.from('RIFF\xff\xff'))
    expect(repairWav(file).outcome).toBe('unreadable')
    fs.writeFileSync(file, Buffer.alloc(100, 7))
    expect(repairWav(file)).toMatchObject({ outcome: 'unreadable', reason: 'not a recording made by this app' })
    expect(repairWav(path.join(dir, 'missing.wav')).outcome).toBe('unreadable')
  })
})

describe('recordings store', () => {
  it('keeps a recording whose process was killed mid-answer, repaired and playable, and refuses paths outside its folder', async () => {
    const dataDir = tempDir('panelist-recording-crash-')
    // The schema exists before the child opens the database (as it would for the app).
    const first = await openStore(dataDir)
    await first.db.destroy()
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'child/record-child.ts'), dataDir, speech.path],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    const started = await new Promise<{ id: string; path: string; bytes: number }>((resolve, reject) => {
      let out = ''
      child.stdout.on('data', (d) => {
        out += d
        const line = out.split('\n').find((l) => l.startsWith('RECORDING '))
        if (line) resolve(JSON.parse(line.slice('RECORDING '.length)))
      })
      child.once('exit', (code) => reject(new Error(`child exited with ${code}: ${stderr}`)))
    })
    // Let it write a little more, then kill it without warning.
    await new Promise((resolve) => setTimeout(resolve, 150))
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGKILL')
    await exited

    const { db, store } = await openStore(dataDir)
    const file = store.absolutePath(started.path)
    const onDisk = fs.statSync(file).size - WAV_HEADER_BYTES
    expect(onDisk).toBeGreaterThan(started.bytes)
    // Unrepaired, the streaming header already plays to the end of what was written.
    expect(probeDuration(file)).toBeGreaterThan(1)

    expect(await store.repairInterrupted()).toEqual({ repaired: 1, unreadable: 0 })
    const [row] = await store.list('session-crash')
    const whole = onDisk - (onDisk % 2)
    expect(row).toMatchObject({
      id: started.id,
      status: 'interrupted',
      turn_index: 3,
      bytes: whole,
      sample_rate: 16_000,
    })
    expect(row!.duration_ms).toBe(Math.round((whole / 32_000) * 1000))
    expect(probeDuration(file)).toBeCloseTo(whole / 32_000, 2)
    expect(parseWav(new Uint8Array(fs.readFileSync(file)))!.dataBytes).toBe(whole)
    // A second start-up finds nothing left to repair.
    expect(await store.repairInterrupted()).toEqual({ repaired: 0, unreadable: 0 })

    expect(() => store.absolutePath('recordings/../panelist.sqlite')).toThrow(/outside/)
    expect(() => store.absolutePath('../elsewhere.wav')).toThrow(/outside/)
    await expect(store.startAudio('../escape', 0, 16_000)).rejects.toThrow(/invalid session id/)
    await db.destroy()
  })

  it('writes a video answer chunk by chunk and records its size', async () => {
    const dataDir = tempDir('panelist-recording-video-')
    const { db, store } = await openStore(dataDir)
    const video = await store.startVideo('session-video', 1)
    const ebml = Buffer.from([0x1a, 0x45, 0xdf, 0xa3])
    const chunks = [Buffer.concat([ebml, Buffer.from('first cluster')]), Buffer.from('second cluster')]
    for (const chunk of chunks) video.file.append(chunk)
    await store.completeVideo(video)
    const [row] = await store.list('session-video')
    expect(row).toMatchObject({ kind: 'video', status: 'complete', bytes: 31 })
    expect(fs.readFileSync(store.absolutePath(video.relativePath))).toEqual(Buffer.concat(chunks))
    expect(await store.videoBytes('session-video')).toBe(31)
    await db.destroy()
  })
})
