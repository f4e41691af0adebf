import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordingMediaPath, type RecordingView } from '@shared/contract/interviews'
import { silentLogger } from '@core/logger'
import { recordingResponse, withMediaToken } from '@main/platform/recording-response'
import { parseByteRange } from '@web-host/byte-range'
import { startWebServer, type WebServer } from '@web-host/web-server'
import { pageToken } from '../../helpers/host-socket'
import { createTempStudio, tempDir } from '../../helpers/temp-studio'

/*
 * The review screen's playback: a recording served by the web host to the recruiter's page (its
 * token, byte ranges for seeking) and to nobody else, looked up through the real studio.
 */

let studio: Awaited<ReturnType<typeof createTempStudio>>['studio']
let dataDir: string
let server: WebServer
let recruiterToken: string
const BYTES = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251))

async function recording(id: string, relativePath: string, status: 'complete' | 'recording' = 'complete') {
  await studio.db
    .insertInto('interview_recordings')
    .values({
      id,
      session_id: 'session-1',
      turn_index: 0,
      kind: 'audio',
      path: relativePath,
      status,
      sample_rate: 16_000,
      bytes: BYTES.length,
      duration_ms: 1000,
      answer_id: 'answer-1',
      started_at: 1,
      ended_at: 2,
    })
    .execute()
}

beforeAll(async () => {
  ;({ studio, dataDir } = await createTempStudio({ startWorkers: false }))
  fs.mkdirSync(path.join(dataDir, 'recordings', 'session-1'), { recursive: true })
  fs.writeFileSync(path.join(dataDir, 'recordings', 'session-1', 'turn-000.wav'), BYTES)
  fs.writeFileSync(path.join(dataDir, 'recordings', 'session-1', 'turn-001.wav'), BYTES)
  fs.writeFileSync(path.join(dataDir, 'outside.wav'), BYTES)
  await recording('rec-ok', 'recordings/session-1/turn-000.wav')
  await recording('rec-open', 'recordings/session-1/turn-001.wav', 'recording')
  await recording('rec-escape', 'recordings/../outside.wav')
  const rendererDir = tempDir('panelist-renderer-')
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head></head><body></body></html>')
  server = await startWebServer({ studio, rendererDir, logger: silentLogger })
  recruiterToken = await pageToken(server.url)
})

afterAll(async () => {
  await server?.close()
  await studio?.close()
})

const recruiterUrl = (id: string, token = recruiterToken) =>
  new URL(`${recordingMediaPath(id)}?token=${token}`, server.url).toString()

describe('a recording for the review screen', () => {
  it('is listed for its interview only once it is finished', async () => {
    const result = await studio.dispatch(
      'assessments.recordings',
      { sessionId: 'session-1' },
      { audience: 'recruiter' },
    )
    expect(result.ok).toBe(true)
    const listed = (result as { value: RecordingView[] }).value
    expect(listed.map((r) => r.id).sort()).toEqual(['rec-escape', 'rec-ok'])
    expect(listed.find((r) => r.id === 'rec-ok')).toMatchObject({ kind: 'audio', contentType: 'audio/wav' })
  })

  it('is served whole, and by byte range so the player can seek, to the recruiter page', async () => {
    const whole = await fetch(recruiterUrl('rec-ok'))
    expect(whole.status).toBe(200)
    expect(whole.headers.get('content-type')).toBe('audio/wav')
    expect(whole.headers.get('accept-ranges')).toBe('bytes')
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(BYTES)

    const part = await fetch(recruiterUrl('rec-ok'), { headers: { Range: 'bytes=100-199' } })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe('bytes 100-199/1000')
    expect(Buffer.from(await part.arrayBuffer())).toEqual(BYTES.subarray(100, 200))

    const open = await fetch(recruiterUrl('rec-ok'), { headers: { Range: 'bytes=990-' } })
    expect(Buffer.from(await open.arrayBuffer())).toEqual(BYTES.subarray(990))
    const beyond = await fetch(recruiterUrl('rec-ok'), { headers: { Range: 'bytes=1000-' } })
    expect(beyond.status).toBe(416)
    expect(beyond.headers.get('content-range')).toBe('bytes */1000')
  })

  it('is refused without the recruiter page token, and the kiosk site serves none', async () => {
    expect((await fetch(new URL(recordingMediaPath('rec-ok'), server.url))).status).toBe(403)
    expect((await fetch(recruiterUrl('rec-ok', 'f'.repeat(recruiterToken.length)))).status).toBe(403)
    const kioskToken = await pageToken(server.kioskUrl)
    const fromKiosk = await fetch(new URL(`${recordingMediaPath('rec-ok')}?token=${kioskToken}`, server.kioskUrl))
    expect(fromKiosk.status).toBe(404)
    expect(Buffer.from(await fromKiosk.arrayBuffer()).includes(BYTES.subarray(0, 50))).toBe(false)
  })

  it('is not served while still being written, when unknown, or when its path leaves the recordings folder', async () => {
    expect((await fetch(recruiterUrl('rec-open'))).status).toBe(404)
    expect((await fetch(recruiterUrl('no-such-recording'))).status).toBe(404)
    expect((await fetch(recruiterUrl('rec-escape'))).status).toBe(404)
  })
})

describe('parseByteRange', () => {
  it('reads single ranges and ignores what it does not serve', () => {
    expect(parseByteRange(undefined, 10)).toBeNull()
    expect(parseByteRange('bytes=0-4', 10)).toEqual({ start: 0, end: 4 })
    expect(parseByteRange('bytes=5-', 10)).toEqual({ start: 5, end: 9 })
    expect(parseByteRange('bytes=-3', 10)).toEqual({ start: 7, end: 9 })
    expect(parseByteRange('bytes=8-100', 10)).toEqual({ start: 8, end: 9 })
    expect(parseByteRange('bytes=0-1,4-5', 10)).toBeNull()
    expect(parseByteRange('bytes=5-2', 10)).toBeNull()
    expect(parseByteRange('items=0-1', 10)).toBeNull()
    expect(parseByteRange('bytes=10-', 10)).toBe('unsatisfiable')
    expect(parseByteRange('bytes=-0', 10)).toBe('unsatisfiable')
  })
})

describe('the desktop app scheme', () => {
  const token = 'a'.repeat(48)
  const locate = async (recordingId: string) => {
    const found = await studio.dispatch('assessments.recordingFile', { recordingId }, { audience: 'recruiter' })
    return found.ok ? (found.value as { absolutePath: string; contentType: string }) : null
  }
  const ask = (id: string, given: string, headers: Record<string, string> = {}) =>
    recordingResponse(new Request(`panelist://app${recordingMediaPath(id)}?token=${given}`, { headers }), {
      token,
      locate,
    })

  it('puts the media token in the recruiter window address, beside its route', () => {
    expect(withMediaToken('panelist://app/index.html#/', token)).toBe(`panelist://app/index.html?media=${token}#/`)
  })

  it('serves a recording, whole or by range, to the recruiter window token and to nothing else', async () => {
    const whole = await ask('rec-ok', token)
    expect(whole.status).toBe(200)
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(BYTES)
    const part = await ask('rec-ok', token, { Range: 'bytes=10-19' })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe('bytes 10-19/1000')
    expect(Buffer.from(await part.arrayBuffer())).toEqual(BYTES.subarray(10, 20))
    expect((await ask('rec-ok', '')).status).toBe(403)
    expect((await ask('rec-ok', 'b'.repeat(48))).status).toBe(403)
    expect((await ask('rec-escape', token)).status).toBe(404)
    expect((await ask('rec-open', token)).status).toBe(404)
  })
})
