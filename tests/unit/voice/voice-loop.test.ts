import fs from 'node:fs'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_SILENCE_END_MS } from '@core/voice/answer-endpoint'
import type { QuestionInput, SessionDetail, SessionSummary } from '@shared/contract/interviews'
import type { VoiceReplyEvent } from '@shared/contract/kiosk'
import type { ChatRule } from '../../harness/ai-stub'
import {
  concatPcm,
  probeDuration,
  requireAudioTools,
  silence,
  spokenAnswer,
  type SpokenAnswer,
} from '../../fixtures/audio/speech'
import { tempDir } from '../../helpers/temp-studio'
import { KIOSK_RATE, KioskSim, voiceWorld, type VoiceWorld } from './world'

const TRANSCRIPTS = [
  'I have led a team of five engineers on our checkout service.',
  'We moved the slowest queries behind a cache and cut latency in half.',
  'I would measure first and then change one thing at a time.',
]

const ACK = 'Thank you for walking me through that, it gives me a clear picture of how you approach your work.'

const CHAT: ChatRule[] = [
  // The end-of-answer check reads every answer as unfinished here: only the long pause ends one.
  { when: { systemIncludes: 'has just paused' }, reply: JSON.stringify({ complete: false }) },
  {
    when: { json: true },
    reply: JSON.stringify({ score: 3, coveredPoints: [], note: 'A relevant answer.', followUp: null }),
  },
  { when: { json: false }, reply: ACK },
]

const RUBRIC = [{ name: 'Relevance', description: 'Answers the question with a concrete example', weight: 3 }]
const QUESTIONS: QuestionInput[] = [
  'Tell me about the team you work in today.',
  'Describe a performance problem you solved.',
  'How do you approach a change in a system you do not know?',
].map((text) => ({ text, difficulty: 'standard', type: 'open_voice', rubric: RUBRIC }))

let dir: string
let answers: SpokenAnswer[]
let world: VoiceWorld | undefined

beforeAll(() => {
  requireAudioTools()
  dir = tempDir('panelist-voice-')
  // Real speech, one sentence without commas each (a comma's pause would end the utterance early).
  answers = [
    'I lead a small team that builds our checkout service',
    'We put the slow queries behind a cache and measured again',
    'I read the code first and then change one small thing',
  ].map((text, i) => spokenAnswer(dir, `answer-${i}`, text, { sampleRate: KIOSK_RATE, leadSec: 0.3, tailSec: 1.2 }))
})

afterEach(async () => {
  await world?.close()
  world = undefined
})

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

async function sessionOf(w: VoiceWorld): Promise<SessionDetail> {
  const [summary] = await w.call<SessionSummary[]>('sessions.list', {})
  return w.call<SessionDetail>('sessions.get', { id: summary!.id })
}

const speechSeconds = (answer: SpokenAnswer) => answer.durationSec - 0.3 - 1.2

/**
 * The first question answered, and the interviewer's reply to it under way (slow, so generation and
 * speech are still running); the simulated kiosk does not report playback as ended.
 */
async function replyUnderWay(voice: { answerGraceMs?: number } = {}) {
  world = await voiceWorld({
    studio: { voice },
    stub: {
      script: { chat: CHAT, transcripts: TRANSCRIPTS },
      latency: {
        firstTokenMs: 50,
        tokenIntervalMs: 150,
        responseMs: 30,
        firstAudioByteMs: 30,
        audioChunkIntervalMs: 100,
        sttFinalDelayMs: 50,
      },
    },
  })
  const kiosk = await KioskSim.redeem(world, await world.invite(QUESTIONS))
  await kiosk.start()
  await kiosk.phase('listening', 0)
  kiosk.autoPlayback = false
  await kiosk.say(answers[0]!.pcm)
  await kiosk.until(() => kiosk.of('voice.speech').some((e) => e.at > kiosk.of('voice.caption').at(-1)!.at))
  return { w: world, kiosk, speaking: kiosk.of('voice.speech').at(-1)!.payload.utteranceId }
}

