import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAnswerEndpoint } from '../../../electron/main/voice/answer-endpoint'
import { createBargeInDetector } from '../../../electron/main/voice/barge-in'
import { createPreRoll } from '../../../electron/main/voice/pcm'
import { createSpeechTimeline } from '../../../electron/main/voice/speech-timeline'
import { chunked, requireAudioTools, silence, spokenAnswer, type SpokenAnswer } from '../../fixtures/audio/speech'
import { tempDir } from '../../helpers/temp-studio'

const RATE = 16_000
let dir: string
let speech: SpokenAnswer

beforeAll(() => {
  requireAudioTools()
  dir = tempDir('panelist-turns-')
  speech = spokenAnswer(dir, 'speech', 'Sorry to interrupt but I have a question', {
    sampleRate: RATE,
    leadSec: 0.5,
    tailSec: 0.5,
  })
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

/** A loud 30 ms burst, like a knock on the desk. */
function click(): Uint8Array {
  const pcm = new Uint8Array(Math.round(RATE * 0.03) * 2)
  const view = new DataView(pcm.buffer)
  for (let i = 0; i < pcm.byteLength / 2; i++) view.setInt16(i * 2, i % 2 ? 20_000 : -20_000, true)
  return pcm
}

describe('barge-in detection', () => {
  it('fires on real speech about 200 ms in, and not on silence or a click', () => {
    const detector = createBargeInDetector(RATE)
    for (const chunk of chunked(silence(RATE, 1), RATE)) expect(detector.push(chunk)).toBe(false)
    for (const chunk of chunked(click(), RATE)) expect(detector.push(chunk)).toBe(false)
    for (const chunk of chunked(silence(RATE, 0.5), RATE)) expect(detector.push(chunk)).toBe(false)

    let heardMs = 0
    let firedAtMs: number | null = null
    for (const chunk of chunked(speech.pcm, RATE)) {
      if (detector.push(chunk) && firedAtMs === null) firedAtMs = heardMs
      heardMs += 20
    }
    // The recording starts with 0.5 s of silence; the detector needs 200 ms of voice after that.
    expect(firedAtMs).toBeGreaterThanOrEqual(680)
    expect(firedAtMs).toBeLessThan(1000)
    detector.reset()
    expect(detector.push(silence(RATE, 0.02))).toBe(false)
  })

  it('keeps the moment before detection so the answer starts with its first word', () => {
    const preRoll = createPreRoll(RATE, 600)
    const chunks = chunked(speech.pcm, RATE)
    for (const chunk of chunks.slice(0, 45)) preRoll.push(chunk)
    const kept = preRoll.take()
    expect(kept.length).toBe(30)
    expect(kept[0]).toBe(chunks[15])
    expect(preRoll.take()).toEqual([])
  })
})

describe('end of answer', () => {
  const final = (text: string, speechFinal: boolean) => ({ type: 'final' as const, text, speechFinal })

  it('ends at the first pause after a finished sentence, and waits through a pause mid-sentence', () => {
    const endpoint = createAnswerEndpoint({ providerListening: true })
    expect(endpoint.onTranscript({ type: 'interim', text: 'I think' })).toBeNull()
    expect(endpoint.onTranscript(final('I think that', true))).toBeNull()
    expect(endpoint.onTranscript(final('we should cache it.', true))).toBe('speech_final')
  })

  it('ends at the provider utterance end once anything was heard, and not before', () => {
    const endpoint = createAnswerEndpoint({ providerListening: true })
    expect(endpoint.onTranscript({ type: 'utterance_end', text: '' })).toBeNull()
    expect(endpoint.onTranscript(final('well and then', true))).toBeNull()
    expect(endpoint.onTranscript({ type: 'utterance_end', text: '' })).toBe('utterance_end')
  })

  it('needs three words before a sentence can end the answer at once', () => {
    const endpoint = createAnswerEndpoint({ providerListening: true })
    expect(endpoint.onTranscript(final('Yes.', true))).toBeNull()
    expect(endpoint.onTranscript(final('I agree.', true))).toBe('speech_final')
  })

  it('falls back to silence, longer while a provider is still expected to speak', () => {
    const endpoint = createAnswerEndpoint({ providerListening: true })
    expect(endpoint.onSilence(2000, 1500)).toBeNull()
    expect(endpoint.onSilence(3000, 1500)).toBe('silence')
    endpoint.setProviderListening(false)
    expect(endpoint.onSilence(1500, 1500)).toBe('silence')
    expect(endpoint.onSilence(5000, 100)).toBeNull()
  })
})

describe('speech timeline', () => {
  it('measures when speech starts, how long it lasts and where the candidate paused', () => {
    const timeline = createSpeechTimeline(RATE)
    const audio = [silence(RATE, 0.7), speech.pcm, silence(RATE, 1.5), speech.pcm]
    for (const part of audio) for (const chunk of chunked(part, RATE)) timeline.push(chunk)
    const summary = timeline.summary()
    const spoken = speech.durationSec - 1
    expect(summary.firstSpeechMs! / 1000).toBeGreaterThan(1.1)
    expect(summary.firstSpeechMs! / 1000).toBeLessThan(1.4)
    expect(summary.speechMs / 1000).toBeGreaterThan(2 * spoken * 0.75)
    expect(summary.speechMs / 1000).toBeLessThan(2 * spoken * 1.1)
    expect(summary.pauses).toHaveLength(1)
    // 0.5 s tail + 1.5 s gap + 0.5 s lead of silence between the two sentences, plus espeak's own edges.
    expect(summary.pauses[0]!.durationMs / 1000).toBeGreaterThan(2.3)
    expect(summary.pauses[0]!.durationMs / 1000).toBeLessThan(3.1)
    expect(timeline.silenceMs()).toBeGreaterThanOrEqual(400)
  })
})
