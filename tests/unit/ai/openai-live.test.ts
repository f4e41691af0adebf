import { afterEach, describe, expect, it } from 'vitest'
import type { LiveTranscriptEvent } from '@core/ai/types'
import { syntheticSpeech } from '../../harness/ai-stub/audio'
import { startAiHarness, type AiHarness } from './harness'

let h: AiHarness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

const RATE = 16_000
const silence = (ms: number) => new Uint8Array(Math.round((RATE * ms) / 1000) * 2)

describe('live transcription with OpenAI (utterances cut by a local VAD)', () => {
  it('sends each utterance as a WAV when it ends, in order, with word times on the session clock', async () => {
    h = await startAiHarness()
    await h.ai.updateSettings({ stt: { provider: 'openai', model: 'whisper-1' } })
    h.stub.setScript({ transcripts: ['First part.', 'Second part.'] })
    const session = await h.ai.capabilities.stt().live({
      encoding: 'linear16',
      sampleRate: RATE,
      endpointingMs: 300,
      utteranceEndMs: 1000,
      scope: { interviewId: 'iv-oa' },
    })
    const events: LiveTranscriptEvent[] = []
    const reading = (async () => {
      for await (const event of session.events) events.push(event)
    })()
    const parts = [
      silence(400),
      syntheticSpeech('first part of it', RATE),
      silence(600),
      syntheticSpeech('second part', RATE),
      silence(1300),
    ]
    for (const part of parts)
      for (let at = 0; at < part.byteLength; at += 640) session.send(part.subarray(at, at + 640))
    await session.finish()
    await reading

    expect(events.map((e) => `${e.type}:${e.text}`)).toEqual([
      'final:First part.',
      'final:Second part.',
      'utterance_end:',
    ])
    expect(events.every((e) => e.type !== 'final' || e.speechFinal)).toBe(true)
    const [first, second] = events
    // The second utterance starts after the first's 0.4 s lead-in, ~1 s of speech and 0.6 s pause.
    expect(first!.words![0]!.start).toBeGreaterThan(0.2)
    expect(second!.words![0]!.start).toBeGreaterThan(1.8)
    const uploads = h.stub.requests.filter((r) => r.route === 'transcriptions')
    expect(uploads).toHaveLength(2)
    expect(uploads.every((r) => r.form!.model === 'whisper-1')).toBe(true)
    expect((await h.ai.usage.forInterview('iv-oa')).calls).toBe(2)
  })

  it('keeps other encodings whole and transcribes them on finish()', async () => {
    h = await startAiHarness()
    await h.ai.updateSettings({ stt: { provider: 'openai', model: 'gpt-4o-mini-transcribe' } })
    h.stub.setScript({ transcripts: ['From a webm recording.'] })
    const session = await h.ai.capabilities.stt().live({ encoding: 'webm', sampleRate: 48_000 })
    const events: LiveTranscriptEvent[] = []
    const reading = (async () => {
      for await (const event of session.events) events.push(event)
    })()
    session.send(new Uint8Array(8000).fill(7))
    session.send(new Uint8Array(8000).fill(9))
    await session.finish()
    await reading
    expect(events.map((e) => e.type)).toEqual(['final', 'utterance_end'])
    expect(h.stub.requests[0]!.form).toMatchObject({
      model: 'gpt-4o-mini-transcribe',
      response_format: 'json',
      file: 16_000,
    })
  })
})