describe('voice loop against the AI wire stub', () => {
  it('runs a whole interview by voice: captions, streamed reply audio, answers with transcripts, timings and playable recordings', async () => {
    world = await voiceWorld({
      stub: {
        script: { chat: CHAT, transcripts: TRANSCRIPTS },
        latency: {
          firstTokenMs: 100,
          tokenIntervalMs: 20,
          responseMs: 30,
          firstAudioByteMs: 50,
          audioChunkIntervalMs: 5,
          sttFinalDelayMs: 100,
        },
      },
    })
    const kiosk = await KioskSim.redeem(world, await world.invite(QUESTIONS))
    const started = await kiosk.start()
    expect(started).toMatchObject({ mode: 'live', captions: true, speech: 'server' })

    for (let turn = 0; turn < QUESTIONS.length; turn++) {
      const listening = await kiosk.phase('listening', turn)
      expect(listening.turn!.question!.text).toBe(QUESTIONS[turn]!.text)
      await kiosk.say(answers[turn]!.pcm)
      await kiosk.until(() => kiosk.state?.phase !== 'listening')
    }
    const done = await kiosk.phase('done')
    expect(done.turn!.status).toBe('completed')
    await kiosk.stop()
    // The chunk that ends an answer is taken like any other.
    expect(kiosk.micErrors).toEqual([])

    // The interviewer spoke every utterance, piece by piece, with audio.
    const replies = kiosk.of('voice.reply').map((e) => e.payload)
    expect(replies[0]!.segment).toBe("Let's begin.")
    expect(replies.filter((r) => !r.done).every((r) => r.speech === 'server')).toBe(true)
    expect(replies.some((r) => r.segment === 'Thank you for walking me through that,')).toBe(true)

    // Live captions: words appeared while each answer was spoken, then the whole answer.
    for (let turn = 0; turn < QUESTIONS.length; turn++) {
      const captions = kiosk.of('voice.caption').filter((e) => e.payload.turnIndex === turn)
      expect(captions.some((c) => !c.payload.final && c.payload.text.length > 0)).toBe(true)
      expect(captions.at(-1)!.payload).toMatchObject({ final: true, text: TRANSCRIPTS[turn] })
    }

    // After each answer, reply audio reached the kiosk while the chat model was still writing the reply.
    const chatStreams = world.stub.requests.filter(
      (r) => r.route === 'chat' && !(r.json as { response_format?: unknown }).response_format,
    )
    expect(chatStreams).toHaveLength(QUESTIONS.length)
    for (const chat of chatStreams) {
      const utterance = kiosk.of('voice.reply').find((e) => e.at > chat.startedAt && !e.payload.done)!.payload
        .utteranceId
      const firstAudio = kiosk.of('voice.speech').find((e) => e.payload.utteranceId === utterance)!
      expect(firstAudio.at).toBeLessThan(chat.endedAt!)
    }

    const session = await sessionOf(world)
    expect(session.answers).toHaveLength(QUESTIONS.length)
    for (const [turn, answer] of session.answers.entries()) {
      expect(answer).toMatchObject({ turnIndex: turn, inputMode: 'voice', text: TRANSCRIPTS[turn], skipped: false })
      expect(answer.transcriptWords.map((w) => w.word).join(' ')).toBe(TRANSCRIPTS[turn])
      const file = path.join(world.dataDir, answer.audioPath!)
      const seconds = probeDuration(file)!
      // The recording holds the spoken answer and the silence that ended it.
      expect(seconds).toBeGreaterThan(speechSeconds(answers[turn]!))
      expect(seconds).toBeLessThan(answers[turn]!.durationSec + DEFAULT_SILENCE_END_MS / 1000)
      for (const word of answer.transcriptWords) expect(word.end).toBeLessThanOrEqual(seconds + 0.05)
      expect(answer.speechMs / 1000).toBeGreaterThan(speechSeconds(answers[turn]!) * 0.75)
      expect(answer.speechMs / 1000).toBeLessThan(speechSeconds(answers[turn]!) * 1.15)
      // Lead-in silence of the recording plus the few chunks before the test began speaking.
      expect(answer.responseDelayMs).toBeGreaterThanOrEqual(250)
      expect(answer.responseDelayMs).toBeLessThan(1000)
    }
    const recordings = await world.studio.db
      .selectFrom('interview_recordings')
      .selectAll()
      .orderBy('turn_index')
      .execute()
    expect(recordings.map((r) => [r.status, r.answer_id])).toEqual(session.answers.map((a) => ['complete', a.id]))
  })

  it('keeps a long answer with thinking pauses whole, and ends it at once when the candidate hands the turn back', async () => {
    const parts = [
      'We had a checkout page that took four seconds to load',
      'So first I measured where the time went',
      'The slowest part was a query without an index',
    ].map((text, i) => spokenAnswer(dir, `long-${i}`, text, { sampleRate: KIOSK_RATE, leadSec: 0.1, tailSec: 0.1 }))
    // Pauses of about 1 and 2 s (with espeak's own silent edges): each far longer than the provider's end of speech.
    const gaps = [0.6, 1.5]
    const longAnswer = concatPcm(
      parts[0]!.pcm,
      silence(KIOSK_RATE, gaps[0]!),
      parts[1]!.pcm,
      silence(KIOSK_RATE, gaps[1]!),
      parts[2]!.pcm,
    )
    const closing = spokenAnswer(dir, 'closing', 'I add the index and that is my answer', {
      sampleRate: KIOSK_RATE,
      leadSec: 0.1,
      tailSec: 0.1,
    })
    const heard = [
      'We had a checkout page that took four seconds to load.',
      'So first I measured where the time went.',
      'The slowest part was a query without an index',
      'I add the index and that is my answer.',
    ]
    world = await voiceWorld({
      stub: {
        script: { chat: CHAT, transcripts: heard },
        latency: {
          firstTokenMs: 50,
          tokenIntervalMs: 5,
          responseMs: 30,
          firstAudioByteMs: 20,
          audioChunkIntervalMs: 5,
          sttFinalDelayMs: 50,
        },
      },
    })
    const kiosk = await KioskSim.redeem(world, await world.invite(QUESTIONS.slice(0, 2)))
    await kiosk.start()
    await kiosk.phase('listening', 0)
    await kiosk.say(longAnswer)
    await kiosk.phase('listening', 1, 30_000)
    await kiosk.say(closing.pcm)
    await kiosk.phase('done', undefined, 30_000)
    await kiosk.stop()

    const session = await sessionOf(world)
    expect(session.answers.map((a) => a.text)).toEqual([heard.slice(0, 3).join(' '), heard[3]])
    const [first, second] = session.answers.map((a) => probeDuration(path.join(world!.dataDir, a.audioPath!))!)
    const longSeconds = longAnswer.byteLength / 2 / KIOSK_RATE
    // The whole long answer is in its recording, then the silence that ended it.
    expect(first).toBeGreaterThan(longSeconds)
    expect(first).toBeLessThan(longSeconds + DEFAULT_SILENCE_END_MS / 1000 + 0.5)
    // Handing the turn back ended the second answer well before a silence could have.
    expect(second).toBeLessThan(closing.durationSec + DEFAULT_SILENCE_END_MS / 1000 - 0.5)
  })

  it("ends at a shorter pause when the end-of-answer check agrees, and otherwise waits the template's own pause", async () => {
    const judged: ChatRule[] = [
      // The model reads the first answer as complete and the second as likely to go on.
      { when: { systemIncludes: 'has just paused', lastUserIncludes: 'checkout' }, reply: '{"complete":true}' },
      { when: { systemIncludes: 'has just paused' }, reply: '{"complete":false}' },
      ...CHAT.slice(1),
    ]
    world = await voiceWorld({
      stub: {
        script: { chat: judged, transcripts: TRANSCRIPTS },
        latency: { firstTokenMs: 20, tokenIntervalMs: 5, responseMs: 20, firstAudioByteMs: 20, sttFinalDelayMs: 50 },
      },
    })
    const kiosk = await KioskSim.redeem(world, await world.invite(QUESTIONS.slice(0, 2), { answerSilenceSec: 4 }))
    await kiosk.start()
    for (const [turn, answer] of answers.slice(0, 2).entries()) {
      await kiosk.phase('listening', turn)
      await kiosk.say(answer.pcm)
    }
    await kiosk.phase('done', undefined, 30_000)
    const session = await sessionOf(world)
    expect(session.answers.map((a) => a.text)).toEqual(TRANSCRIPTS.slice(0, 2))
    // Silence recorded after each sentence ended (its recording holds 1.2 s of tail in the sentence itself).
    const after = session.answers.map((a, i) => {
      const recorded = probeDuration(path.join(world!.dataDir, a.audioPath!))!
      return recorded - a.responseDelayMs / 1000 - (answers[i]!.durationSec - 0.3)
    })
    // Agreed: 40% of the template's 4 s pause (1.6 s, 1.2 s of it in the tail), plus the check's own time.
    expect(after[0]).toBeLessThan(1.2)
    // Not agreed: the whole 4 s pause.
    expect(after[1]).toBeGreaterThan(2.4)
    await kiosk.stop()
  })

  it('stops speaking and cancels the reply in flight when the candidate talks over the interviewer', async () => {
    // Here the candidate answers the next question over the reply; talking again within the grace
    // window would continue the last answer instead (the next test).
    const { w, kiosk, speaking } = await replyUnderWay({ answerGraceMs: 0 })

    const cutIn = kiosk.say(answers[1]!.pcm)
    await kiosk.until(() => kiosk.of('voice.stopPlayback').some((e) => e.payload.utteranceId === speaking))
    const stoppedAt = kiosk.of('voice.stopPlayback').at(-1)!.at
    const state = await kiosk.phase('listening', 1)
    expect(state.interrupted).toBe(true)

    // Generation and speech were aborted: nothing is left open at the provider.
    await kiosk.until(() => w.stub.activeRequests() === 0, 2000)
    const cancelled = await w.studio.db
      .selectFrom('ai_usage')
      .select(['capability', 'outcome'])
      .where('outcome', '=', 'cancelled')
      .execute()
    expect(cancelled.map((r) => r.capability).sort()).toEqual(['chat', 'tts'])
    // No audio of the interrupted utterance arrived after it was stopped.
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(kiosk.of('voice.speech').filter((e) => e.payload.utteranceId === speaking && e.at > stoppedAt)).toEqual([])
    const reply = kiosk.of('voice.reply').filter((e) => e.payload.utteranceId === speaking)
    expect(reply.some((e) => (e.payload as VoiceReplyEvent).done)).toBe(false)

    // What the candidate said over the interviewer is the answer to the next question, from its first word.
    kiosk.autoPlayback = true
    await cutIn
    await kiosk.phase('speaking')
    const session = await sessionOf(w)
    expect(session.answers.map((a) => [a.turnIndex, a.text])).toEqual([
      [0, TRANSCRIPTS[0]],
      [1, TRANSCRIPTS[1]],
    ])
    expect(session.answers[1]!.responseDelayMs).toBe(0)
    expect(session.answers[1]!.speechMs / 1000).toBeGreaterThan(speechSeconds(answers[1]!) * 0.75)
    await kiosk.stop()
  })

  it('continues the same answer when the candidate speaks again just after a pause ended it, then asks the next question in full', async () => {
    // The pause ended the answer and the interviewer began to reply...
    const { w, kiosk, speaking } = await replyUnderWay()
    expect((await sessionOf(w)).answers.map((a) => [a.turnIndex, a.text])).toEqual([[0, TRANSCRIPTS[0]]])

    // ...when the candidate went on: the reply stops and the same question listens again.
    const more = kiosk.say(answers[1]!.pcm)
    await kiosk.until(() => kiosk.of('voice.stopPlayback').some((e) => e.payload.utteranceId === speaking))
    const resumed = await kiosk.phase('listening', 0)
    expect(resumed.interrupted).toBe(true)
    kiosk.autoPlayback = true
    await more
    const next = await kiosk.phase('listening', 1, 30_000)
    expect(next.turn?.question?.text).toBe(QUESTIONS[1]!.text)

    // One answer holds both parts, rated again on all of it, with both recordings.
    const session = await sessionOf(w)
    expect(session.answers.map((a) => [a.turnIndex, a.text])).toEqual([[0, `${TRANSCRIPTS[0]} ${TRANSCRIPTS[1]}`]])
    const whole = session.answers[0]!
    expect(whole.speechMs / 1000).toBeGreaterThan((speechSeconds(answers[0]!) + speechSeconds(answers[1]!)) * 0.75)
    const words = whole.transcriptWords.map((w) => w.word).join(' ')
    expect(words.split(' ')).toHaveLength(whole.text.split(' ').length)
    const starts = whole.transcriptWords.map((w) => w.start)
    expect([...starts].sort((a, b) => a - b)).toEqual(starts)
    const recordings = await w.studio.db
      .selectFrom('interview_recordings')
      .select(['kind', 'answer_id'])
      .where('answer_id', '=', whole.id)
      .execute()
    expect(recordings.filter((r) => r.kind === 'audio')).toHaveLength(2)
    // The interviewer's words after the continuation end with the next question, asked in full.
    const spoken = kiosk
      .of('voice.reply')
      .filter((e) => e.at > kiosk.of('voice.stopPlayback').at(-1)!.at && !e.payload.done)
      .map((e) => e.payload.segment)
      .join('')
    expect(spoken).toContain(QUESTIONS[1]!.text)
    await kiosk.stop()
  })

  it('runs scripted with no keys: the kiosk speaks, answers are recorded, and transcription waits in the queue until a key is set', async () => {
    world = await voiceWorld({ keys: false, stub: { script: { transcripts: TRANSCRIPTS } } })
    const kiosk = await KioskSim.redeem(world, await world.invite(QUESTIONS.slice(0, 2)))
    expect(await kiosk.start()).toMatchObject({ mode: 'scripted', captions: false, speech: 'browser' })
    await kiosk.phase('listening', 0)
    const spoken = kiosk.of('voice.reply').map((e) => e.payload)
    expect(spoken.filter((r) => !r.done).map((r) => [r.segment, r.speech])).toEqual([
      ["Let's begin.", 'browser'],
      [QUESTIONS[0]!.text, 'browser'],
    ])
    expect(kiosk.of('voice.speech')).toEqual([])

    await kiosk.say(answers[0]!.pcm)
    await kiosk.phase('listening', 1)
    await kiosk.stop()
    expect(world.stub.requests).toEqual([])

    const scripted = await sessionOf(world)
    const [answer] = scripted.answers
    // The skill it fed reads as pending, not as a level failed on silence.
    expect(scripted.skills.length).toBeGreaterThan(0)
    expect(scripted.skills.every((skill) => skill.pending)).toBe(true)
    // Rated as silence while no words were known, and shown as pending rather than as a failed answer.
    expect(answer).toMatchObject({ inputMode: 'voice', text: '', skipped: false, quality: 0, transcriptPending: true })
    expect(answer!.qualityNote).toMatch(/^0 words/)
    expect(probeDuration(path.join(world.dataDir, answer!.audioPath!))).toBeGreaterThan(speechSeconds(answers[0]!))
    expect(answer!.speechMs / 1000).toBeGreaterThan(speechSeconds(answers[0]!) * 0.75)
    const job = await world.studio.db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', 'voice.transcribe')
      .executeTakeFirstOrThrow()
    await kiosk.until(() => false, 300).catch(() => undefined)
    const waiting = await world.studio.db
      .selectFrom('jobs')
      .select(['status', 'last_error'])
      .where('id', '=', job.id)
      .executeTakeFirstOrThrow()
    expect(waiting.status).toBe('queued')
    expect(waiting.last_error).toMatch(/not available/)

    await world.call('secrets.set', { name: 'deepgram.apiKey', value: 'dg-key-arrives-later' })
    await kiosk.until(() => false, 200).catch(() => undefined)
    await world.studio.queue.idle()
    const transcribed = (await sessionOf(world)).answers[0]!
    expect(transcribed.text).toBe(TRANSCRIPTS[0])
    expect(transcribed.transcriptPending).toBe(false)
    expect((await sessionOf(world)).skills.some((skill) => skill.pending)).toBe(false)
    expect(transcribed.transcriptWords.length).toBe(TRANSCRIPTS[0]!.split(' ').length)
    // Rated again on its words, offline (no chat key): the recruiter reads what was said.
    expect(transcribed.quality).toBeGreaterThan(0)
    expect(transcribed.qualitySource).toBe('heuristic')
    expect(transcribed.qualityNote).toMatch(/^[1-9]\d* words/)
    expect(world.stub.requests.map((r) => r.route)).toEqual(['listen'])
  })

  it('repeats the question, takes a typed answer, and keeps consent and integrity signals', async () => {
    world = await voiceWorld({ stub: { script: { chat: CHAT, transcripts: TRANSCRIPTS } } })
    const kiosk = await KioskSim.redeem(world, await world.invite(QUESTIONS.slice(0, 2)))
    await kiosk.send('interview.consent', { token: kiosk.token, choice: 'consented' })
    await kiosk.start()
    await kiosk.phase('listening', 0)

    const before = kiosk.of('voice.reply').length
    await kiosk.send('interview.voiceRepeat', { streamId: kiosk.streamId })
    await kiosk.phase('listening', 0)
    const repeated = kiosk
      .of('voice.reply')
      .slice(before)
      .filter((e) => !e.payload.done)
    expect(repeated.map((e) => e.payload.segment)).toEqual([QUESTIONS[0]!.text])

    // While the candidate types, speaking (and pausing) does not end the answer.
    await kiosk.send('interview.voiceTyping', { streamId: kiosk.streamId, typing: true })
    await kiosk.say(answers[2]!.pcm)
    await kiosk.until(() => kiosk.of('voice.caption').some((e) => e.payload.final))
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(kiosk.state!.phase).toBe('listening')
    await kiosk.send('interview.integrity', { token: kiosk.token, kind: 'paste', turnIndex: 0, amount: 42 })
    await kiosk.send('interview.integrity', { token: kiosk.token, kind: 'focus_lost', turnIndex: 0 })
    await kiosk.send('interview.voiceTextAnswer', {
      streamId: kiosk.streamId,
      turnIndex: 0,
      text: 'I prefer to write this one down: a small team, weekly releases.',
      typingMs: 20_000,
      pastedChars: 42,
    })
    await kiosk.phase('listening', 1)
    await kiosk.stop()

    const session = await sessionOf(world)
    expect(session.answers[0]).toMatchObject({
      inputMode: 'text',
      pastedChars: 42,
      audioPath: null,
      text: 'I prefer to write this one down: a small team, weekly releases.',
    })
    const events = await world.studio.db
      .selectFrom('interview_kiosk_events')
      .select(['kind', 'turn_index', 'amount'])
      .orderBy('occurred_at')
      .orderBy('id')
      .execute()
    expect(events).toEqual([
      { kind: 'consented', turn_index: null, amount: 0 },
      { kind: 'paste', turn_index: 0, amount: 42 },
      { kind: 'focus_lost', turn_index: 0, amount: 0 },
    ])
    // A closed stream is gone; a stranger's token opens nothing.
    await expect(
      kiosk.send('interview.voiceMic', { streamId: kiosk.streamId, seq: 99_999, pcm: '' }),
    ).rejects.toMatchObject({ code: 'not_found' })
    await expect(
      world.call(
        'interview.voiceStart',
        { token: 'x'.repeat(40), streamId: crypto.randomUUID(), sampleRate: 16_000 },
        'kiosk',
      ),
    ).rejects.toMatchObject({ code: 'forbidden' })
    await expect(
      world.call(
        'interview.voiceStart',
        { token: kiosk.token, streamId: crypto.randomUUID(), sampleRate: 16_000 },
        'recruiter',
      ),
    ).rejects.toMatchObject({
      code: 'forbidden',
    })
  })
})
