import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAnswerEndpoint } from '@core/voice/answer-endpoint'
import { createTurnJudge, readsUnfinished } from '@core/voice/turn-judge'
import { startAiStub } from '../../harness/ai-stub'
import { silentLogger } from '@core/logger'
import { createTempStudio, tempDir } from '../../helpers/temp-studio'
import { createBargeInDetector } from '@core/voice/barge-in'
import { createPreRoll } from '@core/voice/pcm'
import { createSpeechTimeline } from '@core/voice/speech-timeline'
import { chunked, requireAudioTools, silence, spokenAnswer, type SpokenAnswer } from '../../fixtures/audio/speech'

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

  it('is not ended by a finished sentence, the end of speech or the end of an utterance', () => {
    const endpoint = createAnswerEndpoint()
    expect(endpoint.onTranscript({ type: 'interim', text: 'I think' })).toBeNull()
    expect(endpoint.onTranscript(final('We moved the slow queries behind a cache.', true))).toBeNull()
    expect(endpoint.onTranscript({ type: 'utterance_end', text: '' })).toBeNull()
    expect(endpoint.onTranscript(final('Then we measured again', true))).toBeNull()
  })

  it('ends when the candidate closes with a phrase that hands the turn back', () => {
    const endpoint = createAnswerEndpoint()
    expect(endpoint.onTranscript(final('And that is my answer.', true))).toBe('spoken_end')
    expect(endpoint.onTranscript(final('I’m done', true))).toBe('spoken_end')
    expect(endpoint.onTranscript(final('So I have finished.', true))).toBe('spoken_end')
    // Mid-sentence, in an interim, or in a phrase that also occurs mid-answer: not a hand-back.
    expect(endpoint.onTranscript(final("I'm done with the intro, so next", true))).toBeNull()
    expect(endpoint.onTranscript({ type: 'interim', text: "that's my answer" })).toBeNull()
    expect(endpoint.onTranscript(final("That's it, the cache was the problem.", true))).toBeNull()
    expect(endpoint.onTranscript(final("that's my answer", false))).toBeNull()
  })

  it('waits out thinking pauses: only a long silence after speech ends the answer, longer for advanced questions', () => {
    const endpoint = createAnswerEndpoint()
    expect(endpoint.onSilence(2000, 8000, false)).toBeNull()
    expect(endpoint.onSilence(2499, 8000, false)).toBeNull()
    expect(endpoint.onSilence(2500, 8000, false)).toBe('silence')
    // A cough is not an answer.
    expect(endpoint.onSilence(9000, 100, true)).toBeNull()

    const advanced = createAnswerEndpoint({ advanced: true })
    expect(advanced.onSilence(3000, 8000, false)).toBeNull()
    expect(advanced.onSilence(3500, 8000, false)).toBe('silence')
    expect(createAnswerEndpoint({ silenceEndMs: 4000 }).onSilence(3000, 8000, false)).toBeNull()
  })

  it('ends at a shorter pause only when the words so far were judged a complete answer', () => {
    const endpoint = createAnswerEndpoint()
    expect(endpoint.agreedMs).toBe(1000)
    expect(endpoint.judgeAfterMs).toBeLessThan(endpoint.agreedMs)
    expect(endpoint.onSilence(999, 8000, true)).toBeNull()
    expect(endpoint.onSilence(1000, 8000, true)).toBe('agreed')
    expect(endpoint.onSilence(1000, 8000, false)).toBeNull()
    // The template's longer pause lengthens the agreed one with it.
    expect(createAnswerEndpoint({ silenceEndMs: 5000 }).onSilence(1500, 8000, true)).toBeNull()
    expect(createAnswerEndpoint({ silenceEndMs: 5000 }).agreedMs).toBe(2000)
  })
})

describe('end-of-answer check', () => {
  it('reads open clauses, fillers and missing full stops as unfinished whatever a model would say', () => {
    for (const open of [
      'We moved the queries and',
      'The first reason was, um',
      'There were two reasons:',
      'So the cache helped because',
      'I measured first,',
      'I measured first and then',
      'and then we',
      '',
    ])
      expect([open, readsUnfinished(open)]).toEqual([open, true])
    for (const done of ['We moved the slow queries behind a cache.', 'It halved the latency!', 'Was it worth it? Yes.'])
      expect([done, readsUnfinished(done)]).toEqual([done, false])
  })

  it('asks the chat model with a deadline, and gives no verdict when it is late, fails or is absent', async () => {
    const stub = await startAiStub({
      script: {
        chat: [
          { when: { lastUserIncludes: 'was the database.' }, reply: JSON.stringify({ complete: false }) },
          { reply: JSON.stringify({ complete: true }) },
        ],
      },
    })
    const { studio } = await createTempStudio({
      ai: { openaiBaseUrl: stub.openaiBaseUrl, deepgramBaseUrl: stub.deepgramBaseUrl },
    })
    try {
      const ok = await studio.dispatch(
        'secrets.set',
        { name: 'openai.apiKey', value: 'sk-judge-test-key' },
        { audience: 'recruiter' },
      )
      expect(ok.ok).toBe(true)
      const deps = { chat: () => studio.ai.capabilities.chat(), prompts: studio.ai.prompts, logger: silentLogger }
      const judge = createTurnJudge(deps, 'Tell me about a slow system you fixed.', null)
      expect(await judge('We moved the queries behind a cache. It halved the latency.')).toBe(true)
      expect(await judge('The slow part was the database.')).toBe(false)
      // An open clause never reaches the model.
      const asked = stub.requests.filter((r) => r.route === 'chat').length
      expect(await judge('The slow part was the database and')).toBe(false)
      expect(stub.requests.filter((r) => r.route === 'chat').length).toBe(asked)
      // The model's request carries the question and the words, fenced as data.
      const last = stub.requests.filter((r) => r.route === 'chat').at(-1)!.json as { messages: { content: string }[] }
      expect(last.messages.map((m) => m.content).join('\n')).toContain('The slow part was the database.')

      stub.setFault('chat', { kind: 'hang' })
      const late = createTurnJudge({ ...deps, deadlineMs: 200 }, 'Tell me about it.', null)
      expect(await late('It was a hang of a day.')).toBeNull()
      stub.clearFaults()
      expect(await createTurnJudge({ ...deps, chat: () => null }, 'Q?', null)('A finished answer.')).toBeNull()
    } finally {
      await studio.close()
      await stub.close()
    }
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
